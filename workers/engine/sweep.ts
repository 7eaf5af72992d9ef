/** Load sweeps: a list of offered loads, and a RunResult at each. */
import { analyze } from './analytic';
import { analyzeClosed } from './analytic/closed';
import { isClosedWorkload } from './resilience/closedWorkload';
import { LIMITS } from './limits';
import type { RunOptions, SweepResult } from './results';
import { runPoint } from './run';
import type { SimBudget } from './simulate';
import type { Topology } from './schema';

/** Which loads a sweep runs; every field optional. A closed workload's sweep reads fromUsers/toUsers, an open one's fromPerSec/toPerSec. */
export interface SweepRangeSpec {
  fromPerSec?: number;
  toPerSec?: number;
  steps?: number;
  fromUsers?: number;
  toUsers?: number;
}

/** Default number of sweep points. */
export const DEFAULT_SWEEP_STEPS = 10;
/** By default a sweep ends at this multiple of the microservice design's analytic saturation rate. */
export const SWEEP_OVERLOAD = 1.2;

/**
 * The offered loads (req/s, ascending, evenly spaced) of a sweep. Default
 * end: 1.2 × the microservice design's analytic saturation rate (or 2 × the
 * document's rate when the analytic model has none); default start: end /
 * steps; default steps: 10. Throws a RangeError on an invalid range.
 */
export function sweepRates(doc: Topology, range: SweepRangeSpec = {}): number[] {
  const steps = range.steps ?? DEFAULT_SWEEP_STEPS;
  if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new RangeError(`steps must be a whole number from 1 to 1000 (got ${steps})`);
  const sat = analyze(doc, doc.workload.ratePerSec).saturationRatePerSec;
  const autoTo = sat !== null && Number.isFinite(sat) && sat > 0 ? SWEEP_OVERLOAD * sat : 2 * doc.workload.ratePerSec;
  const to = range.toPerSec ?? Math.min(autoTo, LIMITS.maxRatePerSec);
  const from = range.fromPerSec ?? to / steps;
  const ok = (x: number) => Number.isFinite(x) && x > 0 && x <= LIMITS.maxRatePerSec;
  if (!ok(from)) throw new RangeError(`from must be greater than 0 and at most ${LIMITS.maxRatePerSec} req/s (got ${from})`);
  if (!ok(to)) throw new RangeError(`to must be greater than 0 and at most ${LIMITS.maxRatePerSec} req/s (got ${to})`);
  if (to < from) throw new RangeError(`to (${to}) must not be below from (${from})`);
  if (steps === 1) return [to];
  return Array.from({ length: steps }, (_, k) => from + ((to - from) * k) / (steps - 1));
}

/** By default a closed sweep ends at this multiple of the knee N* = (D + Z)/Dmax, or at the document's users if more. */
export const SWEEP_KNEE_MULTIPLE = 2;

/**
 * The users N of a closed workload's sweep (ascending whole numbers, evenly
 * spaced then rounded, repeats dropped, so a short range has fewer points
 * than `steps`). Default end: the larger of the document's users and
 * 2 × the knee N* = (D + Z)/Dmax of the microservice design's MVA (Lazowska
 * et al. §5.3: below N* throughput grows with N, above it response time
 * does); default start: end / steps (at least 1). Throws a RangeError on an
 * invalid range.
 */
export function sweepUsers(doc: Topology, range: SweepRangeSpec = {}): number[] {
  const steps = range.steps ?? DEFAULT_SWEEP_STEPS;
  if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new RangeError(`steps must be a whole number from 1 to 1000 (got ${steps})`);
  const max = LIMITS.maxClosedUsers;
  const docUsers = doc.workload.users ?? 1;
  const c = analyzeClosed(doc, 1).closed!;
  const knee = c.maxDemandMs > 0 ? (c.totalDemandMs + c.thinkMs) / c.maxDemandMs : 0;
  const to = range.toUsers ?? Math.min(max, Math.max(docUsers, Math.ceil(SWEEP_KNEE_MULTIPLE * knee)));
  const from = range.fromUsers ?? Math.max(1, Math.round(to / steps));
  const ok = (x: number) => Number.isInteger(x) && x >= 1 && x <= max;
  if (!ok(from)) throw new RangeError(`from must be a whole number of users from 1 to ${max} (got ${from})`);
  if (!ok(to)) throw new RangeError(`to must be a whole number of users from 1 to ${max} (got ${to})`);
  if (to < from) throw new RangeError(`to (${to} users) must not be below from (${from} users)`);
  if (steps === 1) return [to];
  const out: number[] = [];
  for (let k = 0; k < steps; k++) {
    const n = Math.round(from + ((to - from) * k) / (steps - 1));
    if (out[out.length - 1] !== n) out.push(n);
  }
  return out;
}

/** The points of a sweep as run options: `{ users }` for a closed workload, `{ ratePerSec }` for an open one. */
export function sweepPoints(doc: Topology, range: SweepRangeSpec = {}): RunOptions[] {
  return isClosedWorkload(doc) ? sweepUsers(doc, range).map((users) => ({ users })) : sweepRates(doc, range).map((ratePerSec) => ({ ratePerSec }));
}

/** One job of a run on a worker pool: a replication of a point (indices into the run's points). */
export interface SweepJob {
  point: number;
  replication: number;
}

/**
 * The order in which a worker pool should take a run's jobs. A point's cost
 * grows with its offered load, so: the lightest point first (a first result
 * on screen at once), then the rest heaviest first ("longest processing time
 * first": no worker is left running the heaviest point at the end while the
 * others idle), each point's replications together. On the 8-point template
 * sweep of `npm run bench` (points costing 44…477 ms) two workers finish
 * after 52% of one worker's time, against 56% taking the points in rate
 * order. The results never depend on the order (see run.ts).
 */
export function sweepJobOrder(ratesPerSec: readonly number[], replications: number): SweepJob[] {
  // A closed sweep passes its users: a point's cost grows with N as it does with the rate.
  const byRate = ratesPerSec.map((rate, point) => ({ rate, point })).sort((a, b) => a.rate - b.rate || a.point - b.point);
  const order = byRate.length > 0 ? [byRate[0], ...byRate.slice(1).reverse()] : [];
  return order.flatMap(({ point }) => Array.from({ length: replications }, (_, replication) => ({ point, replication })));
}

/** Runs every point of a sweep on this thread (a worker pool instead runs runPoint per point): rates, or users for a closed workload. */
export function sweep(doc: Topology, range: SweepRangeSpec = {}, opts: RunOptions = {}, budget?: SimBudget): SweepResult {
  return { points: sweepPoints(doc, range).map((point) => runPoint(doc, { ...opts, ...point }, budget)) };
}
