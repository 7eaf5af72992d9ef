/**
 * Admission control on a node: requests over the limit are rejected at once
 * (they fail fast and are counted apart from errors, as `rejected`).
 *
 * - Max in-flight: a request is admitted while fewer than `maxInFlight` are
 *   inside the node (waiting or in service), the rule of Envoy's cluster
 *   circuit breaker `max_requests` ("the maximum number of parallel requests",
 *   config.cluster.v3.CircuitBreakers.Thresholds; default 1024) and of a
 *   concurrency limiter; {@link admitInFlight}.
 * - Token-bucket rate limit, Envoy's local rate limit (type.v3.TokenBucket,
 *   used by extensions.filters.http.local_ratelimit): `max_tokens` "the
 *   maximum tokens that the bucket can hold. This is also the number of tokens
 *   that the bucket initially contains"; `tokens_per_fill` "the number of
 *   tokens added to the bucket during each fill interval. If not specified,
 *   defaults to a single token"; `fill_interval` "During each fill interval
 *   tokens_per_fill are added to the bucket. The bucket will never contain
 *   more than max_tokens tokens". A request takes one token or is rejected
 *   (HTTP 429). Fills happen at whole multiples of fillIntervalMs from the
 *   start of the run (a timer, as in Envoy), worked out lazily when a request
 *   arrives, so the bucket costs nothing between requests; {@link TokenBuckets}.
 */

/** Whether a request may enter a node holding `inFlight` requests under a limit of `maxInFlight`. */
export function admitInFlight(inFlight: number, maxInFlight: number): boolean {
  return inFlight < maxInFlight;
}

/** Token buckets, one per node, in typed arrays. */
export class TokenBuckets {
  readonly tokens: Float64Array;
  /** The time (ms) of the last fill worked out; fills happen at k × fillIntervalMs. */
  readonly lastFillMs: Float64Array;
  /** Requests rejected, per bucket. */
  readonly rejected: Float64Array;

  constructor(
    readonly maxTokens: Float64Array,
    readonly tokensPerFill: Float64Array,
    readonly fillIntervalMs: Float64Array,
  ) {
    const n = maxTokens.length;
    this.tokens = Float64Array.from(maxTokens);
    this.lastFillMs = new Float64Array(n);
    this.rejected = new Float64Array(n);
  }

  /** Adds the fills due by nowMs (at most maxTokens). */
  refill(b: number, nowMs: number): void {
    const interval = this.fillIntervalMs[b];
    const fills = Math.floor((nowMs - this.lastFillMs[b]) / interval);
    if (fills <= 0) return;
    this.lastFillMs[b] += fills * interval;
    this.tokens[b] = Math.min(this.maxTokens[b], this.tokens[b] + fills * this.tokensPerFill[b]);
  }

  /** A request arrives at nowMs: true if it takes a token, false (counted as rejected) if the bucket is empty. */
  tryTake(b: number, nowMs: number): boolean {
    this.refill(b, nowMs);
    if (this.tokens[b] >= 1) {
      this.tokens[b] -= 1;
      return true;
    }
    this.rejected[b]++;
    return false;
  }
}

/** The long-run admitted rate (per second) of a bucket: tokensPerFill / fillIntervalMs × 1000. */
export function tokenBucketRatePerSec(tokensPerFill: number, fillIntervalMs: number): number {
  return (tokensPerFill / fillIntervalMs) * 1000;
}
