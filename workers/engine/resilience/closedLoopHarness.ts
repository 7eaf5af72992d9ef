/**
 * A standalone closed loop for tests and for measuring the closed workload
 * module before it is wired into the simulator: N users of
 * {@link ClosedWorkload} against one FCFS server with exponential service.
 * Not used by the engine (it allocates per event; the engine will not).
 *
 * Print its numbers: node --import tsx -e "import('./workers/engine/resilience/closedLoopHarness.ts').then(m => console.log(m.closedLoopReport()))"
 */
import { Rng } from '../rng';
import { ClosedWorkload, ThinkTime, interactiveResponseMs, mvaClosed } from './closedWorkload';

/**
 * One closed-loop run: N users of the module against one FCFS server
 * with exponential service (mean serviceMs). Returns the measured mean
 * response time, throughput (per ms) and mean think time over [warmMs, endMs).
 */
export function closedLoop(users: number, serviceMs: number, thinkMs: number, endMs: number, warmMs: number, seed: number) {
  const wl = new ClosedWorkload(users, new ThinkTime({ dist: 'exponential', meanMs: thinkMs }), new Rng(seed));
  const serviceRng = new Rng(seed ^ 0x5bd1e995);
  const next = new Float64Array(users); // time of each user's next submission, or Infinity while waiting
  for (let u = 0; u < users; u++) next[u] = wl.start(u);
  const queue: number[] = []; // users waiting or in service, FCFS; head in service
  let doneAt = Number.POSITIVE_INFINITY;
  let completions = 0;
  let responseSum = 0;
  let thinkSum = 0;
  let thinks = 0;
  for (;;) {
    let u = 0;
    for (let i = 1; i < users; i++) if (next[i] < next[u]) u = i;
    const t = Math.min(next[u], doneAt);
    if (t >= endMs) break;
    if (doneAt <= next[u]) {
      const v = queue.shift()!;
      const responseMs = doneAt - wl.submitMs[v];
      const z0 = wl.thinkMsTotal;
      next[v] = wl.onResponse(v, doneAt);
      if (doneAt >= warmMs) {
        completions++;
        responseSum += responseMs;
        thinkSum += wl.thinkMsTotal - z0;
        thinks++;
      }
      doneAt = queue.length > 0 ? t + serviceRng.exp(serviceMs) : Number.POSITIVE_INFINITY;
    } else {
      next[u] = Number.POSITIVE_INFINITY;
      queue.push(u);
      if (queue.length === 1) doneAt = t + serviceRng.exp(serviceMs);
    }
  }
  const spanMs = endMs - warmMs;
  return { responseMs: responseSum / completions, throughputPerMs: completions / spanMs, thinkMs: thinkSum / thinks };
}


/** The figures the tests check (N = 8, S = 10 ms, Z = 50 ms, 2 000 s, seed 3), as text. */
export function closedLoopReport(): string {
  const m = closedLoop(8, 10, 50, 2_000_000, 20_000, 3);
  const mva = mvaClosed(8, [10], 50);
  const law = interactiveResponseMs(8, m.throughputPerMs, m.thinkMs);
  return [
    `measured R = ${m.responseMs.toFixed(3)} ms, X = ${(m.throughputPerMs * 1000).toFixed(3)}/s, Z = ${m.thinkMs.toFixed(3)} ms`,
    `N/X − Z = ${law.toFixed(3)} ms (ratio to R ${(law / m.responseMs).toFixed(5)})`,
    `MVA R = ${mva.responseMs.toFixed(3)} ms, X = ${(mva.throughputPerMs * 1000).toFixed(3)}/s (R ratio ${(m.responseMs / mva.responseMs).toFixed(5)})`,
  ].join('\n');
}
