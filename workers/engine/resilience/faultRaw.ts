/**
 * The raw fault statistics of one replication (`DesignRaw.fault`, present only
 * for a design with scenario events): one Float64Array, merged across
 * replications and workers by addition like every other raw array.
 *
 * Layout: FR_CAUSES … (one count per CAUSE_* of failureCauses.ts: requests
 * that arrived after the warm-up and failed, by the cause of their last failed
 * attempt; entry drops under `dropped`), FR_GOOD (such requests that succeeded
 * within the SLO threshold), then per result window WINDOW_FIELDS (requests
 * that finished in the window, whole run: W_FINISHED, W_BAD failed or slower
 * than the threshold, W_FAILED, W_SUCCEEDED, W_LAT_SUM of the successes' ms),
 * then per node and window NODE_WINDOW_FIELDS (NW_BUSY ∫ busy servers dt,
 * NW_QUEUE ∫ waiting dt, in ms; NW_ERRORS visits that failed at the node).
 */
import { CAUSE_NAMES } from './failureCauses';

export const FR_CAUSES = 0;
export const FR_GOOD = CAUSE_NAMES.length;
export const FR_HEAD = FR_GOOD + 1;

export const W_FINISHED = 0;
export const W_BAD = 1;
export const W_FAILED = 2;
export const W_SUCCEEDED = 3;
export const W_LAT_SUM = 4;
export const WINDOW_FIELDS = 5;

export const NW_BUSY = 0;
export const NW_QUEUE = 1;
export const NW_ERRORS = 2;
export const NODE_WINDOW_FIELDS = 3;

/** Length of the array for `nodes` nodes and `windows` windows. */
export function faultRawLength(nodes: number, windows: number): number {
  return FR_HEAD + windows * WINDOW_FIELDS + nodes * windows * NODE_WINDOW_FIELDS;
}

/** Offset of window w's fields. */
export function windowOffset(w: number): number {
  return FR_HEAD + w * WINDOW_FIELDS;
}

/** Offset of node i's fields in window w (`windows` windows in all). */
export function nodeWindowOffset(i: number, w: number, windows: number): number {
  return FR_HEAD + windows * WINDOW_FIELDS + (i * windows + w) * NODE_WINDOW_FIELDS;
}
