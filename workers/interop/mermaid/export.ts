/**
 * Loadsketch document → Mermaid flowchart, for a design doc. Every node and
 * edge is written; a node's kind travels as a `:::ls-KIND` class and a call's
 * probability, count and stage in its label, so `importMermaid` reads the
 * same topology back.
 */
import type { NodeKind, Topology, TopologyEdge } from '../../engine/schema';

const SHAPE: Record<NodeKind, [string, string]> = {
  gateway: ['([', '])'],
  service: ['[', ']'],
  'model-server': ['[[', ']]'],
  'feature-store': ['[(', ')]'],
  'vector-index': ['[(', ')]'],
  cache: ['[(', ')]'],
  database: ['[(', ')]'],
  queue: ['>', ']'],
  'stream-processor': ['{{', '}}'],
  offline: ['[/', '/]'],
  'llm-server': ['[[', ']]'],
};

const FILL: Record<NodeKind, string> = {
  gateway: '#e0ecff',
  service: '#eef2f7',
  'model-server': '#f3e8ff',
  'feature-store': '#e6f6ec',
  'vector-index': '#e6f6ec',
  cache: '#fff4d6',
  database: '#e8f0f8',
  queue: '#fde8e8',
  'stream-processor': '#fde8f3',
  offline: '#f1f1f1',
  'llm-server': '#f3e8ff',
};

/** Mermaid's entity codes for the characters that would end a label or a line. */
function escapeLabel(text: string): string {
  return text.replace(/[#%"\n\r;|<>[\]{}()`]/g, (c) => (c === '"' ? '#quot;' : `#${c.codePointAt(0)};`));
}

function edgeLabel(e: TopologyEdge): string {
  const parts: string[] = [];
  if (e.probability !== 1) parts.push(`p=${e.probability}`);
  if (e.count !== 1) parts.push(`×${e.count}`);
  if (e.stage !== null) parts.push(`stage=${e.stage}`);
  return parts.length ? `|"${parts.join(' ')}"|` : '';
}

/** A Mermaid-safe id for each document id (letters, digits and _), unique. */
function mermaidIds(doc: Topology): Map<string, string> {
  const taken = new Set<string>(['end', 'graph', 'subgraph', 'flowchart', 'class', 'classDef', 'style', 'click']);
  const out = new Map<string, string>();
  for (const n of doc.nodes) {
    const base = n.id.replace(/[^A-Za-z0-9_]/g, '_');
    let id = taken.has(base) ? `n_${base}` : base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    out.set(n.id, id);
  }
  return out;
}

/** The document as a Mermaid `flowchart LR`. */
export function exportMermaid(doc: Topology): string {
  const ids = mermaidIds(doc);
  const lines = [
    'flowchart LR',
    `  %% ${doc.name.replace(/[\r\n]+/g, ' ')} (exported by Loadsketch; -.-> is an async call)`,
    `  %% entry: ${ids.get(doc.workload.entry)}`,
  ];
  for (const n of doc.nodes) {
    const [open, close] = SHAPE[n.kind];
    lines.push(`  ${ids.get(n.id)}${open}"${escapeLabel(n.label)}"${close}:::ls-${n.kind}`);
  }
  for (const e of doc.edges) {
    lines.push(`  ${ids.get(e.source)} ${e.mode === 'async' ? '-.->' : '-->'}${edgeLabel(e)} ${ids.get(e.target)}`);
  }
  for (const kind of new Set(doc.nodes.map((n) => n.kind))) lines.push(`  classDef ls-${kind} fill:${FILL[kind]},stroke:#555`);
  return `${lines.join('\n')}\n`;
}
