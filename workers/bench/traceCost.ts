/**
 * `node --import tsx workers/bench/traceCost.ts`: does recording a trace
 * (workers/engine/trace.ts, a Simulator subclass) slow down normal runs in
 * the same thread? Times plain simulate() before and after traces ran, after
 * a JIT warm-up, best of 5 each, and prints the ratio (1.00 = no cost).
 */
import { T_VISITS } from '../engine/raw';
import { compileModel } from '../engine/compile';
import type { Topology } from '../engine/schema';
import { simulate } from '../engine/simulate';
import { traceDocument } from '../engine/trace';
import { mmc, rankTemplate } from './models';

function visitsPerSec(doc: Topology, requests: number): number {
  const m = compileModel(doc);
  const durationMs = (requests / doc.workload.ratePerSec) * 1000;
  const t0 = process.hrtime.bigint();
  const raw = simulate(m, { arrival: 0, ratePerSec: doc.workload.ratePerSec, profile: null, burst: doc.workload.burst, warmupMs: 0, durationMs, windowMs: durationMs / 60, seed: 5 });
  return raw.totals[T_VISITS] / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const docs = [mmc(8), rankTemplate()].filter((d): d is Topology => d !== null);
const best = (doc: Topology) => Math.max(...[1, 2, 3, 4, 5].map(() => visitsPerSec(doc, 1_000_000)));
for (const doc of docs) for (let k = 0; k < 3; k++) visitsPerSec(doc, 1_000_000); // JIT warm-up
const before = docs.map(best);
for (const doc of docs) for (let k = 0; k < 5; k++) traceDocument(doc, { requests: 200 });
const after = docs.map(best);
docs.forEach((d, i) => {
  const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  console.log(`${d.name}: ${m(before[i])} visits/s before any trace, ${m(after[i])} after 5 traces in the same thread: ratio ${(after[i] / before[i]).toFixed(3)}`);
});
