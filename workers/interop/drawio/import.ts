/**
 * draw.io → Loadsketch design. Vertices become nodes (positions kept, in
 * page coordinates), edges become calls (dashed = async), edge labels are
 * read like Mermaid's; text, containers and dangling edges become warnings.
 */
import type { Topology } from '../../engine/schema';
import { dropCycles } from '../cycles';
import { type DraftEdge, type DraftNode, draftToDocument } from '../draft';
import { guessKindFromText } from '../kindGuess';
import { htmlToText, readEdgeLabel, xmlDecode } from '../labels';
import { IMPORT_LIMITS, ImportError } from '../limits';
import { own, ownArray, ownString } from '../safeJson';
import { excerpt, type Warnings } from '../warnings';
import { readPages } from './decode';
import { cloudKind, isDecoration, parseStyle, shapeKind } from './shapes';

/** One mxCell with the label and id of its `<object>`/`<UserObject>` wrapper, if any. */
interface Cell {
  id: string;
  label: string;
  style: Map<string, string>;
  vertex: boolean;
  edge: boolean;
  parent: string;
  source: string;
  target: string;
  x: number;
  y: number;
}

function num(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

function toCell(raw: unknown, wrapper: unknown): Cell {
  const geometry = own(raw, 'mxGeometry');
  const style = parseStyle(xmlDecode(ownString(raw, 'style') ?? ''));
  const value = xmlDecode(ownString(wrapper, 'label') ?? ownString(raw, 'value') ?? '');
  const label = style.get('html') === '1' || (wrapper && /<[a-z]/i.test(value)) ? htmlToText(value) : value.replace(/\s+/g, ' ').trim();
  return {
    id: ownString(wrapper, 'id') ?? ownString(raw, 'id') ?? '',
    label,
    style,
    vertex: ownString(raw, 'vertex') === '1',
    edge: ownString(raw, 'edge') === '1',
    parent: ownString(raw, 'parent') ?? '',
    source: ownString(raw, 'source') ?? '',
    target: ownString(raw, 'target') ?? '',
    x: num(own(geometry, 'x')),
    y: num(own(geometry, 'y')),
  };
}

function readCells(model: unknown): Cell[] {
  const root = own(model, 'root');
  const cells = ownArray(root, 'mxCell').map((c) => toCell(c, null));
  for (const key of ['object', 'UserObject']) {
    for (const w of ownArray(root, key)) for (const c of ownArray(w, 'mxCell')) cells.push(toCell(c, w));
  }
  if (cells.length > IMPORT_LIMITS.maxEdges * 2) throw new ImportError(`the page has ${cells.length} cells; at most ${IMPORT_LIMITS.maxEdges * 2} can be read`);
  return cells;
}

/** The chosen page of a draw.io file as a document, and every page's name. */
export function importDrawio(xml: string, page: number, warnings: Warnings): { doc: Topology; pages: string[] } {
  const pages = readPages(xml);
  const names = pages.map((p) => p.name);
  if (!Number.isInteger(page) || page < 0 || page >= pages.length) {
    throw new ImportError(`page ${page + 1} does not exist; the file has ${pages.length} page(s): ${names.map((n) => excerpt(n, 30)).join(', ')}`);
  }
  const model = pages[page].load();
  if (!model) throw new ImportError(`page ${excerpt(names[page], 30)} is empty`);
  const cells = readCells(model);
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hasChildVertex = new Set(cells.filter((c) => c.vertex).map((c) => c.parent));
  const absolute = (c: Cell): { x: number; y: number } => {
    let x = c.x;
    let y = c.y;
    const seen = new Set<string>([c.id]);
    for (let p = byId.get(c.parent); p?.vertex && !seen.has(p.id); p = byId.get(p.parent)) {
      seen.add(p.id);
      x += p.x;
      y += p.y;
    }
    return { x, y };
  };
  const nodes: DraftNode[] = [];
  const nodeIds = new Set<string>();
  const connected = new Set(cells.filter((c) => c.edge).flatMap((c) => [c.source, c.target]));
  for (const c of cells) {
    if (!c.vertex) continue;
    const deco = isDecoration(c.style);
    if (deco === 'text' || byId.get(c.parent)?.edge) continue;
    if (deco === 'container' || (hasChildVertex.has(c.id) && !connected.has(c.id))) {
      warnings.add(`group ${excerpt(c.label || c.id, 40)}: its shapes are imported, the grouping is not kept`);
      continue;
    }
    const styleKind = cloudKind(c.style);
    if (!c.label && !styleKind && !connected.has(c.id)) {
      warnings.add(`shape ${excerpt(c.id, 30)} has no label, no known icon and no connections; skipped`);
      continue;
    }
    const label = c.label || c.id;
    nodes.push({ key: c.id, label, kind: styleKind ?? guessKindFromText(label) ?? shapeKind(c.style) ?? 'service', position: absolute(c) });
    nodeIds.add(c.id);
  }
  for (const c of cells) {
    if (c.vertex && isDecoration(c.style) === 'text' && !byId.get(c.parent)?.edge && c.label) warnings.add(`text ${excerpt(c.label, 40)} is not a shape; skipped`);
  }
  const edges: DraftEdge[] = [];
  for (const c of cells) {
    if (!c.edge) continue;
    if (!nodeIds.has(c.source) || !nodeIds.has(c.target)) {
      warnings.add(`connector ${excerpt(c.label || c.id, 40)} is not attached to two imported shapes at both ends; skipped`);
      continue;
    }
    const e: DraftEdge = { from: c.source, to: c.target, mode: c.style.get('dashed') === '1' ? 'async' : 'sync' };
    const labels = [c.label, ...cells.filter((l) => l.parent === c.id && l.label).map((l) => l.label)].filter(Boolean);
    for (const text of labels) {
      const r = readEdgeLabel(text);
      if (r.async) e.mode = 'async';
      if (r.probability !== undefined) e.probability = r.probability;
      if (r.count !== undefined) e.count = r.count;
      if (r.stage !== undefined) e.stage = r.stage;
      if (r.rest) warnings.add(`label ${excerpt(r.rest, 40)} on a connector is not a call setting; not kept`);
    }
    edges.push(e);
  }
  const doc = draftToDocument({ name: names[page] || 'Imported from draw.io', nodes, edges: dropCycles(nodes, edges, warnings) });
  return { doc, pages: names };
}
