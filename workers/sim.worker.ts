// The simulation worker: exposes the engine API over comlink, nothing else.
// Results travel back with comlink.transfer (typed arrays moved, not copied).
// Two additions of the worker itself (the engine reads no clock): a heartbeat
// the pool watches (a worker that dies silently is noticed within seconds),
// and a wall-clock deadline per job, given to the engine as a callback.
import { expose, transfer } from 'comlink';
import { engineApi } from './engine/api';
import type { ReplicationResult } from './engine/raw';
import type { RunOptions, RunResult, SweepResult } from './engine/results';
import type { ParseResult } from './engine/parse';
import type { Topology } from './engine/schema';
import type { SimBudget } from './engine/simulate';
import { traceBuffers } from './engine/trace';
import { readDocumentText } from './report/readDocumentText';
import { HEARTBEAT_MS, JOB_DEADLINE_SEC, jobDeadlineSec } from './workerLimits';

let lastBeatMs = 0;
/** Share (0–1) of the running replication's simulated duration done so far; null when idle. */
let jobProgress: number | null = null;
/**
 * Posts `{ heartbeat, progress }` at most every HEARTBEAT_MS: from a timer when idle, from the engine's
 * budget check when busy. `progress`: how far the running replication is (simulated time ÷ duration), so
 * a long run (a day of traffic) can show progress inside one replication; null when idle.
 */
function beat(): void {
  const t = Date.now();
  if (t - lastBeatMs < HEARTBEAT_MS) return;
  lastBeatMs = t;
  self.postMessage({ heartbeat: t, progress: jobProgress });
}
setInterval(beat, HEARTBEAT_MS);

/** The budget of one job: `deadlineSec` of wall-clock time (JOB_DEADLINE_SEC unless given), beating while it runs. */
function jobBudget(deadlineSec = JOB_DEADLINE_SEC): SimBudget {
  const at = Date.now() + deadlineSec * 1000;
  jobProgress = 0;
  return {
    expired: () => {
      beat();
      return Date.now() > at;
    },
    progress: (simulatedMs, durationMs) => {
      jobProgress = durationMs > 0 ? simulatedMs / durationMs : null;
    },
  };
}

/** Runs one job under its budget; afterwards the heartbeat says idle again (progress null). */
function job<R extends RunResult | SweepResult | ReplicationResult>(deadlineSec: number | undefined, run: (budget: SimBudget) => R): R {
  try {
    return moved(run(jobBudget(deadlineSec)));
  } finally {
    jobProgress = null;
  }
}

/** The deadline of a job over the document's run: given, or scaled with the simulated duration (jobDeadlineSec). */
const deadlineOf = (doc: Topology, opts: RunOptions, given?: number) => given ?? jobDeadlineSec(opts.durationSec ?? doc.run.durationSec);

function moved<R extends RunResult | SweepResult | ReplicationResult>(r: R): R {
  return transfer(r, engineApi.transferables(r));
}

expose({
  ...engineApi,
  simulateReplication: (doc: Topology, opts: RunOptions, replication: number, deadlineSec?: number) =>
    job(deadlineOf(doc, opts, deadlineSec), (b) => engineApi.simulateReplication(doc, opts, replication, b)),
  combineReplications: (...a: Parameters<typeof engineApi.combineReplications>) => moved(engineApi.combineReplications(...a)),
  runPoint: (doc: Topology, opts: RunOptions, deadlineSec?: number) => job(deadlineOf(doc, opts, deadlineSec), (b) => engineApi.runPoint(doc, opts, b)),
  sweep: (...a: Parameters<typeof engineApi.sweep>) => job(undefined, (b) => engineApi.sweep(a[0], a[1], a[2], b)),
  /** Reads a file the user opened (JSON or a report's HTML) here, off the page's thread. */
  readDocumentFile: async (file: Blob, name: string) => readDocumentText(await file.text(), name),
  traceDocument: (...a: Parameters<typeof engineApi.traceDocument>) => {
    const t = engineApi.traceDocument(...a);
    return transfer(t, traceBuffers(t));
  },
});

/** The API as the app sees it through comlink (the worker's own signatures, with the deadline argument). */
export type SimWorkerApi = Omit<typeof engineApi, 'simulateReplication' | 'runPoint'> & {
  simulateReplication(doc: Topology, opts: RunOptions, replication: number, deadlineSec?: number): ReplicationResult;
  runPoint(doc: Topology, opts: RunOptions, deadlineSec?: number): RunResult;
  readDocumentFile(file: Blob, name: string): Promise<ParseResult>;
};
