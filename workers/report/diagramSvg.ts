/**
 * The design as an inline SVG drawing, a pure function of the document:
 * nodes at their canvas positions with kind, label and key numbers; calls as
 * arrows (async dashed, to or from offline boxes dotted). Optionally each
 * node shows its simulated utilisation at one load.
 */
import type { Topology, TopologyEdge } from '../engine/schema';
import { describeKind, describeServers, meanServiceMs } from './describe';
import { clip, esc } from './escape';
import { fmtMs, fmtPct } from './format';

/** Node box size in the drawing (the canvas node is 184 px wide). */
export const NODE_W = 184;
export const NODE_H = 78;

const ROLE_COLOR = { service: '#2563eb', infra: '#0f766e', offline: '#6b7280' } as const;
const ROLE_FILL = { service: '#eef4ff', infra: '#ecfdf7', offline: '#f6f7f8' } as const;

export interface DiagramOptions {
  /** Utilisation (0–1+) per node id at a chosen load, drawn as a bar in each node. */
  utilization?: ReadonlyMap<string, number>;
  /** Id of the bottleneck node, outlined in red. */
  bottleneck?: string | null;
  title?: string;
}

function edgePath(e: TopologyEdge, pos: Map<string, { x: number; y: number }>): string | null {
  const a = pos.get(e.source);
  const b = pos.get(e.target);
  if (!a || !b) return null;
  const sx = a.x + NODE_W;
  const sy = a.y + NODE_H / 2;
  const tx = b.x;
  const ty = b.y + NODE_H / 2;
  const dx = Math.max(40, Math.abs(tx - sx) / 2);
  return `M${sx} ${sy} C${sx + dx} ${sy} ${tx - dx} ${ty} ${tx - 2} ${ty}`;
}

/** Renders the document as a standalone `<svg>` string (every user string escaped). */
export function diagramSvg(doc: Topology, opts: DiagramOptions = {}): string {
  const pad = 24;
  const title = opts.title ?? doc.name;
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const x0 = (xs.length ? Math.min(...xs) : 0) - pad - 40;
  const y0 = (ys.length ? Math.min(...ys) : 0) - pad - 24;
  const x1 = (xs.length ? Math.max(...xs) : 0) + NODE_W + pad + 40;
  const y1 = (ys.length ? Math.max(...ys) : 0) + NODE_H + pad;
  const W = x1 - x0;
  const H = y1 - y0;
  const pos = new Map(doc.nodes.map((n) => [n.id, n.position]));
  const role = new Map(doc.nodes.map((n) => [n.id, n.role]));
  const edges = doc.edges
    .map((e) => {
      const d = edgePath(e, pos);
      if (!d) return '';
      const offline = role.get(e.source) === 'offline' || role.get(e.target) === 'offline';
      const dash = offline ? ' stroke-dasharray="2 4"' : e.mode === 'async' ? ' stroke-dasharray="7 5"' : '';
      const tip = `${e.id}: ${e.source} → ${e.target} (${e.mode}${e.probability !== 1 ? `, p ${e.probability}` : ''}${e.count !== 1 ? `, ×${e.count}` : ''})`;
      return `<path d="${d}" class="edge${offline ? ' off' : ''}"${dash} marker-end="url(#ls-arrow)"><title>${esc(tip)}</title></path>`;
    })
    .join('');
  const nodes = doc.nodes
    .map((n) => {
      const { x, y } = n.position;
      const offline = n.role === 'offline';
      const isBottleneck = opts.bottleneck === n.id;
      const stroke = isBottleneck ? '#b42318' : ROLE_COLOR[n.role];
      const work = n.kind === 'llm-server' ? `≤${n.llm?.maxNumSeqs ?? '?'} seqs${n.llm && n.llm.mode !== 'both' ? ` · ${n.llm.mode}` : ''}` : fmtMs(meanServiceMs(n.serviceTime));
      const stats = offline ? 'offline · no traffic' : `${describeServers(n)} · ${work}${n.hitRatio !== null ? ` · hit ${fmtPct(n.hitRatio)}` : ''}`;
      const u = opts.utilization?.get(n.id);
      const util =
        u === undefined || offline
          ? ''
          : `<rect x="${x + 10}" y="${y + NODE_H - 14}" width="${NODE_W - 70}" height="6" rx="3" fill="#e5e7eb"/>` +
            `<rect x="${x + 10}" y="${y + NODE_H - 14}" width="${Math.max(1, (NODE_W - 70) * Math.min(1, u))}" height="6" rx="3" fill="${u >= 0.85 ? '#b42318' : u >= 0.6 ? '#d97706' : '#16a34a'}"/>` +
            `<text x="${x + NODE_W - 10}" y="${y + NODE_H - 8}" class="ns" text-anchor="end">ρ ${esc(fmtPct(u))}</text>`;
      const entry = doc.workload.entry === n.id ? `<text x="${x + NODE_W - 8}" y="${y - 5}" class="ent" text-anchor="end">ENTRY</text>` : '';
      return (
        `<g class="node" data-id="${esc(n.id)}"><title>${esc(`${n.label} (${n.id})`)}</title>` +
        `<rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="9" fill="${ROLE_FILL[n.role]}" stroke="${stroke}" stroke-width="${isBottleneck ? 3 : 1.5}"${offline ? ' stroke-dasharray="5 4"' : ''}/>` +
        `<text x="${x + 10}" y="${y + 19}" class="nl">${esc(clip(n.label, 24))}</text>` +
        `<text x="${x + 10}" y="${y + 35}" class="nk">${esc(describeKind(n))}</text>` +
        `<text x="${x + 10}" y="${y + 52}" class="ns">${esc(stats)}</text>` +
        util +
        entry +
        '</g>'
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" viewBox="${x0} ${y0} ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Diagram: ${title}`)}">` +
    `<title>${esc(`Diagram: ${title}`)}</title>` +
    '<style>.edge{fill:none;stroke:#64748b;stroke-width:1.6}.edge.off{stroke:#9ca3af}.nl{font:600 13px system-ui,sans-serif;fill:#111}' +
    '.nk{font:11px system-ui,sans-serif;fill:#555}.ns{font:11px system-ui,sans-serif;fill:#222}.ent{font:700 9px system-ui,sans-serif;fill:#2563eb}</style>' +
    `<rect x="${x0}" y="${y0}" width="${W}" height="${H}" fill="#fff"/>` +
    '<defs><marker id="ls-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>' +
    edges +
    nodes +
    '</svg>'
  );
}
