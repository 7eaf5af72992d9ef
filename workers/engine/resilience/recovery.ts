/**
 * Results of a run with faults (issue 11, "Results"), as pure functions over
 * totals and over the per-window series (`TimeSeriesResult`: windows of
 * `windowSec` starting at `startSec[k]`).
 *
 * - availability = successes / offered (root requests that arrived);
 * - goodput = successes within the SLO per second (against throughput, all successes per second);
 * - time to recover: from the end of the last event (scenarioSchema
 *   `lastEventEndSec`) until the windowed SLO percentile stays at or under
 *   the threshold for {@link RECOVERY_STABLE_WINDOWS} windows in a row: the
 *   start of the first such run of compliant windows, minus the end of the
 *   last event (0 if the system was within its SLO as the fault ended);
 * - did not recover: no such run before the run ends (the metastable case);
 *   `endsViolating` also flags a relapse: the last window is out of the SLO.
 * A window complies when its SLO percentile is at or under the threshold,
 * where failed and rejected requests count as infinitely slow (otherwise a
 * dependency that fails everything fast would look healthy):
 * {@link windowComplianceByCount} says it exactly, as "the share of requests
 * that failed or took longer than the threshold is at most 1 − q";
 * {@link windowComplianceByPercentile} takes a percentile series directly. A
 * window in which nothing finished does not comply.
 */

/** Consecutive compliant windows that count as recovered (our choice: 5 windows, 5 s at the default 1 s window). */
export const RECOVERY_STABLE_WINDOWS = 5;

/** successes / offered, or null when nothing was offered. */
export function availability(successes: number, offered: number): number | null {
  return offered > 0 ? successes / offered : null;
}

/** Successes within the SLO per second over a measured span of spanSec. */
export function goodputPerSec(successesWithinSlo: number, spanSec: number): number {
  return spanSec > 0 ? successesWithinSlo / spanSec : 0;
}

/** Per window: 1 if pctMs[k] ≤ thresholdMs (NaN, a window without completions, does not comply). */
export function windowComplianceByPercentile(pctMs: ArrayLike<number>, thresholdMs: number): Uint8Array {
  const out = new Uint8Array(pctMs.length);
  for (let k = 0; k < pctMs.length; k++) out[k] = pctMs[k] <= thresholdMs ? 1 : 0;
  return out;
}

/**
 * Per window: 1 if some request finished and bad[k] / finished[k] ≤ 1 − quantile,
 * where finished counts successes, failures and rejections, and bad counts the
 * failures, rejections and successes slower than the threshold. quantile in (0, 1), e.g. 0.99.
 */
export function windowComplianceByCount(finished: ArrayLike<number>, bad: ArrayLike<number>, quantile: number): Uint8Array {
  const out = new Uint8Array(finished.length);
  // bad/finished ≤ 1 − q, compared without dividing, with a tolerance for 1 − q's rounding.
  const allowed = 1 - quantile + 1e-12;
  for (let k = 0; k < finished.length; k++) out[k] = finished[k] > 0 && bad[k] <= allowed * finished[k] ? 1 : 0;
  return out;
}

/** Time to recover and whether the run ended within its SLO. */
export interface RecoveryResult {
  /** Seconds from the end of the last event to the start of the first stable compliant run; null: did not recover. */
  recoverySec: number | null;
  recovered: boolean;
  /** The last window does not comply (a run that recovered and relapsed, or never recovered). */
  endsViolating: boolean;
}

/**
 * Recovery from per-window compliance. Windows are contiguous, window k
 * spanning [firstStartSec + k × windowSec, … + windowSec); only windows ending
 * after endSec count (a window straddling the end may already show recovery).
 * With no windows after the end, the run did not recover.
 */
export function timeToRecover(
  compliant: ArrayLike<number>,
  firstStartSec: number,
  windowSec: number,
  endSec: number,
  stableWindows = RECOVERY_STABLE_WINDOWS,
): RecoveryResult {
  const n = compliant.length;
  const endsViolating = n > 0 && compliant[n - 1] === 0;
  let run = 0;
  for (let k = 0; k < n; k++) {
    const start = firstStartSec + k * windowSec;
    if (start + windowSec <= endSec) continue;
    run = compliant[k] ? run + 1 : 0;
    if (run === stableWindows) {
      const runStart = firstStartSec + (k - stableWindows + 1) * windowSec;
      return { recoverySec: Math.max(0, runStart - endSec), recovered: true, endsViolating };
    }
  }
  return { recoverySec: null, recovered: false, endsViolating };
}
