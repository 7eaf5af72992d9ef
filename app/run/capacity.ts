/**
 * Capacity at SLO: the highest offered load a design sustains while its
 * latency percentile stays within the threshold. Found by bisection over the
 * rate with any evaluator (the pool runs the engine; tests pass a fake).
 */
import type { DesignResult } from '../../workers/engine/results';
import type { Slo } from '../../workers/engine/schema';

const SLO_FIELD = { mean: 'meanMs', p50: 'p50Ms', p90: 'p90Ms', p95: 'p95Ms', p99: 'p99Ms', p999: 'p999Ms' } as const;

/** Share of arrivals that may fail (errors + drops) and still count as sustained. */
export const MAX_FAILED_SHARE = 0.01;

/** The design's figure the SLO is about, ms (NaN when nothing completed). */
export function sloValueMs(d: DesignResult, slo: Slo): number {
  return d.endToEnd[SLO_FIELD[slo.percentile]];
}

/** Whether a design meets the SLO at one load: not saturated, at most 1% failed, percentile ≤ threshold. */
export function meetsSlo(d: DesignResult, slo: Slo): boolean {
  const e = d.endToEnd;
  const failed = e.errors + e.dropped;
  const v = sloValueMs(d, slo);
  return !d.saturated && Number.isFinite(v) && v <= slo.thresholdMs && failed <= MAX_FAILED_SHARE * Math.max(1, e.arrivals);
}

export interface Evaluation<T> {
  ratePerSec: number;
  ok: boolean;
  result: T;
}

export interface CapacitySearchSpec {
  /** A rate believed to meet the SLO (0 = none known). */
  lowPerSec: number;
  /** A rate believed to miss it (checked first; raised ×2 while it still passes). */
  highPerSec: number;
  /** Stop when (high − low) / high is below this. Default 0.02. */
  relTolerance?: number;
  /** At most this many evaluations in all. Default 14. */
  maxEvaluations?: number;
  /** Never search above this rate. */
  maxRatePerSec?: number;
}

export interface CapacityFound<T> {
  /** Highest rate found that meets the SLO, req/s (0 if none did). */
  capacityPerSec: number;
  /** The evaluation at that rate (null if none passed). */
  atCapacity: Evaluation<T> | null;
  /** The lowest rate found that misses it (null if the search never found one). */
  failsAtPerSec: number | null;
  evaluations: Evaluation<T>[];
}

/**
 * Bisection between a passing and a failing rate. Assumes the SLO holds
 * below some rate and fails above it; with noise it still returns a rate
 * that was measured to pass, next to one measured to fail.
 */
export async function searchCapacity<T>(
  evaluate: (ratePerSec: number) => Promise<{ ok: boolean; result: T }>,
  spec: CapacitySearchSpec,
): Promise<CapacityFound<T>> {
  const tol = spec.relTolerance ?? 0.02;
  const budget = spec.maxEvaluations ?? 14;
  const maxRate = spec.maxRatePerSec ?? Number.POSITIVE_INFINITY;
  const evaluations: Evaluation<T>[] = [];
  let best: Evaluation<T> | null = null;
  const check = async (rate: number) => {
    const r = await evaluate(rate);
    const ev = { ratePerSec: rate, ok: r.ok, result: r.result };
    evaluations.push(ev);
    if (ev.ok && (!best || rate > best.ratePerSec)) best = ev;
    return ev.ok;
  };
  let lo = Math.max(0, spec.lowPerSec);
  let hi: number | null = Math.min(maxRate, Math.max(spec.highPerSec, lo * 1.01, Number.MIN_VALUE));
  while (hi !== null && evaluations.length < budget && (await check(hi))) {
    lo = hi;
    hi = hi >= maxRate ? null : Math.min(maxRate, hi * 2);
  }
  if (hi !== null) {
    let top: number = hi;
    while (evaluations.length < budget && (top - lo) / top > tol) {
      const mid = (lo + top) / 2;
      if (await check(mid)) lo = mid;
      else top = mid;
    }
  }
  const at = best as Evaluation<T> | null;
  const fails = evaluations.filter((e) => !e.ok).map((e) => e.ratePerSec);
  return { capacityPerSec: at ? at.ratePerSec : 0, atCapacity: at, failsAtPerSec: fails.length ? Math.min(...fails) : null, evaluations };
}
