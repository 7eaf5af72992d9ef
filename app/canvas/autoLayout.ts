/**
 * Auto-layout with elkjs (layered, left → right along the request path, the
 * entry in the first layer). Offline nodes get their own band below.
 */
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api';
import type { Topology } from '../../workers/engine/schema';
import type { XY } from '../store/docOps';

const DEFAULT_SIZE = { width: 184, height: 84 };
const BAND_GAP = 120;
let elk: ElkApi | null = null;

async function layoutPart(doc: Topology, ids: Set<string>, sizes: Record<string, { width: number; height: number }>) {
  // elkjs is large: load it on the first layout, not with the studio.
  elk ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: doc.nodes
      .filter((n) => ids.has(n.id))
      .map((n) => ({
        id: n.id,
        ...(sizes[n.id] ?? DEFAULT_SIZE),
        ...(n.id === doc.workload.entry ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } } : {}),
      })),
    edges: doc.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(graph);
  return out.children ?? [];
}

/** New positions for every node of `doc` (sizes: rendered node sizes in px, when known). */
export async function computeLayout(
  doc: Topology,
  sizes: Record<string, { width: number; height: number }> = {},
): Promise<Map<string, XY>> {
  const online = new Set(doc.nodes.filter((n) => n.role !== 'offline').map((n) => n.id));
  const offline = new Set(doc.nodes.filter((n) => n.role === 'offline').map((n) => n.id));
  const positions = new Map<string, XY>();
  let bottom = 0;
  for (const c of await layoutPart(doc, online, sizes)) {
    positions.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
    bottom = Math.max(bottom, (c.y ?? 0) + (c.height ?? 0));
  }
  const top = online.size ? bottom + BAND_GAP : 0;
  for (const c of await layoutPart(doc, offline, sizes)) positions.set(c.id, { x: c.x ?? 0, y: top + (c.y ?? 0) });
  return positions;
}
