/**
 * The simulator of a design with resilience patterns: the ScenarioSimulator
 * (faults, causes, per-window statistics) plus, at its named points, circuit
 * breakers on edges (circuitBreaker.ts) and admission control on nodes
 * (admission.ts). Only designs that use a pattern reach it
 * ({@link simulateDesignRaw}); every other design runs exactly as before.
 *
 * - "An attempt is made on an edge" with a breaker: the breaker is asked
 *   (tryAcquire). Refused, nothing is sent: the call fails at once, without
 *   further retries (retrying an open breaker at the same instant is refused
 *   again), with cause `breakerOpen` when it was the call's first attempt,
 *   else with the cause of the attempt that failed before (failureCauses.ts).
 *   Permitted, the attempt's start time is kept.
 * - "An attempt ended" (answered, failed at the callee, dropped, timed out,
 *   partitioned, crashed): its outcome and duration are recorded in the
 *   breaker (record). An attempt superseded by a retry failed (a timeout or a
 *   failure); one answered up the tree is recorded as answered.
 * - "A visit arrives" at a node with admission control: over `maxInFlight`
 *   (requests waiting or in service there) or with an empty token bucket it
 *   is rejected at once, cause `rejected`; a rejected attempt is retried
 *   while the call's retries allow, as a failed one is.
 * - "A server frees" at a `lifo` station: it takes the newest waiting visit.
 */
import type { CompiledModel } from '../compile';
import { NODE_FIELDS, N_VISITS } from '../raw';
import type * as R from '../raw';
import type { SimSpec } from '../simulate';
import { TokenBuckets } from './admission';
import { CircuitBreakers } from './circuitBreaker';
import { CAUSE_BREAKER_OPEN, CAUSE_REJECTED } from './failureCauses';
import { ScenarioSimulator, simulateDesignRaw as simulateScenarioOrPlain } from './scenarioSim';

/** Runs one replication: the pattern simulator when the design uses a pattern, else the scenario, elastic or plain one. */
export function simulateDesignRaw(m: CompiledModel, spec: SimSpec): R.DesignRaw {
  return m.patterns !== null ? new PatternSimulator(m, spec).run() : simulateScenarioOrPlain(m, spec);
}

/** The ScenarioSimulator with circuit breakers and admission control (see the module note). */
export class PatternSimulator extends ScenarioSimulator {
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

  constructor(m: CompiledModel, spec: SimSpec) {
    super(m, spec);
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
    return c;
  }

  protected override attempt(c: number): void {
    const b = this.edgeBreaker[this.cEdge[c]];
    if (b < 0) {
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
    super.attempt(c);
  }

  /** An attempt of call c ended with an answer (or failed for good): its breaker records it. */
  protected override callReturned(c: number, failed: boolean): number {
    const start = this.cStartMs[c];
    if (!Number.isNaN(start)) {
      this.breakers.record(this.edgeBreaker[this.cEdge[c]], this.now, failed, this.now - start);
      this.cStartMs[c] = Number.NaN;
    }
    return super.callReturned(c, failed);
  }

  protected override arrive(f: number): void {
    const i = this.fNode[f];
    if (this.admits[i] === 0 || this.admit(i)) {
      super.arrive(f);
      return;
    }
    this.rejectedAt[i]++;
    this.fArriveMs[f] = this.now;
    if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_VISITS]++;
    this.failVisit(f, i, CAUSE_REJECTED);
  }

  /** Whether node i admits a visit now: under its in-flight cap (Envoy max_requests), then a token from its bucket. */
  private admit(i: number): boolean {
    const cap = this.maxInFlight[i];
    if (cap > 0 && this.nBusy[i] + this.nQueued[i] >= cap) return false;
    const k = this.nodeBucket[i];
    return k < 0 || this.buckets.tryTake(k, this.now);
  }
}
