/**
 * Why a request (or an attempt) failed, for `endToEnd.errorsByCause` and
 * `endToEnd.rejected` (issue 11, "error and rejection counts by cause"), and
 * the conservation law the engine's tests check under every fault kind:
 *   arrivals = completed + Σ failed by cause + in flight
 * (today's law is arrivals = completed + errors + dropped + inFlight; with
 * causes, `errors` and `dropped` become sums of the rows below). A request's
 * cause is that of its last failed attempt; a retry refused by the budget or
 * an open breaker keeps the cause of the attempt that failed before it.
 * Counts are per request in `Float64Array`s indexed by CAUSE_*.
 */

export const CAUSE_ERROR = 0;
export const CAUSE_CRASH = 1;
export const CAUSE_OUTAGE = 2;
export const CAUSE_PARTITION = 3;
export const CAUSE_TIMEOUT = 4;
export const CAUSE_DROPPED = 5;
export const CAUSE_REJECTED = 6;
export const CAUSE_BREAKER_OPEN = 7;

/** JSON keys of the causes, in CAUSE_* order. */
export const CAUSE_NAMES = ['error', 'crash', 'outage', 'partition', 'timeout', 'dropped', 'rejected', 'breakerOpen'] as const;
export type CauseName = (typeof CAUSE_NAMES)[number];

/** A zeroed count per cause. */
export function newCauseCounts(): Float64Array {
  return new Float64Array(CAUSE_NAMES.length);
}

/** `errorsByCause` as the CLI prints it: every cause, 0 included, so the keys never change. */
export function errorsByCause(counts: Float64Array): Record<CauseName, number> {
  const out = {} as Record<CauseName, number>;
  CAUSE_NAMES.forEach((name, i) => {
    out[name] = counts[i];
  });
  return out;
}

/** Requests that failed fast at admission control (`endToEnd.rejected`, kept apart from errors). */
export function rejectedCount(counts: Float64Array): number {
  return counts[CAUSE_REJECTED];
}

/** Whether arrivals = completed + Σ failed by cause + in flight, exactly. */
export function conservationHolds(arrivals: number, completed: number, counts: Float64Array, inFlight: number): boolean {
  let failed = 0;
  for (let i = 0; i < counts.length; i++) failed += counts[i];
  return arrivals === completed + failed + inFlight;
}
