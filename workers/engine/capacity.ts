/**
 * Capacity at an SLO: the highest offered load (req/s) a design sustains
 * with its end-to-end latency percentile within the SLO, found by bisection
 * over the rate. Pure logic over an async `evaluate(rate)`: the studio runs
 * it on its worker pool (app/run), the CLI runs `runPoint` in process, so
 * both use this one implementation and find the same rates for the same
 * document, run options and starting sweep.
 */
import { analyze } from './analytic';
import { LIMITS } from './limits';
import { deriveMonolith } from './monolith';
import type { DesignResult, RunResult } from './results';
import type { Slo, Topology } from './schema';

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

/** One evaluated rate (req/s): whether it met the SLO, and what the evaluator returned. */
export interface Evaluation<T> {
  ratePerSec: number;
  ok: boolean;
  result: T;
}

export interface CapacitySearchSpec<T = unknown> {
  /** A rate believed to meet the SLO, req/s (0 = none known). */
  lowPerSec: number;
  /** The result already measured at `lowPerSec` (e.g. a sweep point): reported when no higher rate passes. */
  lowResult?: T;
  /** A rate believed to miss it, req/s (checked first; raised ×2 while it still passes). */
  highPerSec: number;
  /** Stop when (high − low) / high is below this. Default 0.02. */
  relTolerance?: number;
  /** At most this many evaluations in all. Default 14. */
  maxEvaluations?: number;
  /** Never search above this rate, req/s. */
  maxRatePerSec?: number;
}

export interface CapacityFound<T> {
  /** Highest rate found that meets the SLO, req/s (0 if none did). */
  capacityPerSec: number;
  /** The evaluation at that rate (null if none passed). */
  atCapacity: Evaluation<T> | null;
  /** The lowest rate found that misses it, req/s (null if the search never found one). */
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
  spec: CapacitySearchSpec<T>,
): Promise<CapacityFound<T>> {
  const tol = spec.relTolerance ?? 0.02;
  const budget = spec.maxEvaluations ?? 14;
  const maxRate = spec.maxRatePerSec ?? Number.POSITIVE_INFINITY;
  const evaluations: Evaluation<T>[] = [];
  let best: Evaluation<T> | null =
    spec.lowResult !== undefined && spec.lowPerSec > 0 ? { ratePerSec: spec.lowPerSec, ok: true, result: spec.lowResult } : null;
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

/** Which design of a RunResult. */
export type Design = 'microservices' | 'monolith';

/**
 * Where to start the search: from a finished sweep of the same document, the
 * highest passing rate below the first failing one (req/s); else 0 and the
 * design's analytic saturation rate (or 4 × the document's rate).
 */
export function bracket(
  doc: Topology,
  design: Design,
  sweep: readonly RunResult[],
  ok: (r: RunResult) => boolean,
): { low: number; lowResult?: RunResult; high: number } {
  const sorted = [...sweep].sort((a, b) => a.ratePerSec - b.ratePerSec);
  const firstFail = sorted.find((r) => !ok(r));
  if (sorted.length > 0) {
    const passing = sorted.filter((r) => ok(r) && (!firstFail || r.ratePerSec < firstFail.ratePerSec));
    const best = passing.length ? passing[passing.length - 1] : undefined;
    const high = firstFail ? firstFail.ratePerSec : 1.5 * sorted[sorted.length - 1].ratePerSec;
    return best ? { low: best.ratePerSec, lowResult: best, high } : { low: 0, high };
  }
  const sat = analyze(design === 'monolith' ? deriveMonolith(doc) : doc).saturationRatePerSec;
  return { low: 0, high: sat !== null && Number.isFinite(sat) && sat > 0 ? sat : 4 * doc.workload.ratePerSec };
}

/** The evaluation budget per design the studio and the CLI both use. */
export const CAPACITY_EVALUATIONS = 10;

/** One design's capacity, as the report and the CLI state it. */
export interface DesignCapacityResult {
  /** Highest rate found that meets the SLO, req/s; null when no tried rate did. */
  ratePerSec: number | null;
  /** Lowest rate found that fails the SLO, req/s; null if none failed. */
  failsAtPerSec: number | null;
  /** The design's SLO figure at `ratePerSec`, ms (null with no rate). */
  latencyMs: number | null;
  /** Cost per million requests at `ratePerSec`, US$ (null with no rate). */
  costPerMillionRequests: number | null;
  /** US$ per hour of the design (null when nothing was evaluated). */
  costPerHour: number | null;
}

/** Both designs' capacity at one SLO. */
export interface CapacityResult {
  slo: Slo;
  microservices: DesignCapacityResult;
  monolith: DesignCapacityResult;
  /** microservices.ratePerSec / monolith.ratePerSec; null when either is missing. */
  ratio: number | null;
  /** How many rates were evaluated (both designs). */
  evaluations: number;
}

/** A design's capacity from the run at its capacity rate (null = none met the SLO) and the bracket's top. */
export function designCapacity(design: Design, slo: Slo, atCapacity: RunResult | null, failsAtPerSec: number | null, any: RunResult | null): DesignCapacityResult {
  const d = atCapacity?.[design] ?? null;
  return {
    ratePerSec: atCapacity ? atCapacity.ratePerSec : null,
    failsAtPerSec,
    latencyMs: d ? sloValueMs(d, slo) : null,
    costPerMillionRequests: d ? d.costPerMillionRequests : null,
    costPerHour: (d ?? any?.[design] ?? null)?.costPerHour ?? null,
  };
}

/** Puts both designs' capacities together with the ratio. */
export function capacityResult(slo: Slo, microservices: DesignCapacityResult, monolith: DesignCapacityResult, evaluations: number): CapacityResult {
  const ratio = microservices.ratePerSec && monolith.ratePerSec ? microservices.ratePerSec / monolith.ratePerSec : null;
  return { slo: { ...slo }, microservices, monolith, ratio, evaluations };
}

/**
 * Finds both designs' capacity at the SLO, exactly as the studio does: per
 * design, `bracket` from the sweep (if any) then `searchCapacity` with
 * CAPACITY_EVALUATIONS evaluations. `evaluate(rate)` runs both designs at that
 * rate (e.g. `runPoint(doc, { ...opts, ratePerSec })`).
 */
export async function findCapacity(
  doc: Topology,
  evaluate: (ratePerSec: number) => Promise<RunResult>,
  options: { slo?: Slo; sweep?: readonly RunResult[]; maxEvaluations?: number } = {},
): Promise<CapacityResult> {
  const slo = options.slo ?? doc.slo;
  const sweep = options.sweep ?? [];
  let evaluations = 0;
  const search = (design: Design) => {
    const b = bracket(doc, design, sweep, (r) => meetsSlo(r[design], slo));
    return searchCapacity(
      async (rate) => {
        const r = await evaluate(rate);
        evaluations++;
        return { ok: meetsSlo(r[design], slo), result: r };
      },
      { lowPerSec: b.low, lowResult: b.lowResult, highPerSec: b.high, maxEvaluations: options.maxEvaluations ?? CAPACITY_EVALUATIONS, maxRatePerSec: LIMITS.maxRatePerSec },
    );
  };
  const [micro, mono] = await Promise.all([search('microservices'), search('monolith')]);
  const any = micro.evaluations[0]?.result ?? mono.evaluations[0]?.result ?? sweep[0] ?? null;
  return capacityResult(
    slo,
    designCapacity('microservices', slo, micro.atCapacity?.result ?? null, micro.failsAtPerSec, any),
    designCapacity('monolith', slo, mono.atCapacity?.result ?? null, mono.failsAtPerSec, any),
    evaluations,
  );
}
