/**
 * Capacity at an SLO: the highest offered load (req/s) each design sustains
 * with its end-to-end latency percentile within the SLO, found by bisection
 * over the rate. The search is pure logic over an async `evaluate(rate)`
 * (the CLI runs `runPoint` in process; the studio runs it on its worker
 * pool), so both use this one implementation and, for the same document and
 * run options, find the same rates.
 */
import { analyze } from './analytic';
import { LIMITS } from './limits';
import { deriveMonolith } from './monolith';
import type { DesignResult, RunResult } from './results';
import type { Slo, Topology } from './schema';

/** Share of arrivals that may end in an error or a drop for a load to count as sustained. */
export const MAX_FAILED_SHARE = 0.01;

/** How the search runs; every field optional. */
export interface CapacitySearchSpec {
  /** The SLO to meet (default: the document's `slo`). */
  slo?: Slo;
  /** Bisection steps after the bracket is found (default 8: the bracket shrinks 256-fold). */
  iterations?: number;
  /** Stop early when (high − low) / high falls below this (default 0.01). */
  relTolerance?: number;
}

/** One design's capacity. */
export interface DesignCapacityResult {
  /** Highest rate found that meets the SLO, req/s; null when even the lowest tried rate fails it. */
  ratePerSec: number | null;
  /** Lowest rate found that fails the SLO, req/s (the bracket's top); null if none failed. */
  failsAtPerSec: number | null;
  /** The design's SLO percentile at `ratePerSec`, ms (null with no rate). */
  latencyMs: number | null;
  /** Cost per million requests at `ratePerSec`, US$ (null with no rate). */
  costPerMillionRequests: number | null;
  costPerHour: number;
}

/** Both designs' capacity at one SLO. */
export interface CapacityResult {
  slo: Slo;
  microservices: DesignCapacityResult;
  monolith: DesignCapacityResult;
  /** microservices.ratePerSec / monolith.ratePerSec; null when either is null or zero. */
  ratio: number | null;
  /** How many distinct rates were evaluated. */
  evaluations: number;
}

const PERCENTILE_FIELD = { mean: 'meanMs', p50: 'p50Ms', p90: 'p90Ms', p95: 'p95Ms', p99: 'p99Ms', p999: 'p999Ms' } as const;

/** The SLO's latency figure of a design result, ms (NaN when nothing completed). */
export function sloLatencyMs(d: DesignResult, slo: Slo): number {
  return d.endToEnd[PERCENTILE_FIELD[slo.percentile]];
}

/**
 * Whether a design meets the SLO at a run: not saturated, the SLO's
 * percentile at or below the threshold, and at most 1% of arrivals failed
 * (errors + drops).
 */
export function meetsSlo(d: DesignResult, slo: Slo): boolean {
  const e = d.endToEnd;
  const lat = sloLatencyMs(d, slo);
  const failed = e.arrivals > 0 ? (e.errors + e.dropped) / e.arrivals : 0;
  return !d.saturated && Number.isFinite(lat) && lat <= slo.thresholdMs && failed <= MAX_FAILED_SHARE && e.completed > 0;
}

type Key = 'microservices' | 'monolith';

async function searchDesign(
  key: Key,
  startPerSec: number,
  slo: Slo,
  spec: Required<Omit<CapacitySearchSpec, 'slo'>>,
  evalAt: (rate: number) => Promise<RunResult>,
): Promise<DesignCapacityResult> {
  const ok = async (rate: number) => meetsSlo((await evalAt(rate))[key], slo);
  let lo: number | null = null;
  let hi: number | null = null;
  // Bracket: from the analytic saturation rate, go down until a rate meets the SLO, or up until one fails.
  if (await ok(startPerSec)) {
    lo = startPerSec;
    for (let k = 0, r = startPerSec * 2; k < 12 && r <= LIMITS.maxRatePerSec; k++, r *= 2) {
      if (!(await ok(r))) {
        hi = r;
        break;
      }
      lo = r;
    }
  } else {
    hi = startPerSec;
    for (let k = 0, r = startPerSec / 2; k < 10; k++, r /= 2) {
      if (await ok(r)) {
        lo = r;
        break;
      }
      hi = r;
    }
  }
  if (lo !== null && hi !== null) {
    let a: number = lo;
    let b: number = hi;
    for (let k = 0; k < spec.iterations && (b - a) / b > spec.relTolerance; k++) {
      const mid: number = (a + b) / 2;
      if (await ok(mid)) a = mid;
      else b = mid;
    }
    lo = a;
    hi = b;
  }
  const at = lo !== null ? (await evalAt(lo))[key] : null;
  const cost = (await evalAt(startPerSec))[key].costPerHour;
  return {
    ratePerSec: lo,
    failsAtPerSec: hi,
    latencyMs: at ? sloLatencyMs(at, slo) : null,
    costPerMillionRequests: at ? at.costPerMillionRequests : null,
    costPerHour: cost,
  };
}

/** Where a design's search starts: its analytic saturation rate, else twice the document's rate. */
function startRate(doc: Topology): number {
  const sat = analyze(doc, doc.workload.ratePerSec).saturationRatePerSec;
  const r = sat !== null && Number.isFinite(sat) && sat > 0 ? sat : 2 * doc.workload.ratePerSec;
  return Math.min(r, LIMITS.maxRatePerSec);
}

/**
 * Finds both designs' capacity at the SLO by bisection over the offered
 * load. `evaluate(rate)` must run both designs at that rate (a RunResult,
 * e.g. `runPoint(doc, { ...opts, ratePerSec: rate })`); it is called at most
 * once per distinct rate, and the result is deterministic when `evaluate` is.
 * Each design's search starts at its own analytic saturation rate.
 */
export async function findCapacity(
  doc: Topology,
  evaluate: (ratePerSec: number) => Promise<RunResult>,
  spec: CapacitySearchSpec = {},
): Promise<CapacityResult> {
  const slo = spec.slo ?? doc.slo;
  const full = { iterations: spec.iterations ?? 8, relTolerance: spec.relTolerance ?? 0.01 };
  const cache = new Map<number, Promise<RunResult>>();
  const evalAt = (rate: number) => {
    let p = cache.get(rate);
    if (!p) {
      p = evaluate(rate);
      cache.set(rate, p);
    }
    return p;
  };
  // Each search is sequential; the two run side by side (a worker pool evaluates both at once).
  // The answer does not depend on the interleaving: evaluate is deterministic per rate.
  const [microservices, monolith] = await Promise.all([
    searchDesign('microservices', startRate(doc), slo, full, evalAt),
    searchDesign('monolith', startRate(deriveMonolith(doc)), slo, full, evalAt),
  ]);
  const ratio = microservices.ratePerSec && monolith.ratePerSec ? microservices.ratePerSec / monolith.ratePerSec : null;
  return { slo: { ...slo }, microservices, monolith, ratio, evaluations: cache.size };
}
