/**
 * Traffic routing: which nodes and edges carry requests, in what order, and
 * the expected number of visits to each node per request entering the
 * design (the Jackson-network traffic equations, solved by propagation
 * because the traffic graph is acyclic).
 */
import type { Topology, TopologyEdge } from '../schema';

/** The traffic view of a document; arrays are indexed like `doc.nodes`. */
export interface Routing {
  /** Node id → index in `doc.nodes`. */
  index: Map<string, number>;
  /** Traffic edges (both ends online) leaving each node, in document order. */
  out: TopologyEdge[][];
  /** Online nodes in topological order (callers before callees). */
  order: number[];
  /** Expected visits per entry request (λ_i = λ · visits[i]). */
  visits: Float64Array;
  /**
   * True where the arrival rate is only an estimate: downstream of a bounded
   * queue (drops lower it) or of a node with a timeout (retries raise it,
   * a failed call may skip later ones).
   */
  loadUncertain: Uint8Array;
  /** False when the traffic edges form a cycle (a document the parser would reject). */
  acyclic: boolean;
}

/** Probability that a visit to the node makes its outgoing calls: 1 − hitRatio for caches, else 1. */
export function callFactor(doc: Topology, i: number): number {
  const h = doc.nodes[i].hitRatio;
  return h == null ? 1 : 1 - h;
}

/** True when the node holds its worker during calls and actually makes synchronous calls (else holding changes nothing). */
export function holdsDuringCalls(doc: Topology, routing: Routing, i: number): boolean {
  if (!doc.nodes[i].holdWorkerDuringCalls || callFactor(doc, i) === 0) return false;
  return routing.out[i].some((e) => e.mode === 'sync' && e.probability > 0);
}

/**
 * Chance that a visit to node i takes edge e: its probability under
 * `routing: each`; its share of the weights, p_e / Σ p, under `routing: one`
 * (exactly one edge per visit).
 */
export function edgeShare(doc: Topology, out: readonly TopologyEdge[], i: number, e: TopologyEdge): number {
  if (doc.nodes[i].routing !== 'one') return e.probability;
  let total = 0;
  for (const x of out) total += x.probability;
  return total > 0 ? e.probability / total : 0;
}

/** Builds the routing of a document: traffic edges, topological order, visits (Jackson traffic equations). */
export function route(doc: Topology): Routing {
  const n = doc.nodes.length;
  const index = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    index.set(node.id, i);
  });
  const online = doc.nodes.map((node) => node.role !== 'offline');
  const out: TopologyEdge[][] = doc.nodes.map(() => []);
  const indegree = new Int32Array(n);
  for (const e of doc.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || !online[s] || !online[t]) continue;
    out[s].push(e);
    indegree[t]++;
  }
  // Kahn's algorithm; a queue read by position keeps it O(n + m).
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (online[i] && indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const e of out[order[head]]) {
      const t = index.get(e.target)!;
      if (--indegree[t] === 0) order.push(t);
    }
  }
  const onlineCount = online.filter(Boolean).length;

  const visits = new Float64Array(n);
  const loadUncertain = new Uint8Array(n);
  const entry = index.get(doc.workload.entry);
  if (entry !== undefined && online[entry]) visits[entry] = 1;
  for (const s of order) {
    if (visits[s] === 0) continue;
    const node = doc.nodes[s];
    const perVisit = visits[s] * callFactor(doc, s);
    const edges = out[s];
    const hasTimeout = edges.some((e) => e.mode === 'sync' && e.timeoutMs != null);
    const passOn = loadUncertain[s] === 1 || node.queueCapacity != null || hasTimeout;
    for (const e of edges) {
      const t = index.get(e.target)!;
      visits[t] += perVisit * edgeShare(doc, edges, s, e) * e.count;
      if (passOn && e.probability > 0 && perVisit > 0) loadUncertain[t] = 1;
    }
  }
  return { index, out, order, visits, loadUncertain, acyclic: order.length === onlineCount };
}
