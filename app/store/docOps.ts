/**
 * Pure edits of a topology document: each takes a document and returns a new
 * one (unchanged records keep their identity, so memoised canvas nodes skip
 * re-rendering). No React, no store: the store's actions are thin wrappers.
 */
import { EDGE_DEFAULTS, KINDS, MONOLITH_DEFAULTS, NODE_DEFAULTS, RUN_DEFAULTS, SLO_DEFAULT, WORKLOAD_DEFAULTS } from '../../workers/engine/kinds';
import { KIND_HARDWARE } from '../../workers/engine/hardware';
import { LLM_DEFAULT, LlmServerSpecSchema, type LlmServer, normalizeLlm, TOKENS_DEFAULT } from '../../workers/engine/llm/schema';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type NodeKind,
  type Topology,
  type TopologyEdge,
  type TopologyNode,
} from '../../workers/engine/schema';
import { scenarioEvents, withEvents } from '../scenario/scenarioDoc';

export type XY = { x: number; y: number };

/** A document with no nodes (its entry is empty until the first node is added). */
export function blankDocument(name = 'Untitled'): Topology {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    name,
    description: '',
    nodes: [],
    edges: [],
    workload: { entry: '', ...WORKLOAD_DEFAULTS, burst: { ...WORKLOAD_DEFAULTS.burst } },
    run: { ...RUN_DEFAULTS },
    pools: [],
    slo: { ...SLO_DEFAULT },
    monolith: { ...MONOLITH_DEFAULTS },
    hardware: [],
  };
}

/** The smallest `${base}-${n}` (n ≥ 1) not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, 48) || 'n';
  for (let n = 1; ; n++) {
    const id = `${clean}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new node of `kind` with the kind's defaults (the parser's own defaults, from KINDS). */
export function makeNode(kind: NodeKind, id: string, position: XY): TopologyNode {
  const k = KINDS[kind];
  return {
    id,
    kind,
    label: k.title,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    role: k.role,
    replicas: k.replicas,
    concurrency: k.concurrency,
    serviceTime: { ...k.serviceTime },
    queueCapacity: null,
    callMode: 'sequential',
    holdWorkerDuringCalls: false,
    hitRatio: k.hitRatio,
    batching: null,
    // The machine's price (docs/hardware.md); offline jobs have no machine and cost nothing.
    costPerReplicaHour: KIND_HARDWARE[kind] === null ? k.costPerReplicaHour : null,
    pool: null,
    // Keys in the order the parser writes them, so a saved file reads back byte for byte.
    hardware: KIND_HARDWARE[kind],
    modelMemoryGb: null,
    balancer: NODE_DEFAULTS.balancer,
    routing: NODE_DEFAULTS.routing,
    // An llm-server's engine: the parser's default (the Llama-3-8B-on-L4 preset), written out so the inspector shows it.
    ...(kind === 'llm-server' ? { llm: defaultLlm() } : {}),
  };
}

/**
 * The parser's default llm block (the Llama-3-8B-on-L4 preset), with its keys in the order the
 * parser writes a document that gives them all, so a new node saves and reloads to the same text.
 */
export function defaultLlm(): LlmServer {
  return normalizeLlm(LlmServerSpecSchema.parse(normalizeLlm(LLM_DEFAULT)));
}

/** The workload with token counts when the document has an llm-server and gives none (the parser's default). */
export function withLlmTokens(doc: Topology): Topology {
  if (doc.workload.tokens || !doc.nodes.some((n) => n.kind === 'llm-server')) return doc;
  return { ...doc, workload: { ...doc.workload, tokens: structuredClone(TOKENS_DEFAULT) } };
}

const nodeIds = (doc: Topology) => new Set(doc.nodes.map((n) => n.id));

/** Adds a node; the first online node of a document without a valid entry becomes the entry. */
export function addNode(doc: Topology, kind: NodeKind, position: XY): { doc: Topology; id: string } {
  const ids = nodeIds(doc);
  const id = uniqueId(kind, ids);
  const node = makeNode(kind, id, position);
  const needsEntry = !ids.has(doc.workload.entry) && node.role !== 'offline';
  return {
    id,
    doc: withLlmTokens({
      ...doc,
      nodes: [...doc.nodes, node],
      workload: needsEntry ? { ...doc.workload, entry: id } : doc.workload,
    }),
  };
}

export function updateNode(doc: Topology, id: string, patch: Partial<Omit<TopologyNode, 'id'>>): Topology {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

export function updateEdge(doc: Topology, id: string, patch: Partial<Omit<TopologyEdge, 'id'>>): Topology {
  return { ...doc, edges: doc.edges.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
}

/** Adds a call from source to target; null when it would duplicate an existing call or loop on one node. */
export function connect(
  doc: Topology,
  source: string,
  target: string,
  mode: TopologyEdge['mode'] = 'sync',
): { doc: Topology; id: string } | null {
  if (source === target) return null;
  if (doc.edges.some((e) => e.source === source && e.target === target)) return null;
  const ids = nodeIds(doc);
  if (!ids.has(source) || !ids.has(target)) return null;
  const id = uniqueId('e', new Set(doc.edges.map((e) => e.id)));
  const edge: TopologyEdge = { id, source, target, ...EDGE_DEFAULTS, mode };
  return { id, doc: { ...doc, edges: [...doc.edges, edge] } };
}

/** Removes nodes (with their edges) and edges. */
export function deleteItems(doc: Topology, nodeIdsToDelete: Iterable<string>, edgeIdsToDelete: Iterable<string>): Topology {
  const dn = new Set(nodeIdsToDelete);
  const de = new Set(edgeIdsToDelete);
  if (dn.size === 0 && de.size === 0) return doc;
  const edges = doc.edges.filter((e) => !de.has(e.id) && !dn.has(e.source) && !dn.has(e.target));
  const next = { ...doc, nodes: doc.nodes.filter((n) => !dn.has(n.id)), edges };
  // Scenario events on what went go with it (an event on an unknown id would make the document invalid).
  const kept = new Set(edges);
  const gone = new Set([...dn, ...doc.edges.filter((e) => !kept.has(e)).map((e) => e.id)]);
  const events = scenarioEvents(doc);
  const left = events.filter((e) => !gone.has(e.target));
  return left.length === events.length ? next : withEvents(next, left);
}

/** Sets the positions of some nodes (rounded to whole pixels); nodes not listed keep their identity. */
export function moveNodes(doc: Topology, positions: ReadonlyMap<string, XY>): Topology {
  if (positions.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = positions.get(n.id);
      if (!p) return n;
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      return x === n.position.x && y === n.position.y ? n : { ...n, position: { x, y } };
    }),
  };
}

/** Moves the given nodes by (dx, dy). */
export function nudgeNodes(doc: Topology, ids: Iterable<string>, dx: number, dy: number): Topology {
  const set = new Set(ids);
  const positions = new Map<string, XY>();
  for (const n of doc.nodes) if (set.has(n.id)) positions.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
  return moveNodes(doc, positions);
}
