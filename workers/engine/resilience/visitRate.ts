/**
 * The retry visit-rate law: a call whose attempts each fail independently
 * with probability p, retried up to r times, makes 1 + p + p² + … + p^r =
 * (1 − p^(r+1)) / (1 − p) attempts on average (a geometric series truncated
 * at r + 1 terms), so the callee sees λ(1 − p^(r+1))/(1 − p) when the caller
 * makes λ calls per second, and a share p^(r+1) of the calls fails for good.
 * The engine's tests check simulated visit counts against it (issue 11).
 */
import { detPowInt } from '../detmath';

/** Mean attempts per call for failure probability p ∈ [0, 1] and r ≥ 0 retries (p = 1 gives r + 1). */
export function attemptsPerCall(p: number, retries: number): number {
  if (p === 1) return retries + 1;
  return (1 - detPowInt(p, retries + 1)) / (1 - p);
}

/** The callee's visit rate (per second) for λ calls per second: λ × attemptsPerCall(p, r). */
export function calleeVisitRate(callsPerSec: number, p: number, retries: number): number {
  return callsPerSec * attemptsPerCall(p, retries);
}

/** The share of calls that fail after every attempt: p^(r+1). */
export function callFailureProbability(p: number, retries: number): number {
  return detPowInt(p, retries + 1);
}
