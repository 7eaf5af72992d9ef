/**
 * Compiles a validated document into the flat, typed-array model the
 * simulator runs: nodes, stations (a node's own servers, or a shared pool),
 * and traffic-carrying edges grouped per source node in document order.
 */
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

/** The flat model of one design. Times in ms. Arrays are indexed by node, station or edge index. */
export interface CompiledModel {
  nodeIds: string[];
  nodeCount: number;
  entry: number;
  /** 1 when the node carries traffic (role is not offline). */
  nodeActive: Uint8Array;
  nodeStation: Int32Array;
  /** Distribution code and parameters: exp (mean), det (value), lognormal (mu, sigma), gamma (shape, scale), uniform (min, max). */
  nodeDist: Uint8Array;
  nodeP1: Float64Array;
  nodeP2: Float64Array;
  /** Cache hit ratio, 0 for non-caches. */
  nodeHit: Float64Array;
  nodeParallel: Uint8Array;
  nodeHold: Uint8Array;
  /** Waiting-room size; -1 = unbounded. */
  nodeCap: Int32Array;
  /** Dynamic batching: max batch size (0 = no batching) and max wait (ms). */
  nodeBatchMax: Int32Array;
  nodeBatchWaitMs: Float64Array;
  /** Outgoing traffic edges of node i are edgeStart[i] .. edgeStart[i+1]-1, in document order. */
  edgeStart: Int32Array;
  edgeTarget: Int32Array;
  edgeAsync: Uint8Array;
  edgeProb: Float64Array;
  edgeCount: Int32Array;
  edgeNetMs: Float64Array;
  /** Timeout per attempt, ms; 0 = none. */
  edgeTimeoutMs: Float64Array;
  edgeRetries: Int32Array;
  stationCount: number;
  stationServers: Int32Array;
  /** US$ per hour: every node's replicas × price (pool members excluded) plus every pool's price. */
  costPerHour: number;
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

/** Compiles a parsed document (see parseTopology) into a {@link CompiledModel}. */
export function compileModel(doc: Topology): CompiledModel {
  const n = doc.nodes.length;
  const index = new Map(doc.nodes.map((node, i) => [node.id, i]));
  const m: CompiledModel = {
    nodeIds: doc.nodes.map((x) => x.id),
    nodeCount: n,
    entry: index.get(doc.workload.entry) ?? 0,
    nodeActive: new Uint8Array(n),
    nodeStation: new Int32Array(n),
    nodeDist: new Uint8Array(n),
    nodeP1: new Float64Array(n),
    nodeP2: new Float64Array(n),
    nodeHit: new Float64Array(n),
    nodeParallel: new Uint8Array(n),
    nodeHold: new Uint8Array(n),
    nodeCap: new Int32Array(n),
    nodeBatchMax: new Int32Array(n),
    nodeBatchWaitMs: new Float64Array(n),
    edgeStart: new Int32Array(n + 1),
    edgeTarget: new Int32Array(0),
    edgeAsync: new Uint8Array(0),
    edgeProb: new Float64Array(0),
    edgeCount: new Int32Array(0),
    edgeNetMs: new Float64Array(0),
    edgeTimeoutMs: new Float64Array(0),
    edgeRetries: new Int32Array(0),
    stationCount: 0,
    stationServers: new Int32Array(0),
    costPerHour: 0,
  };
  const poolStation = new Map<string, number>();
  const servers: number[] = [];
  for (const p of doc.pools) {
    poolStation.set(p.id, servers.length);
    servers.push(p.servers);
    m.costPerHour += p.costPerHour;
  }
  doc.nodes.forEach((node, i) => {
    m.nodeActive[i] = node.role === 'offline' ? 0 : 1;
    const pooled = node.pool !== null ? poolStation.get(node.pool) : undefined;
    if (pooled !== undefined) m.nodeStation[i] = pooled;
    else {
      m.nodeStation[i] = servers.length;
      servers.push(node.replicas * node.concurrency);
      m.costPerHour += node.replicas * (node.costPerReplicaHour ?? 0);
    }
    setDist(node.serviceTime, i, m.nodeDist, m.nodeP1, m.nodeP2);
    m.nodeHit[i] = node.kind === 'cache' ? (node.hitRatio ?? 0) : 0;
    m.nodeParallel[i] = node.callMode === 'parallel' ? 1 : 0;
    m.nodeHold[i] = node.holdWorkerDuringCalls ? 1 : 0;
    m.nodeCap[i] = node.queueCapacity ?? -1;
    if (node.batching && node.batching.maxBatch > 1) {
      m.nodeBatchMax[i] = node.batching.maxBatch;
      m.nodeBatchWaitMs[i] = node.batching.maxWaitMs;
    }
  });
  m.stationCount = servers.length;
  m.stationServers = Int32Array.from(servers);

  const bySource: number[][] = doc.nodes.map(() => []);
  doc.edges.forEach((e, k) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || !m.nodeActive[s] || !m.nodeActive[t]) return;
    bySource[s].push(k);
  });
  const total = bySource.reduce((a, l) => a + l.length, 0);
  m.edgeTarget = new Int32Array(total);
  m.edgeAsync = new Uint8Array(total);
  m.edgeProb = new Float64Array(total);
  m.edgeCount = new Int32Array(total);
  m.edgeNetMs = new Float64Array(total);
  m.edgeTimeoutMs = new Float64Array(total);
  m.edgeRetries = new Int32Array(total);
  let j = 0;
  for (let i = 0; i < n; i++) {
    m.edgeStart[i] = j;
    for (const k of bySource[i]) {
      const e = doc.edges[k];
      m.edgeTarget[j] = index.get(e.target) ?? 0;
      m.edgeAsync[j] = e.mode === 'async' ? 1 : 0;
      m.edgeProb[j] = e.probability;
      m.edgeCount[j] = e.count;
      m.edgeNetMs[j] = e.networkMs;
      m.edgeTimeoutMs[j] = e.mode === 'sync' && e.timeoutMs !== null ? e.timeoutMs : 0;
      m.edgeRetries[j] = e.mode === 'sync' && e.timeoutMs !== null ? e.retries : 0;
      j++;
    }
  }
  m.edgeStart[n] = j;
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
