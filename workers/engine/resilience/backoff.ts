/**
 * Retry back-off: how long a failed attempt waits before the next one.
 *
 * Retry n (n = 1 for the first retry) waits, with `jitter: 'full'`, a uniform
 * draw on [0, min(maxMs, baseMs × multiplier^(n−1))), or exactly that ceiling
 * with `jitter: 'none'`. This is gRPC's rule (proposal A6, "Exponential
 * backoff": "the n-th attempt will occur at random(0, min(initialBackoff ×
 * backoffMultiplier^(n−1), maxBackoff))"), whose three numbers are our
 * baseMs, multiplier and maxMs; without jitter it is Resilience4j's
 * `IntervalFunction.ofExponentialBackoff(initialIntervalMillis, multiplier,
 * maxIntervalMillis)` (interval × multiplier per attempt, capped;
 * resilience4j-core IntervalFunction.java; its defaults 500 ms and × 1.5;
 * Resilience4j's Retry itself defaults to a constant 500 ms wait and
 * maxAttempts 3, RetryConfig.DEFAULT_WAIT_DURATION / DEFAULT_MAX_ATTEMPTS).
 *
 * Our defaults are Envoy's (docs/root/configuration/http/http_filters/
 * router_filter.rst, x-envoy-max-retries): "a fully jittered exponential
 * back-off algorithm for retries with a default base interval of 25ms",
 * "capped at a maximum interval, which defaults to 10 times the base interval
 * (250ms)". Envoy's own ranges grow as (2^n − 1) × base, [0, 25), [0, 75),
 * [0, 175) ms, not base × 2^(n−1): {@link envoyBackoffCeilingMs} gives them,
 * for a later `growth: 'envoy'` option; the first retry is the same in both.
 */
import { detPowInt } from '../detmath';
import type { Rng } from '../rng';

/** Back-off parameters of an edge: ms, a growth factor ≥ 1, and whether the wait is drawn uniformly below the ceiling. */
export interface BackoffSpec {
  baseMs: number;
  multiplier: number;
  maxMs: number;
  jitter: 'full' | 'none';
}

/** Envoy's defaults: 25 ms base, 10 × base cap, doubling, full jitter. */
export const BACKOFF_DEFAULTS: Readonly<BackoffSpec> = { baseMs: 25, multiplier: 2, maxMs: 250, jitter: 'full' };

/** The longest wait (ms) before retry n ≥ 1: min(maxMs, baseMs × multiplier^(n−1)). */
export function backoffCeilingMs(n: number, baseMs: number, multiplier: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * detPowInt(multiplier, n - 1));
}

/**
 * The wait (ms) before retry n ≥ 1. `fullJitter`: uniform on [0, ceiling) from
 * one draw of rng; otherwise the ceiling, and rng is not touched.
 */
export function backoffMs(n: number, baseMs: number, multiplier: number, maxMs: number, fullJitter: boolean, rng: Rng): number {
  const ceiling = backoffCeilingMs(n, baseMs, multiplier, maxMs);
  return fullJitter ? rng.next() * ceiling : ceiling;
}

/** Envoy's ceiling for retry n ≥ 1: min(maxMs, (2^n − 1) × baseMs) (router_filter.rst: "[0, (2^N−1)B)", capped). */
export function envoyBackoffCeilingMs(n: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, (2 ** Math.min(n, 52) - 1) * baseMs);
}
