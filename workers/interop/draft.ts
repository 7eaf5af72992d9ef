/**
 * The shape every importer produces before it becomes a document: nodes by
 * the importer's own key, calls between keys. `draftToDocument` gives each
 * node a safe id, lays out nodes without positions, picks the entry and runs
 * the result through `parseTopology`, so an import can never hold anything
 * a hand-written document could not.
 */
import { parseTopology } from '../engine/parse';
import type { NodeKind, ServiceTime, Topology, TopologySpec } from '../engine/schema';
import { LIMITS } from '../engine/limits';
import { IMPORT_LIMITS, ImportError } from './limits';

/** A node as an importer found it. */
export interface DraftNode {
  key: string;
  label: string;
  kind: NodeKind;
  position?: { x: number; y: number };
  serviceTime?: ServiceTime;
  /** Caches only: share answered without calling downstream (default: the kind's). */
  hitRatio?: number;
}

/** A call as an importer found it. */
export interface DraftEdge {
  from: string;
  to: string;
  mode: 'sync' | 'async';
  probability?: number;
  count?: number;
  networkMs?: number;
  stage?: number | null;
}

export interface Draft {
  name: string;
  description?: string;
  nodes: DraftNode[];
  edges: DraftEdge[];
  /** Key of the entry node; default: the first node no sync call reaches. */
  entry?: string;
  ratePerSec?: number;
}

const COLUMN_PX = 260;
const ROW_PX = 130;

/** A document id from any text: allowed characters only, at most 64 long, unique among `taken`. */
export function safeId(text: string, taken: Set<string>): string {
  const base = text.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, LIMITS.idChars - 4) || 'node';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** Columns by call depth from the entry, rows in order: the positions of nodes that have none. */
function layeredPositions(keys: string[], edges: DraftEdge[], entry: string): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>([[entry, 0]]);
  const queue = [entry];
  for (let i = 0; i < queue.length; i++) {
    for (const e of edges) {
      if (e.from === queue[i] && !depth.has(e.to)) {
        depth.set(e.to, (depth.get(queue[i]) ?? 0) + 1);
        queue.push(e.to);
      }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const k of keys) {
    const d = depth.get(k) ?? maxDepth + 1;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    out.set(k, { x: d * COLUMN_PX, y: row * ROW_PX });
  }
  return out;
}

function clampCoordinate(v: number): number {
  return Math.max(-LIMITS.maxCoordinate, Math.min(LIMITS.maxCoordinate, Math.round(v)));
}

/** The entry: the first node that is not offline and that no sync call reaches (else the first node that is not offline). */
export function pickEntry(draft: Draft): string {
  const reached = new Set(draft.edges.filter((e) => e.mode === 'sync').map((e) => e.to));
  const online = draft.nodes.filter((n) => n.kind !== 'offline');
  const pick = online.find((n) => !reached.has(n.key)) ?? online[0];
  if (!pick) throw new ImportError('every node is offline (training, batch, ETL): there is no node to send traffic to');
  return pick.key;
}

/** Turns a draft into a validated document; throws ImportError naming what is wrong. */
export function draftToDocument(draft: Draft): Topology {
  if (draft.nodes.length === 0) throw new ImportError('the file has no nodes to import');
  if (draft.nodes.length > IMPORT_LIMITS.maxNodes) throw new ImportError(`the file has ${draft.nodes.length} nodes; at most ${IMPORT_LIMITS.maxNodes} can be imported`);
  if (draft.edges.length > IMPORT_LIMITS.maxEdges) throw new ImportError(`the file has ${draft.edges.length} connections; at most ${IMPORT_LIMITS.maxEdges} can be imported`);
  const entryKey = draft.entry ?? pickEntry(draft);
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const n of draft.nodes) ids.set(n.key, safeId(n.key, taken));
  const layout = draft.nodes.some((n) => !n.position) ? layeredPositions(draft.nodes.map((n) => n.key), draft.edges, entryKey) : null;
  const spec: TopologySpec = {
    format: 'loadsketch',
    version: 2,
    name: draft.name.slice(0, LIMITS.nameChars) || 'Imported design',
    description: (draft.description ?? '').slice(0, LIMITS.descriptionChars),
    nodes: draft.nodes.map((n) => {
      const p = n.position ?? layout?.get(n.key) ?? { x: 0, y: 0 };
      return {
        id: ids.get(n.key) as string,
        kind: n.kind,
        label: n.label.slice(0, LIMITS.labelChars),
        position: { x: clampCoordinate(p.x), y: clampCoordinate(p.y) },
        ...(n.serviceTime ? { serviceTime: n.serviceTime } : {}),
        ...(n.hitRatio !== undefined ? { hitRatio: n.hitRatio } : {}),
      };
    }),
    edges: draft.edges.map((e, i) => ({
      id: `e${i + 1}`,
      source: ids.get(e.from) as string,
      target: ids.get(e.to) as string,
      mode: e.mode,
      ...(e.probability !== undefined ? { probability: e.probability } : {}),
      ...(e.count !== undefined ? { count: e.count } : {}),
      ...(e.networkMs !== undefined ? { networkMs: e.networkMs } : {}),
      ...(e.stage !== undefined ? { stage: e.stage } : {}),
    })),
    workload: { entry: ids.get(entryKey) as string, ...(draft.ratePerSec ? { ratePerSec: draft.ratePerSec } : {}) },
  };
  const parsed = parseTopology(spec);
  if (!parsed.ok) {
    const first = parsed.errors.slice(0, 5).map((e) => `${e.path || '(document)'}: ${e.message}`);
    throw new ImportError(`the imported design is not a valid document: ${first.join('; ')}`);
  }
  return parsed.doc;
}
