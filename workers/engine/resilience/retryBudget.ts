/**
 * Retry budgets: limits on retries that scale with traffic, so that retries
 * cannot multiply the load on a struggling dependency (a retry storm).
 *
 * {@link RetryBudgets} is Envoy's retry budget (config.cluster.v3.
 * CircuitBreakers.Thresholds.RetryBudget). It is a limit on CONCURRENT
 * retries, not a bucket of tokens: a retry may start while the retries
 * outstanding to the cluster are fewer than
 *   max(⌊budget_percent / 100 × (active requests + pending requests)⌋, min_retry_concurrency).
 * Docs: budget_percent "Specifies the limit on concurrent retries as a
 * percentage of the sum of active requests and active pending requests. For
 * example, if there are 100 active requests and the budget_percent is set to
 * 25, there may be 25 active retries. … Defaults to 20%"; min_retry_concurrency
 * "The limit on the number of active retries may never go below this number
 * … Defaults to 3". Source: source/common/upstream/resource_manager_impl.h,
 * RetryBudgetImpl (`std::max<uint64_t>(budget_percent / 100.0 * active,
 * min_retry_concurrency)`, the conversion to an integer truncating; a
 * resource may be taken while count < max). Recent Envoy versions also count
 * retries waiting in back-off in `active` and offer `budget_interval`; we
 * model the documented rule above (budget_interval 0, its default).
 * A retry in flight is itself an active request of the cluster.
 *
 * {@link RetryThrottle} is the token bucket of gRPC's retry throttling
 * (proposal A6, "Throttling Retry Attempts and Hedged RPCs"): per target,
 * token_count starts at maxTokens; each failed attempt takes 1 (not below 0),
 * each success adds tokenRatio (not above maxTokens); retries (and further
 * hedges) are allowed only while token_count > maxTokens / 2. The issue asked
 * for "a token bucket in the style of Envoy's budget": Envoy's is the
 * concurrency rule, so both are here and the schema picks one (`kind`).
 */

/** Envoy's defaults: budget_percent 20 (%), min_retry_concurrency 3. */
export const RETRY_BUDGET_DEFAULTS = { budgetPercent: 20, minRetryConcurrency: 3 } as const;

/** The most retries allowed in flight at once: max(⌊percent/100 × (active + pending)⌋, minRetryConcurrency). */
export function retryBudgetLimit(active: number, pending: number, budgetPercent: number, minRetryConcurrency: number): number {
  return Math.max(Math.floor((budgetPercent / 100) * (active + pending)), minRetryConcurrency);
}

/**
 * Envoy retry budgets for many clusters (one per callee node, or per edge) in
 * typed arrays. The simulator keeps `active` and `pending` up to date (first
 * attempts and retries alike) and asks {@link tryStartRetry} when it decides
 * to retry a failed attempt, BEFORE the back-off, and calls {@link endRetry}
 * when the retried attempt ends: Envoy's order in RetryStateImpl::shouldRetry
 * (source/common/router/retry_state_impl.cc) is retries_remaining_ → 0 gives
 * up; `retries().canCreate()` false gives up (upstream_rq_retry_overflow);
 * else `retries().inc()` and `enableBackoffTimer()`; the slot is released by
 * resetRetry() at the next retry decision or when the request ends. So a
 * retry waiting out its back-off holds a slot.
 */
export class RetryBudgets {
  /** Requests in flight to the cluster (sent, no answer yet), retries included. */
  readonly active: Int32Array;
  /** Requests waiting in the cluster's pending queue (the connection pool's queue). */
  readonly pending: Int32Array;
  /** Retries in flight. */
  readonly retries: Int32Array;
  /** Retries refused by the budget, per cluster. */
  readonly refused: Float64Array;

  constructor(
    count: number,
    readonly budgetPercent: Float64Array,
    readonly minRetryConcurrency: Int32Array,
  ) {
    this.active = new Int32Array(count);
    this.pending = new Int32Array(count);
    this.retries = new Int32Array(count);
    this.refused = new Float64Array(count);
  }

  /** Whether cluster c allows one more retry now; if so the retry is counted as started. */
  tryStartRetry(c: number): boolean {
    const limit = retryBudgetLimit(this.active[c], this.pending[c], this.budgetPercent[c], this.minRetryConcurrency[c]);
    if (this.retries[c] < limit) {
      this.retries[c]++;
      return true;
    }
    this.refused[c]++;
    return false;
  }

  /** A retry to cluster c ended (answered, failed or cancelled). */
  endRetry(c: number): void {
    this.retries[c]--;
  }
}

/** gRPC retry throttling, one bucket per target: maxTokens (A6 allows 1..1000) and tokenRatio (> 0). */
export class RetryThrottle {
  readonly tokens: Float64Array;

  constructor(
    count: number,
    readonly maxTokens: Float64Array,
    readonly tokenRatio: Float64Array,
  ) {
    this.tokens = Float64Array.from(maxTokens.subarray(0, count));
  }

  /** A failed attempt to target c: one token less (not below 0). */
  onFailure(c: number): void {
    this.tokens[c] = Math.max(0, this.tokens[c] - 1);
  }

  /** A successful attempt to target c: tokenRatio more (not above maxTokens). */
  onSuccess(c: number): void {
    this.tokens[c] = Math.min(this.maxTokens[c], this.tokens[c] + this.tokenRatio[c]);
  }

  /** Whether a retry (or hedge) to c may be sent: token_count > maxTokens / 2. */
  allowsRetry(c: number): boolean {
    return this.tokens[c] > this.maxTokens[c] / 2;
  }
}
