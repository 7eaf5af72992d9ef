/**
 * Copy/paste payloads: the selected nodes and the edges between them, as JSON
 * text that travels through the system clipboard (or localStorage) between
 * tabs. Pasting validates with the engine's own schemas and gives every
 * pasted record a fresh id.
 */
import { z } from 'zod';
import { EdgeSchema, NodeSchema, type Topology, type TopologyEdge, type TopologyNode } from '../../workers/engine/schema';
import { uniqueId } from './docOps';

export const CLIPBOARD_FORMAT = 'loadsketch/clipboard';

const PayloadSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  nodes: z.array(NodeSchema).max(2000),
  edges: z.array(EdgeSchema).max(10000),
});
/** What Ctrl+C puts on the clipboard. */
export type ClipboardPayload = z.infer<typeof PayloadSchema>;

/** The payload for the given nodes: the nodes and every edge between two of them. */
export function makePayload(doc: Topology, ids: Iterable<string>): ClipboardPayload | null {
  const set = new Set(ids);
  const nodes = doc.nodes.filter((n) => set.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => set.has(e.source) && set.has(e.target));
  return { format: CLIPBOARD_FORMAT, nodes, edges };
}

/** Reads clipboard text; null when it is not a valid Loadsketch payload. */
export function parsePayload(text: string | null | undefined): ClipboardPayload | null {
  if (!text || text.length > 20_000_000) return null;
  try {
    const r = PayloadSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Inserts a payload with new ids, shifted by `offset`; returns the new document and the ids of what was pasted. */
export function pastePayload(
  doc: Topology,
  payload: ClipboardPayload,
  offset: { x: number; y: number },
): { doc: Topology; nodeIds: string[]; edgeIds: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  const nodes: TopologyNode[] = payload.nodes.map((n) => {
    const id = uniqueId(n.kind, taken);
    taken.add(id);
    rename.set(n.id, id);
    const pool = n.pool && doc.pools.some((p) => p.id === n.pool) ? n.pool : null;
    return { ...n, id, pool, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const edges: TopologyEdge[] = [];
  for (const e of payload.edges) {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    if (!source || !target) continue;
    const id = uniqueId('e', takenEdges);
    takenEdges.add(id);
    edges.push({ ...e, id, source, target });
  }
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
  };
}
