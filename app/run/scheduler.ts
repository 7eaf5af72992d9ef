/**
 * Runs a list of points (offered loads) through a worker pool: one job per
 * (point, replication), queued lightest point first then heaviest first
 * (sweepJobOrder in the engine); when a point's replications are all back it is combined (on a
 * worker, in replication order, by the engine's combineReplications) and
 * reported at once. The numbers depend only on the document, the options and
 * the seed, never on the number of workers or the order jobs finish in.
 */
import type { ReplicationResult } from '../../workers/engine/raw';
import type { RunOptions, RunResult } from '../../workers/engine/results';
import type { Topology } from '../../workers/engine/schema';
import { sweepJobOrder } from '../../workers/engine/sweep';
import type { WorkerPool } from './workerPool';

export interface ScheduleHooks {
  /** A point is complete (index into `points`). */
  onPoint?(index: number, result: RunResult): void;
  /** A replication job finished (jobs done so far, jobs in all). */
  onJob?(done: number, total: number): void;
}

/**
 * Runs every point with `replications` replications; resolves with the
 * results in point order. Rejects with the first failure (the caller
 * decides whether to cancel the rest with `pool.cancel()`).
 */
export function runPoints(
  pool: WorkerPool,
  doc: Topology,
  points: readonly RunOptions[],
  replications: number,
  hooks: ScheduleHooks = {},
): Promise<RunResult[]> {
  const total = points.length * replications;
  const optsOf = points.map((p) => ({ ...p, replications }));
  const reps: ReplicationResult[][] = points.map(() => []);
  const results: RunResult[] = new Array(points.length);
  let jobsDone = 0;
  return new Promise<RunResult[]>((resolve, reject) => {
    let pointsLeft = points.length;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    if (pointsLeft === 0) resolve([]);
    const combine = (p: number) => {
      const opts = optsOf[p];
      pool
        .run((engine) => engine.combineReplications(doc, opts, reps[p]), true)
        .then((result) => {
          if (failed) return;
          results[p] = result;
          reps[p] = [];
          hooks.onPoint?.(p, result);
          if (--pointsLeft === 0) resolve(results);
        }, fail);
    };
    for (const { point, replication } of sweepJobOrder(
      // A closed sweep's cost grows with its users as an open one's with its rate.
      points.map((p) => p.users ?? p.ratePerSec ?? doc.workload.ratePerSec),
      replications,
    )) {
      const opts = optsOf[point];
      pool
        .run((engine) => engine.simulateReplication(doc, opts, replication))
        .then((rep) => {
          if (failed) return;
          reps[point].push(rep);
          hooks.onJob?.(++jobsDone, total);
          if (reps[point].length === replications) combine(point);
        }, fail);
    }
  });
}
