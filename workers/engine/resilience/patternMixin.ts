/**
 * The resilience patterns' top layer as a mixin over a scenario simulator
 * (patternBase.ts): circuit breakers, admission control, lifo, slowdown,
 * back-off and retry budgets over the hedging and closed-workload layers.
 * patternSim.ts mixes it into the ScenarioSimulator (PatternSimulator) and
 * the ElasticScenarioSimulator (ElasticPatternSimulator); the rules are in
 * patternSim.ts's module note.
 */
import type { CompiledModel } from '../compile';
import { EV_RETRY } from '../events';
import { NODE_FIELDS, N_VISITS, T_TIMEOUTS } from '../raw';
import { Rng, streamSeed } from '../rng';
import type * as R from '../raw';
import type { SimSpec } from '../simulate';
import { TokenBuckets } from './admission';
import { CircuitBreakers } from './circuitBreaker';
import { CAUSE_BREAKER_OPEN, CAUSE_REJECTED, CAUSE_TIMEOUT } from './failureCauses';
import { backoffMs } from './backoff';
import type { ScenarioSimulatorClass } from './patternBase';
import { EdgeRetryBudgets } from './patternBudget';
import { withHedging } from './patternHedging';
import { breakerRaw } from './patternResults';
import { slowdownFactor } from './slowdown';

/** First random stream of the back-off draws (compiled edge e uses BACKOFF_STREAM0 + e). */
export const BACKOFF_STREAM0 = 6_000_000;

/** Never drawn from (back-off without jitter does not touch its rng). */
const ZERO_RNG = new Rng(0);

/** `Base` (a scenario simulator) with the hedging and closed-workload layers, circuit breakers, admission control, lifo, slowdown, back-off and retry budgets (see patternSim.ts's module note). */
export function withPatterns<B extends ScenarioSimulatorClass>(Base: B) {
  return class PatternMixin extends withHedging(Base) {
    /** The breakers, one per edge that has one (CompiledPatterns.breakerEdge). */
    readonly breakers: CircuitBreakers;
    /** The token buckets, one per node that has a rate limit (CompiledPatterns.bucketNode). */
    readonly buckets: TokenBuckets;
    /** Per node: visits rejected by admission control. */
    readonly rejectedAt: Float64Array;
    private readonly edgeBreaker: Int32Array;
    private readonly maxInFlight: Int32Array;
    private readonly nodeBucket: Int32Array;
    private readonly admits: Uint8Array;
    private readonly lifo: Uint8Array;
    /** Per call: the start (ms) of its attempt awaiting its breaker record, NaN for none. */
    private cStartMs = new Float64Array(1024).fill(Number.NaN);
    private readonly slowShape: Uint8Array;
    /** The station of the visit whose service is starting (for slowdown). */
    private startingAt = -1;
    /** Per edge with a back-off and full jitter: its random stream. */
    private readonly backoffRng: (Rng | null)[];
    /** Per call: the cause of the failed attempt its pending retry follows. */
    private cRetryCause = new Int8Array(1024);
    /** The retry budgets (null without any). */
    readonly budgets: EdgeRetryBudgets | null;

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      const m = args[0] as CompiledModel;
      const spec = args[1] as SimSpec;
      const p = m.patterns;
      if (p === null) throw new Error('PatternSimulator needs a design with resilience patterns');
      this.breakers = new CircuitBreakers(p.breakers);
      this.buckets = new TokenBuckets(p.bucketMaxTokens, p.bucketPerFill, p.bucketFillMs);
      this.edgeBreaker = p.edgeBreaker;
      this.maxInFlight = p.nodeMaxInFlight;
      this.nodeBucket = p.nodeBucket;
      this.admits = Uint8Array.from(p.nodeMaxInFlight, (x, i) => (x > 0 || p.nodeBucket[i] >= 0 ? 1 : 0));
      this.rejectedAt = new Float64Array(m.nodeCount);
      this.lifo = p.stationLifo;
      this.slowShape = p.nodeSlowShape;
      this.backoffRng = Array.from(p.edgeBackoffJitter, (j, e) => (j === 1 && p.edgeBackoff[e] === 1 ? new Rng(streamSeed(spec.seed, BACKOFF_STREAM0 + e)) : null));
      this.budgets = p.budgetEdge.length > 0 ? new EdgeRetryBudgets(p) : null;
    }

    /**
     * Call c's attempt failed (`cause`) and ended: its budget is told; when the call has retries left and its
     * budget refuses the retry, the call fails now with that cause (true: handled).
     */
    private budgetRefused(c: number, cause: number): boolean {
      const b = this.budgets!;
      const e = this.cEdge[c];
      b.ended(c, e, true);
      if (this.cLeft[c] === 0 || !b.on(e) || b.allowRetry(c, e)) return false;
      this.pendingCause = cause;
      this.answer(c, true);
      return true;
    }

    protected override onTimeout(c: number, token: number): void {
      if (this.cToken[c] !== token) return; // answered already: lazily cancelled
      if (this.budgets !== null && this.budgetRefused(c, CAUSE_TIMEOUT)) {
        if (this.now >= this.warmMs) this.raw.totals[T_TIMEOUTS]++;
        return;
      }
      if (this.m.patterns!.edgeBackoff[this.cEdge[c]] === 1 && this.cLeft[c] > 0) {
        if (this.now >= this.warmMs) this.raw.totals[T_TIMEOUTS]++;
        this.retryLater(c, CAUSE_TIMEOUT);
      } else super.onTimeout(c, token);
    }

    /** Call c's attempt failed with `cause` and a retry is left: the retry waits its back-off. */
    private retryLater(c: number, cause: number): void {
      const p = this.m.patterns!;
      const e = this.cEdge[c];
      this.cLeft[c]--;
      const n = this.m.edgeRetries[e] - this.cLeft[c];
      const rng = this.backoffRng[e];
      const waitMs = backoffMs(n, p.edgeBackoffBaseMs[e], p.edgeBackoffMult[e], p.edgeBackoffMaxMs[e], rng !== null, rng ?? ZERO_RNG);
      // The failed attempt is over now: its breaker records it, its late answer is ignored.
      const b = this.edgeBreaker[e];
      const before = this.cStartMs[c];
      if (b >= 0 && !Number.isNaN(before)) this.breakers.record(b, this.now, true, this.now - before);
      this.cStartMs[c] = Number.NaN;
      const token = ++this.tokenSeq;
      this.cToken[c] = token;
      this.cRetryCause[c] = cause;
      this.q.push(this.now + waitMs, EV_RETRY, c, token);
    }

    protected override onRetry(c: number, token: number): void {
      if (this.cToken[c] !== token) return; // the call is gone (its caller failed)
      this.pendingCause = this.cRetryCause[c];
      this.attempt(c);
    }

    protected override failAttempt(c: number, cause: number): void {
      if (this.budgets !== null && this.budgetRefused(c, cause)) return;
      if (!this.hedgedCall(c) && this.m.patterns!.edgeBackoff[this.cEdge[c]] === 1 && this.cLeft[c] > 0) this.retryLater(c, cause);
      else super.failAttempt(c, cause);
    }

    protected override startService(f: number, i: number, s: number): void {
      this.startingAt = s;
      super.startService(f, i, s);
    }

    /** A service time of node i, slowed by its load at service start when it has a slowdown. */
    protected override drawService(i: number): number {
      const ms = super.drawService(i);
      const shape = this.slowShape[i];
      if (shape === 0) return ms;
      const p = this.m.patterns!;
      const s = this.startingAt;
      const x = p.nodeSlowByQueue[i] === 1 ? this.fifo[s].size : (this.m.stationServers[s] - this.free[s]) / this.m.stationServers[s];
      return ms * slowdownFactor(shape === 2, p.nodeSlowK[i], p.nodeSlowMax[i], x);
    }

    /** As the Simulator's, but a lifo station's free server takes the newest waiting visit. */
    protected override serveWaiting(s: number): void {
      // Unset while the ScenarioSimulator's constructor applies its first segment (nothing waits yet).
      if (this.lifo?.[s] !== 1) {
        super.serveWaiting(s);
        return;
      }
      const line = this.fifo[s];
      while (this.free[s] > 0 && line.size > 0) {
        const j = line.pop();
        const nj = this.fNode[j];
        this.queueDelta(nj, -1);
        this.startService(j, nj, s);
      }
    }

    override allocCall(): number {
      const c = super.allocCall();
      if (c >= this.cStartMs.length) {
        const grown = new Float64Array(Math.max(c + 1, this.cStartMs.length * 2)).fill(Number.NaN);
        grown.set(this.cStartMs);
        this.cStartMs = grown;
      }
      this.cStartMs[c] = Number.NaN;
      this.budgets?.grow(c);
      if (c >= this.cRetryCause.length) {
        const grown = new Int8Array(Math.max(c + 1, this.cRetryCause.length * 2));
        grown.set(this.cRetryCause);
        this.cRetryCause = grown;
      }
      return c;
    }

    override run(): R.DesignRaw {
      const raw = super.run();
      if (this.breakers.opened.length > 0) raw.breakers = breakerRaw(this.breakers);
      if (this.budgets !== null) raw.retryBudgets = this.budgets.raw();
      return raw;
    }

    protected override attempt(c: number): void {
      const b = this.edgeBreaker[this.cEdge[c]];
      if (b < 0 || this.hedgedCall(c)) {
        this.budgets?.sent(c, this.cEdge[c]);
        super.attempt(c);
        return;
      }
      // A retry: the attempt before it failed (a timeout, or a failure that is being retried).
      const before = this.cStartMs[c];
      if (!Number.isNaN(before)) this.breakers.record(b, this.now, true, this.now - before);
      const cause = this.pendingCause;
      if (!this.breakers.tryAcquire(b, this.now)) {
        const e = this.cEdge[c];
        this.cToken[c] = ++this.tokenSeq;
        this.cStartMs[c] = Number.NaN;
        this.pendingCause = this.cLeft[c] < this.m.edgeRetries[e] ? cause : CAUSE_BREAKER_OPEN;
        this.answer(c, true);
        return;
      }
      this.cStartMs[c] = this.now;
      this.budgets?.sent(c, this.cEdge[c]);
      super.attempt(c);
    }

    /** An attempt of call c ended with an answer (or failed for good): its breaker records it. */
    protected override callReturned(c: number, failed: boolean): number {
      const start = this.cStartMs[c];
      if (!Number.isNaN(start)) {
        this.breakers.record(this.edgeBreaker[this.cEdge[c]], this.now, failed, this.now - start);
        this.cStartMs[c] = Number.NaN;
      }
      this.budgets?.callOver(c, this.cEdge[c], failed);
      return super.callReturned(c, failed);
    }

    protected override arrive(f: number): void {
      const i = this.fNode[f];
      if (this.admits[i] === 0 || this.passesAdmission(i)) {
        super.arrive(f);
        return;
      }
      this.rejectedAt[i]++;
      this.fArriveMs[f] = this.now;
      if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_VISITS]++;
      this.failVisit(f, i, CAUSE_REJECTED);
    }

    /** Whether node i admits a visit now: under its in-flight cap (Envoy max_requests), then a token from its bucket. */
    private passesAdmission(i: number): boolean {
      const cap = this.maxInFlight[i];
      if (cap > 0 && this.nBusy[i] + this.nQueued[i] >= cap) return false;
      const k = this.nodeBucket[i];
      return k < 0 || this.buckets.tryTake(k, this.now);
    }
  };
}
