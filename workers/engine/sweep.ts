/** Load sweeps: a list of offered loads, and a RunResult at each. */
import { analyze } from './analytic';
import { LIMITS } from './limits';
import type { RunOptions, SweepResult } from './results';
import { runPoint } from './run';
import type { SimBudget } from './simulate';
import type { Topology } from './schema';

/** Which loads a sweep runs; every field optional. */
export interface SweepRangeSpec {
  fromPerSec?: number;
  toPerSec?: number;
  steps?: number;
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
  const byRate = ratesPerSec.map((rate, point) => ({ rate, point })).sort((a, b) => a.rate - b.rate || a.point - b.point);
  const order = byRate.length > 0 ? [byRate[0], ...byRate.slice(1).reverse()] : [];
  return order.flatMap(({ point }) => Array.from({ length: replications }, (_, replication) => ({ point, replication })));
}

/** Runs every point of a sweep on this thread (a worker pool instead runs runPoint per rate). */
export function sweep(doc: Topology, range: SweepRangeSpec = {}, opts: RunOptions = {}, budget?: SimBudget): SweepResult {
  return { points: sweepRates(doc, range).map((ratePerSec) => runPoint(doc, { ...opts, ratePerSec }, budget)) };
}
