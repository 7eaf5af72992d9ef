/**
 * The wired resilience patterns of one design, compiled (resilience/patternSim.ts
 * runs them): circuit breakers, back-off, hedging and retry budgets per compiled
 * edge, admission control, lifo and slowdown per node, the closed workload.
 * Null for a design that uses none: it never reaches the pattern simulator.
 */
import type { CompiledStations } from '../compileStations';
import type { Topology, TopologyEdge } from '../schema';
import type { CircuitBreakerSpec } from './circuitBreaker';
import type { ThinkTimeSpec } from './closedWorkload';

/** The compiled patterns. */
export interface CompiledPatterns {
  /** Per compiled edge: its breaker's index, −1 for none. */
  edgeBreaker: Int32Array;
  /** Per breaker: its settings and its compiled edge. */
  breakers: CircuitBreakerSpec[];
  breakerEdge: Int32Array;
  /** Per node: the most requests inside it (waiting or in service), 0 for no cap. */
  nodeMaxInFlight: Int32Array;
  /** Per node: its token bucket's index, −1 for none. */
  nodeBucket: Int32Array;
  /** Per bucket: Envoy TokenBucket fields (tokens, tokens, ms) and its node. */
  bucketMaxTokens: Float64Array;
  bucketPerFill: Float64Array;
  bucketFillMs: Float64Array;
  bucketNode: Int32Array;
  /** Per station: 1 when a free server takes the newest waiting request (`queueDiscipline: lifo`). */
  stationLifo: Uint8Array;
  /** Per compiled edge: 1 when its retries wait a back-off (backoff.ts), then its base, multiplier, cap (ms) and full jitter (1). */
  edgeBackoff: Uint8Array;
  edgeBackoffBaseMs: Float64Array;
  edgeBackoffMult: Float64Array;
  edgeBackoffMaxMs: Float64Array;
  edgeBackoffJitter: Uint8Array;
  /** Per compiled edge: its hedging delay (ms), −1 for no hedging, and its maxAttempts. */
  edgeHedgeAfterMs: Float64Array;
  edgeHedgeMax: Int32Array;
  /** Per compiled edge: its retry budget's index, −1 for none (patternBudget.ts). */
  edgeBudget: Int32Array;
  /** Per budget: its compiled edge, 1 for a gRPC throttle (0 Envoy's), Envoy's percent and minimum, the throttle's tokens and ratio. */
  budgetEdge: Int32Array;
  budgetThrottle: Uint8Array;
  budgetPercent: Float64Array;
  budgetMinRetries: Int32Array;
  budgetMaxTokens: Float64Array;
  budgetTokenRatio: Float64Array;
  /** Per node: load-dependent service time, 0 none, 1 linear, 2 exponential (slowdown.ts). */
  nodeSlowShape: Uint8Array;
  /** Per node: 1 when the slowdown's load is the queue length, 0 the utilisation. */
  nodeSlowByQueue: Uint8Array;
  /** Per node: the slowdown's coefficient and cap. */
  nodeSlowK: Float64Array;
  nodeSlowMax: Float64Array;
  /** The closed workload (`workload.model: "closed"`), null for the open one. */
  closed: { users: number; thinkTime: ThinkTimeSpec } | null;
}

/**
 * Compiles the patterns of `doc` whose edges in compiled order are `edges`; null when there are none.
 * `lifo` applies to a node with its own servers; a pool member (the monolith's merged components) keeps
 * the pool's one FIFO line.
 */
export function compilePatterns(doc: Topology, edges: readonly TopologyEdge[], st: CompiledStations): CompiledPatterns | null {
  const anyEdge = edges.some((e) => (e.circuitBreaker != null || e.backoff != null || e.hedging != null || e.retryBudget != null) && e.mode === 'sync');
  const anyNode = doc.nodes.some((n) => n.admission != null || n.queueDiscipline === 'lifo' || n.slowdown != null);
  const w = doc.workload;
  const closed = w.model === 'closed' && w.users !== undefined && w.thinkTime !== undefined ? { users: w.users, thinkTime: { ...w.thinkTime } } : null;
  if (!anyEdge && !anyNode && closed === null) return null;
  const edgeBreaker = new Int32Array(edges.length).fill(-1);
  const breakers: CircuitBreakerSpec[] = [];
  const breakerEdge: number[] = [];
  edges.forEach((e, k) => {
    if (e.circuitBreaker == null || e.mode !== 'sync') return;
    edgeBreaker[k] = breakers.length;
    breakers.push({ ...e.circuitBreaker });
    breakerEdge.push(k);
  });
  const n = doc.nodes.length;
  const nodeMaxInFlight = new Int32Array(n);
  const nodeBucket = new Int32Array(n).fill(-1);
  const buckets: { max: number; per: number; ms: number; node: number }[] = [];
  doc.nodes.forEach((node, i) => {
    const a = node.admission;
    if (!a) return;
    nodeMaxInFlight[i] = a.maxInFlight ?? 0;
    if (a.rateLimit) {
      nodeBucket[i] = buckets.length;
      buckets.push({ max: a.rateLimit.maxTokens, per: a.rateLimit.tokensPerFill, ms: a.rateLimit.fillIntervalMs, node: i });
    }
  });
  const stationLifo = new Uint8Array(st.stationCount);
  doc.nodes.forEach((node, i) => {
    if (node.queueDiscipline !== 'lifo' || node.pool !== null) return;
    for (let s = 0; s < st.stationCount; s++) if (st.stationGroup[s] === st.nodeGroup[i]) stationLifo[s] = 1;
  });
  const nodeSlowShape = Uint8Array.from(doc.nodes, (x) => (x.slowdown ? (x.slowdown.shape === 'linear' ? 1 : 2) : 0));
  const nodeSlowByQueue = Uint8Array.from(doc.nodes, (x) => (x.slowdown?.basis === 'queueLength' ? 1 : 0));
  const nodeSlowK = Float64Array.from(doc.nodes, (x) => x.slowdown?.coefficient ?? 0);
  const nodeSlowMax = Float64Array.from(doc.nodes, (x) => x.slowdown?.maxFactor ?? 1);
  const edgeBudget = new Int32Array(edges.length).fill(-1);
  const budgets: NonNullable<TopologyEdge['retryBudget']>[] = [];
  const budgetEdge: number[] = [];
  edges.forEach((e, k) => {
    if (e.retryBudget == null || e.mode !== 'sync' || e.retries === 0) return;
    edgeBudget[k] = budgets.length;
    budgets.push(e.retryBudget);
    budgetEdge.push(k);
  });
  const sb = (e: TopologyEdge) => (e.mode === 'sync' ? e.backoff : undefined);
  return {
    edgeHedgeAfterMs: Float64Array.from(edges, (e) => (e.mode === 'sync' && e.hedging ? e.hedging.hedgeAfterMs : -1)),
    edgeHedgeMax: Int32Array.from(edges, (e) => (e.mode === 'sync' && e.hedging ? e.hedging.maxAttempts : 0)),
    edgeBackoff: Uint8Array.from(edges, (e) => (sb(e) ? 1 : 0)),
    edgeBackoffBaseMs: Float64Array.from(edges, (e) => sb(e)?.baseMs ?? 0),
    edgeBackoffMult: Float64Array.from(edges, (e) => sb(e)?.multiplier ?? 1),
    edgeBackoffMaxMs: Float64Array.from(edges, (e) => sb(e)?.maxMs ?? 0),
    edgeBackoffJitter: Uint8Array.from(edges, (e) => (sb(e)?.jitter === 'full' ? 1 : 0)),
    edgeBudget,
    budgetEdge: Int32Array.from(budgetEdge),
    budgetThrottle: Uint8Array.from(budgets, (b) => (b.kind === 'grpc-throttle' ? 1 : 0)),
    budgetPercent: Float64Array.from(budgets, (b) => (b.kind === 'envoy' ? b.budgetPercent : 0)),
    budgetMinRetries: Int32Array.from(budgets, (b) => (b.kind === 'envoy' ? b.minRetryConcurrency : 0)),
    budgetMaxTokens: Float64Array.from(budgets, (b) => (b.kind === 'grpc-throttle' ? b.maxTokens : 0)),
    budgetTokenRatio: Float64Array.from(budgets, (b) => (b.kind === 'grpc-throttle' ? b.tokenRatio : 0)),
    edgeBreaker,
    breakers,
    breakerEdge: Int32Array.from(breakerEdge),
    nodeMaxInFlight,
    nodeBucket,
    bucketMaxTokens: Float64Array.from(buckets, (b) => b.max),
    bucketPerFill: Float64Array.from(buckets, (b) => b.per),
    bucketFillMs: Float64Array.from(buckets, (b) => b.ms),
    bucketNode: Int32Array.from(buckets, (b) => b.node),
    stationLifo,
    nodeSlowShape,
    nodeSlowByQueue,
    nodeSlowK,
    nodeSlowMax,
    closed,
  };
}
