/**
 * Circuit breakers on edges, as Resilience4j defines them (count-based
 * sliding window; resilience4j-circuitbreaker CircuitBreakerConfig.java,
 * CircuitBreakerStateMachine.java, CircuitBreakerMetrics.java at commit
 * af9e7c97):
 * - CLOSED: every call is permitted; each outcome goes into a ring of the last
 *   `slidingWindowSize` outcomes. Once at least `minimumNumberOfCalls` (capped
 *   at the window size for a count-based window) are recorded, the breaker
 *   opens when failure rate ≥ `failureRateThreshold` % or slow-call rate ≥
 *   `slowCallRateThreshold` % (a call is slow when it took longer than
 *   `slowCallDurationThresholdMs`, whether it failed or not).
 * - OPEN: calls are not permitted (they fail at once and are counted as
 *   rejected) until `waitDurationInOpenStateMs` has passed; the first call
 *   after that (strictly after, `Instant.isAfter`) moves the breaker to
 *   HALF_OPEN. Resilience4j does that lazily by default, or on a timer with
 *   `automaticTransitionFromOpenToHalfOpenEnabled`; the calls decided are the
 *   same either way, so we transition lazily and {@link stateAt} reports the
 *   state a timer would show.
 * - HALF_OPEN: `permittedNumberOfCallsInHalfOpenState` calls are permitted,
 *   further ones are not; outcomes go into a fresh window of that size with
 *   minimum min(minimumNumberOfCalls, permitted); above a threshold → OPEN
 *   again, below both → CLOSED (with a fresh window). Results of calls
 *   permitted earlier that arrive in OPEN change nothing.
 * Defaults (CircuitBreakerConfig.DEFAULT_*): window 100, minimum calls 100,
 * failure rate 50 %, slow-call rate 100 %, slow call 60 s, open 60 s, 10 trial calls.
 *
 * State lives in typed arrays, one breaker per index (an edge), windows in one
 * shared Uint8Array: no allocation per call.
 */

export const CB_CLOSED = 0;
export const CB_OPEN = 1;
export const CB_HALF_OPEN = 2;

const FAILED = 1;
const SLOW = 2;

/** One breaker's settings (times in ms, rates in percent). */
export interface CircuitBreakerSpec {
  slidingWindowSize: number;
  minimumNumberOfCalls: number;
  failureRateThreshold: number;
  slowCallRateThreshold: number;
  slowCallDurationThresholdMs: number;
  waitDurationInOpenStateMs: number;
  permittedNumberOfCallsInHalfOpenState: number;
}

/** Resilience4j's defaults. */
export const CIRCUIT_BREAKER_DEFAULTS: Readonly<CircuitBreakerSpec> = {
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThresholdMs: 60_000,
  waitDurationInOpenStateMs: 60_000,
  permittedNumberOfCallsInHalfOpenState: 10,
};

/** Many breakers, one per index; every breaker starts CLOSED with an empty window. */
export class CircuitBreakers {
  readonly state: Uint8Array;
  /** OPEN: the time (ms) after which the next call moves the breaker to HALF_OPEN. */
  readonly openUntilMs: Float64Array;
  /** Calls refused (OPEN, or HALF_OPEN with no trial permit left). */
  readonly rejected: Float64Array;
  /** Times the breaker opened. */
  readonly opened: Int32Array;
  private readonly specs: CircuitBreakerSpec[];
  private readonly ringStart: Int32Array;
  private readonly ringCap: Int32Array;
  private readonly ring: Uint8Array;
  private readonly head: Int32Array;
  private readonly calls: Int32Array;
  private readonly failures: Int32Array;
  private readonly slow: Int32Array;
  private readonly permits: Int32Array;

  constructor(specs: readonly CircuitBreakerSpec[]) {
    const n = specs.length;
    this.specs = specs.slice();
    this.state = new Uint8Array(n);
    this.openUntilMs = new Float64Array(n);
    this.rejected = new Float64Array(n);
    this.opened = new Int32Array(n);
    this.ringStart = new Int32Array(n);
    this.ringCap = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.ringStart[i] = total;
      this.ringCap[i] = Math.max(specs[i].slidingWindowSize, specs[i].permittedNumberOfCallsInHalfOpenState);
      total += this.ringCap[i];
    }
    this.ring = new Uint8Array(total);
    this.head = new Int32Array(n);
    this.calls = new Int32Array(n);
    this.failures = new Int32Array(n);
    this.slow = new Int32Array(n);
    this.permits = new Int32Array(n);
  }

  /**
   * Whether breaker b lets a call through at time nowMs (tryAcquirePermission).
   * A refused call is counted in `rejected` and must fail at once, without
   * reaching the callee; a permitted one must later be reported to {@link record}.
   */
  tryAcquire(b: number, nowMs: number): boolean {
    const s = this.state[b];
    if (s === CB_CLOSED) return true;
    if (s === CB_OPEN) {
      if (!(nowMs > this.openUntilMs[b])) {
        this.rejected[b]++;
        return false;
      }
      this.toHalfOpen(b);
    }
    if (this.permits[b] > 0) {
      this.permits[b]--;
      return true;
    }
    this.rejected[b]++;
    return false;
  }

  /** The outcome of a permitted call that ended at nowMs after durationMs. */
  record(b: number, nowMs: number, failed: boolean, durationMs: number): void {
    const s = this.state[b];
    if (s === CB_OPEN) return;
    const spec = this.specs[b];
    const size = s === CB_CLOSED ? spec.slidingWindowSize : spec.permittedNumberOfCallsInHalfOpenState;
    const outcome = (failed ? FAILED : 0) | (durationMs > spec.slowCallDurationThresholdMs ? SLOW : 0);
    const at = this.ringStart[b] + this.head[b];
    if (this.calls[b] === size) {
      const old = this.ring[at];
      if (old & FAILED) this.failures[b]--;
      if (old & SLOW) this.slow[b]--;
    } else this.calls[b]++;
    this.ring[at] = outcome;
    if (outcome & FAILED) this.failures[b]++;
    if (outcome & SLOW) this.slow[b]++;
    this.head[b] = this.head[b] + 1 === size ? 0 : this.head[b] + 1;
    const minimum = Math.min(spec.minimumNumberOfCalls, size);
    if (this.calls[b] < minimum) return;
    const failurePct = (this.failures[b] * 100) / this.calls[b];
    const slowPct = (this.slow[b] * 100) / this.calls[b];
    if (failurePct >= spec.failureRateThreshold || slowPct >= spec.slowCallRateThreshold) this.toOpen(b, nowMs);
    else if (s === CB_HALF_OPEN) this.reset(b, CB_CLOSED);
  }

  /** The state at nowMs as Resilience4j's automatic transition would show it (OPEN past its wait reads HALF_OPEN). */
  stateAt(b: number, nowMs: number): number {
    return this.state[b] === CB_OPEN && nowMs > this.openUntilMs[b] ? CB_HALF_OPEN : this.state[b];
  }

  /** The failure rate (%) over breaker b's current window, or −1 below its minimum number of calls (as Resilience4j reports). */
  failureRate(b: number): number {
    const spec = this.specs[b];
    const size = this.state[b] === CB_HALF_OPEN ? spec.permittedNumberOfCallsInHalfOpenState : spec.slidingWindowSize;
    const c = this.calls[b];
    return c === 0 || c < Math.min(spec.minimumNumberOfCalls, size) ? -1 : (this.failures[b] * 100) / c;
  }

  private toOpen(b: number, nowMs: number): void {
    this.reset(b, CB_OPEN);
    this.openUntilMs[b] = nowMs + this.specs[b].waitDurationInOpenStateMs;
    this.opened[b]++;
  }

  private toHalfOpen(b: number): void {
    this.reset(b, CB_HALF_OPEN);
    this.permits[b] = this.specs[b].permittedNumberOfCallsInHalfOpenState;
  }

  private reset(b: number, state: number): void {
    this.state[b] = state;
    this.head[b] = 0;
    this.calls[b] = 0;
    this.failures[b] = 0;
    this.slow[b] = 0;
  }
}
