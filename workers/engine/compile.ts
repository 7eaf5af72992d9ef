/**
 * Compiles a validated document into the flat, typed-array model the
 * simulator runs: nodes, stations (a node's own servers, or a shared pool),
 * and traffic-carrying edges grouped per source node in document order.
 */
import { batchFactors } from './batchCost';
import { type CompiledElastic, compileElastic, type MonolithElasticSpec } from './autoscale/compileElastic';
import { compileCalls } from './compileCalls';
import { type CompiledFaults, compileFaults, unfaultedEngine } from './resilience/compileFaults';
import { type CompiledPatterns, compilePatterns } from './resilience/compilePatterns';
import { type CompiledEngines, compileEngines, SPECIAL_LLM, SPECIAL_TRITON } from './compileEngines';
import { type CompiledStations, compileStations } from './compileStations';
import { detExp as detExpImported, detLog } from './detmath';
import type { ServiceTime, Topology } from './schema';

/** Module-local copy for the hot path (an imported binding can cost a getter call per use under tsx). */
const detExp = detExpImported;

/** Service-time distribution codes. */
export const DIST_EXP = 0;
export const DIST_DET = 1;
export const DIST_LOGNORMAL = 2;
export const DIST_GAMMA = 3;
export const DIST_UNIFORM = 4;

/**
 * The flat model of one design. Times in ms. Arrays are indexed by node,
 * group, station, stage or edge index (stations and groups: see
 * compileStations.ts; stages: compileCalls.ts).
 */
/** CompiledModel.edgeTake: the edge is taken on every visit; with its probability (one draw of the node's routing stream); only when chosen (`routing: one`). */
export const TAKE_ALWAYS = 0;
export const TAKE_BY_PROBABILITY = 1;
export const TAKE_IF_CHOSEN = 2;

export interface CompiledModel extends CompiledStations, CompiledElastic {
  nodeIds: string[];
  nodeCount: number;
  entry: number;
  /** 1 when the node carries traffic (role is not offline). */
  nodeActive: Uint8Array;
  /** Distribution code and parameters: exp (mean), det (value), lognormal (mu, sigma), gamma (shape, scale), uniform (min, max). */
  nodeDist: Uint8Array;
  nodeP1: Float64Array;
  nodeP2: Float64Array;
  /** Cache hit ratio, 0 for non-caches. */
  nodeHit: Float64Array;
  /** 1 when the node sends each visit down exactly one edge (`routing: one`), chosen by weight. */
  nodeOne: Uint8Array;
  /** `routing: one`: the sum of the node's edge weights (probabilities). */
  nodeWeightSum: Float64Array;
  nodeHold: Uint8Array;
  /** Waiting-room size; -1 = unbounded. */
  nodeCap: Int32Array;
  /**
   * Dynamic batching: max batch size (0 = a plain station) and max wait (ms). Triton and LLM nodes have it
   * above 0 too (their maxBatch, and 1), so one test sends every special node off the plain path; nodeSpecial says which.
   */
  nodeBatchMax: Int32Array;
  nodeBatchWaitMs: Float64Array;
  /** A batching node's batchers (one per replica) are nodeBatcher0[i] + replica. */
  nodeBatcher0: Int32Array;
  batcherCount: number;
  /** A batch of b at node i takes a service draw × batchFactor[batchFactor0[i] + b] + batchAddMs[same] (see batchCost.ts). */
  batchFactor0: Int32Array;
  batchFactor: Float64Array;
  batchAddMs: Float64Array;
  /** Outgoing traffic edges of node i are edgeStart[i] .. edgeStart[i+1]-1, stage by stage (see compileCalls.ts). */
  edgeStart: Int32Array;
  /** Doc edge id of each compiled edge. */
  edgeIds: string[];
  nodeStage0: Int32Array;
  stageEdge0: Int32Array;
  stageSerial: Uint8Array;
  edgeTarget: Int32Array;
  edgeAsync: Uint8Array;
  edgeProb: Float64Array;
  /** How a visit decides whether it takes the edge: TAKE_ALWAYS, TAKE_BY_PROBABILITY or TAKE_IF_CHOSEN (`routing: one`). One load on the call path. */
  edgeTake: Uint8Array;
  edgeCount: Int32Array;
  edgeNetMs: Float64Array;
  /** Timeout per attempt, ms; 0 = none. */
  edgeTimeoutMs: Float64Array;
  edgeRetries: Int32Array;
  /** US$ per hour: every node's replicas × price (pool members excluded) plus every pool's price. */
  costPerHour: number;
  /** How each node serves: SPECIAL_NONE, _BATCH (plain batcher), _TRITON, _LLM (compileEngines.ts); = engines.nodeSpecial. */
  nodeSpecial: Uint8Array;
  /** The Triton and LLM engines (compileEngines.ts). */
  engines: CompiledEngines;
  /** The fault scenario (resilience/compileFaults.ts); null without events: the plain simulator runs. */
  scenario: CompiledFaults | null;
  /** Circuit breakers and admission control (resilience/compilePatterns.ts); null without them: no pattern simulator. */
  patterns: CompiledPatterns | null;
}

function setDist(st: ServiceTime, i: number, dist: Uint8Array, p1: Float64Array, p2: Float64Array): void {
  switch (st.dist) {
    case 'exponential':
      dist[i] = DIST_EXP;
      p1[i] = st.meanMs;
      break;
    case 'deterministic':
      dist[i] = DIST_DET;
      p1[i] = st.meanMs;
      break;
    case 'lognormal': {
      const s2 = detLog(1 + st.cv * st.cv);
      dist[i] = DIST_LOGNORMAL;
      p1[i] = detLog(st.meanMs) - s2 / 2;
      p2[i] = Math.sqrt(s2);
      break;
    }
    case 'gamma': {
      const k = 1 / (st.cv * st.cv);
      dist[i] = DIST_GAMMA;
      p1[i] = k;
      p2[i] = st.meanMs / k;
      break;
    }
    case 'uniform':
      dist[i] = DIST_UNIFORM;
      p1[i] = st.minMs;
      p2[i] = st.maxMs;
      break;
  }
}

/**
 * Compiles a parsed document (see parseTopology) into a {@link CompiledModel}.
 * `monolith`: the derived monolith's autoscaling (its design only; see run.ts).
 */
export function compileModel(doc: Topology, monolith: MonolithElasticSpec | null = null): CompiledModel {
  const n = doc.nodes.length;
  const index = new Map(doc.nodes.map((node, i) => [node.id, i]));
  const nodeActive = Uint8Array.from(doc.nodes, (x) => (x.role === 'offline' ? 0 : 1));
  const { nodeElastic, ...elastic } = compileElastic(doc, monolith);
  const layout = (k: number) => (k < 0 ? null : { index: k, maxReplicas: elastic.elastic[k].autoscale.maxReplicas, initialReplicas: elastic.elastic[k].initialReplicas });
  const stations = compileStations(doc, (i) => layout(nodeElastic[i]), monolith ? layout(elastic.elastic.length - 1) : null, monolith?.unit ?? null);
  const calls = compileCalls(doc, index, nodeActive);
  const edges = Array.from(calls.edgeDoc, (k) => doc.edges[k]);
  const m: CompiledModel = {
    ...stations,
    nodeIds: doc.nodes.map((x) => x.id),
    nodeCount: n,
    entry: index.get(doc.workload.entry) ?? 0,
    nodeActive,
    nodeDist: new Uint8Array(n),
    nodeP1: new Float64Array(n),
    nodeP2: new Float64Array(n),
    nodeHit: new Float64Array(n),
    nodeOne: new Uint8Array(n),
    nodeWeightSum: new Float64Array(n),
    nodeHold: new Uint8Array(n),
    nodeCap: new Int32Array(n),
    nodeBatchMax: new Int32Array(n),
    nodeBatchWaitMs: new Float64Array(n),
    nodeBatcher0: new Int32Array(n).fill(-1),
    batcherCount: 0,
    batchFactor0: new Int32Array(n).fill(-1),
    batchFactor: new Float64Array(0),
    batchAddMs: new Float64Array(0),
    edgeStart: calls.edgeStart,
    edgeIds: edges.map((e) => e.id),
    nodeStage0: calls.nodeStage0,
    stageEdge0: calls.stageEdge0,
    stageSerial: calls.stageSerial,
    edgeTarget: Int32Array.from(edges, (e) => index.get(e.target) ?? 0),
    edgeAsync: Uint8Array.from(edges, (e) => (e.mode === 'async' ? 1 : 0)),
    edgeProb: Float64Array.from(edges, (e) => e.probability),
    edgeTake: new Uint8Array(edges.length),
    edgeCount: Int32Array.from(edges, (e) => e.count),
    edgeNetMs: Float64Array.from(edges, (e) => e.networkMs),
    edgeTimeoutMs: Float64Array.from(edges, (e) => (e.mode === 'sync' && e.timeoutMs !== null ? e.timeoutMs : 0)),
    edgeRetries: Int32Array.from(edges, (e) => (e.mode === 'sync' && e.timeoutMs !== null ? e.retries : 0)),
    costPerHour: 0,
    nodeSpecial: new Uint8Array(0),
    scenario: null,
    patterns: compilePatterns(doc, edges, stations),
    engines: compileEngines(doc, edges, (i) => stations.groupReplicas[stations.nodeGroup[i]]),
    ...elastic,
  };
  // A Triton node inside a shared pool (the monolith's GPUs) batches by the plain rule: its instances are the pool's shared slots.
  doc.nodes.forEach((node, i) => {
    if (node.batching?.triton && node.pool !== null && m.engines.nodeSpecial[i] === SPECIAL_TRITON) m.engines.nodeSpecial[i] = node.batching.maxBatch > 1 ? 1 : 0;
  });
  m.nodeSpecial = m.engines.nodeSpecial;
  for (const p of doc.pools) m.costPerHour += p.costPerHour;
  const factors: Float64Array[] = [];
  const adds: Float64Array[] = [];
  let factorLen = 0;
  doc.nodes.forEach((node, i) => {
    if (node.pool === null || !doc.pools.some((p) => p.id === node.pool)) {
      m.costPerHour += node.replicas * (node.costPerReplicaHour ?? 0);
    }
    setDist(node.serviceTime, i, m.nodeDist, m.nodeP1, m.nodeP2);
    m.nodeHit[i] = node.kind === 'cache' ? (node.hitRatio ?? 0) : 0;
    m.nodeOne[i] = node.routing === 'one' ? 1 : 0;
    for (let e = m.edgeStart[i]; e < m.edgeStart[i + 1]; e++) {
      m.nodeWeightSum[i] += m.edgeProb[e];
      m.edgeTake[e] = m.nodeOne[i] ? TAKE_IF_CHOSEN : m.edgeProb[e] < 1 ? TAKE_BY_PROBABILITY : TAKE_ALWAYS;
    }
    m.nodeHold[i] = node.holdWorkerDuringCalls ? 1 : 0;
    m.nodeCap[i] = node.queueCapacity ?? -1;
    const triton = m.engines.nodeSpecial[i] === SPECIAL_TRITON;
    if (node.batching && (node.batching.maxBatch > 1 || triton)) {
      m.nodeBatchMax[i] = node.batching.maxBatch;
      if (!triton) {
        m.nodeBatchWaitMs[i] = node.batching.maxWaitMs;
        m.nodeBatcher0[i] = m.batcherCount;
        m.batcherCount += m.groupReplicas[m.nodeGroup[i]];
      }
      const { factor, addMs } = batchFactors(node.batching, node.serviceTime);
      m.batchFactor0[i] = factorLen;
      factors.push(factor);
      adds.push(addMs);
      factorLen += factor.length;
    }
  });
  for (let i = 0; i < n; i++) if (m.nodeSpecial[i] === SPECIAL_LLM) m.nodeBatchMax[i] = 1;
  m.batchFactor = new Float64Array(factorLen);
  m.batchAddMs = new Float64Array(factorLen);
  let at = 0;
  factors.forEach((f, k) => {
    m.batchFactor.set(f, at);
    m.batchAddMs.set(adds[k], at);
    at += f.length;
  });
  m.scenario = compileFaults(doc, stations, m.edgeIds, (i) => unfaultedEngine(m, i), m.patterns !== null);
  return m;
}

/** Draws one service time (ms) of node i from its distribution. */
export function sampleService(m: CompiledModel, i: number, rng: { next(): number; exp(mean: number): number; normal(): number; gamma(k: number): number }): number {
  switch (m.nodeDist[i]) {
    case DIST_EXP:
      return rng.exp(m.nodeP1[i]);
    case DIST_DET:
      return m.nodeP1[i];
    case DIST_LOGNORMAL:
      return detExp(m.nodeP1[i] + m.nodeP2[i] * rng.normal());
    case DIST_GAMMA:
      return rng.gamma(m.nodeP1[i]) * m.nodeP2[i];
    default:
      return m.nodeP1[i] + (m.nodeP2[i] - m.nodeP1[i]) * rng.next();
  }
}
