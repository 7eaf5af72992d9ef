/**
 * Retry budgets on edges (`edge.retryBudget`; retryBudget.ts) as the pattern
 * simulator (patternSim.ts) runs them: a helper it calls at four points of a
 * call's life. Each edge with a budget is its own cluster (the caller's
 * proxy's view of the callee): Envoy's `active` is the edge's attempts in
 * flight (sent, not yet answered, failed or abandoned), `pending` is 0 (no
 * connection pool is modelled).
 *
 * - "An attempt is sent" ({@link sent}): one more active request.
 * - "An attempt ended" ({@link ended}: failed, timed out, answered): one
 *   active request less; a gRPC throttle takes a token for a failure and
 *   adds tokenRatio for a success; the retry slot the call held (Envoy) is
 *   released — RetryStateImpl resets it at the next retry decision or when
 *   the request ends.
 * - "A retry is decided" ({@link allowRetry}, only when the call has retries
 *   left, before its back-off): Envoy's `retries().canCreate()` — retries in
 *   flight < max(⌊budgetPercent/100 × active⌋, minRetryConcurrency) — takes a
 *   slot held until the retried attempt ends (through its back-off);
 *   gRPC's throttle allows it while tokens > maxTokens / 2. Refused, the
 *   simulator ends the call with the cause of the attempt that failed.
 * - "The call is over" ({@link callOver}): whatever it still holds is freed.
 */
import type { CompiledPatterns } from './compilePatterns';
import { RetryBudgets, RetryThrottle } from './retryBudget';

/** Fields per budget in `DesignRaw.retryBudgets`: retries it allowed, retries it refused. */
export const RB_ALLOWED = 0;
export const RB_REFUSED = 1;
export const RETRY_BUDGET_FIELDS = 2;

/** The retry budgets of one run, with per-call state. */
export class EdgeRetryBudgets {
  private readonly edgeBudget: Int32Array;
  /** Per budget: 1 for a gRPC throttle, 0 for Envoy's budget. */
  private readonly throttled: Uint8Array;
  readonly envoy: RetryBudgets;
  readonly throttle: RetryThrottle;
  /** Per budget: retries allowed and refused, whole run. */
  readonly allowed: Float64Array;
  readonly refused: Float64Array;
  /** Per call: 1 while an attempt of it is out on a budgeted edge. */
  private cOut = new Uint8Array(1024);
  /** Per call: 1 while it holds an Envoy retry slot. */
  private cSlot = new Uint8Array(1024);

  constructor(p: CompiledPatterns) {
    const n = p.budgetEdge.length;
    this.edgeBudget = p.edgeBudget;
    this.throttled = p.budgetThrottle;
    this.envoy = new RetryBudgets(n, p.budgetPercent, p.budgetMinRetries);
    this.throttle = new RetryThrottle(n, p.budgetMaxTokens, p.budgetTokenRatio);
    this.allowed = new Float64Array(n);
    this.refused = new Float64Array(n);
  }

  /** Whether compiled edge e has a budget. */
  on(e: number): boolean {
    return this.edgeBudget[e] >= 0;
  }

  /** An attempt of call c goes out on edge e. */
  sent(c: number, e: number): void {
    const k = this.edgeBudget[e];
    if (k < 0) return;
    this.cOut[c] = 1;
    if (this.throttled[k] === 0) this.envoy.active[k]++;
  }

  /** The attempt of call c on edge e that was out ended (failed or answered); nothing when none was out. */
  ended(c: number, e: number, failed: boolean): void {
    if (this.cOut[c] === 0) return;
    this.cOut[c] = 0;
    const k = this.edgeBudget[e];
    if (this.throttled[k] === 1) {
      if (failed) this.throttle.onFailure(k);
      else this.throttle.onSuccess(k);
      return;
    }
    this.envoy.active[k]--;
    this.freeSlot(c, k);
  }

  /** Call c on edge e (with a budget) has failed an attempt and has retries left: whether it may retry now. */
  allowRetry(c: number, e: number): boolean {
    const k = this.edgeBudget[e];
    let ok: boolean;
    if (this.throttled[k] === 1) ok = this.throttle.allowsRetry(k);
    else {
      this.freeSlot(c, k);
      ok = this.envoy.tryStartRetry(k);
      if (ok) this.cSlot[c] = 1;
    }
    if (ok) this.allowed[k]++;
    else this.refused[k]++;
    return ok;
  }

  /** Call c on edge e is over (its answer goes up): its attempt and slot, if any, are freed. */
  callOver(c: number, e: number, failed: boolean): void {
    const k = this.edgeBudget[e];
    if (k < 0) return;
    this.ended(c, e, failed);
    if (this.throttled[k] === 0) this.freeSlot(c, k);
  }

  private freeSlot(c: number, k: number): void {
    if (this.cSlot[c] === 0) return;
    this.cSlot[c] = 0;
    this.envoy.endRetry(k);
  }

  /** Makes room for call slot c. */
  grow(c: number): void {
    if (c < this.cOut.length) return;
    const n = Math.max(c + 1, this.cOut.length * 2);
    const out = new Uint8Array(n);
    out.set(this.cOut);
    this.cOut = out;
    const slot = new Uint8Array(n);
    slot.set(this.cSlot);
    this.cSlot = slot;
  }

  /** The raw counts at the end of a run (RETRY_BUDGET_FIELDS per budget). */
  raw(): Float64Array {
    const n = this.allowed.length;
    const out = new Float64Array(n * RETRY_BUDGET_FIELDS);
    for (let k = 0; k < n; k++) {
      out[k * RETRY_BUDGET_FIELDS + RB_ALLOWED] = this.allowed[k];
      out[k * RETRY_BUDGET_FIELDS + RB_REFUSED] = this.refused[k];
    }
    return out;
  }
}
