/** The sweep part of the benchmark: the same load sweep on 1 and on 2 worker threads (same engine API), timed. */
import { Worker } from 'node:worker_threads';
import type { RunOptions, RunResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { sweepJobOrder, sweepRates } from '../engine/sweep';

const WORKER = new URL('./sweepWorkerBoot.mjs', import.meta.url);

/** Runs jobs on `n` long-lived workers, each taking the next job when free, in the order the studio's pool takes them (sweepJobOrder); results in job order. */
async function runPool(n: number, doc: Topology, jobs: RunOptions[]): Promise<{ wallSec: number; results: RunResult[] }> {
  const workers = Array.from({ length: n }, () => new Worker(WORKER));
  const call = (w: Worker, id: number, opts: RunOptions) =>
    new Promise<RunResult>((resolve, reject) => {
      const failed = (e: Error) => reject(e);
      w.once('error', failed);
      w.once('message', (m: { id: number; result: RunResult }) => {
        w.off('error', failed);
        resolve(m.result);
      });
      w.postMessage({ id, doc, opts });
    });
  // Warm up, as a long-lived worker of the studio is after its first sweep: load the code, and JIT
  // it on every load of the sweep (a short run of each), so no timed job pays for compiling or for
  // the re-optimisation that a load never seen before triggers (a light load leaves servers idle, a
  // heavy one builds queues: different paths through the engine).
  await Promise.all(
    workers.map(async (w, i) => {
      for (const job of jobs) await call(w, -1 - i, { ...job, durationSec: 20, warmupSec: 2 });
    }),
  );
  const results: RunResult[] = new Array(jobs.length);
  const order = sweepJobOrder(
    jobs.map((j) => j.ratePerSec ?? doc.workload.ratePerSec),
    1,
  ).map((j) => j.point);
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    workers.map(async (w) => {
      while (next < jobs.length) {
        const id = order[next++];
        results[id] = await call(w, id, jobs[id]);
      }
    }),
  );
  const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallSec, results };
}

const bytes = (r: unknown) => JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

/** Prints the wall time of an 8-point sweep on 1 and 2 workers (best of two alternating rounds each), the speed-up, and whether the results are identical. */
export async function sweepSpeedup(doc: Topology): Promise<void> {
  const jobs = sweepRates(doc, { steps: 8 }).map((ratePerSec) => ({ ratePerSec, durationSec: 240, warmupSec: 10 }));
  const ones: Awaited<ReturnType<typeof runPool>>[] = [];
  const twos: typeof ones = [];
  for (let round = 0; round < 2; round++) {
    ones.push(await runPool(1, doc, jobs));
    twos.push(await runPool(2, doc, jobs));
  }
  const best = (runs: typeof ones) => Math.min(...runs.map((r) => r.wallSec));
  const one = best(ones);
  const two = best(twos);
  const same = [...ones, ...twos].every((run) => run.results.every((r, i) => bytes(r) === bytes(ones[0].results[i])));
  console.log(
    `\nsweep of ${jobs.length} loads (${doc.name}, 240 s each, both designs), best of 2 alternating rounds: 1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s: speed-up ${(one / two).toFixed(2)}×; results ${same ? 'identical' : 'DIFFERENT'}`,
  );
}
