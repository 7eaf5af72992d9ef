/**
 * Mermaid flowchart → Loadsketch design. Reads `graph`/`flowchart` with a
 * direction, node shapes and labels, `-->` (sync call), `-.->` (async call),
 * `==>` (sync), edge labels and subgraphs. Everything else becomes a warning.
 */
import { NODE_KINDS, type NodeKind, type Topology } from '../../engine/schema';
import { type Draft, type DraftEdge, type DraftNode, draftToDocument } from '../draft';
import { dropCycles } from '../cycles';
import { guessKindFromText } from '../kindGuess';
import { readEdgeLabel } from '../labels';
import { IMPORT_LIMITS, ImportError } from '../limits';
import { excerpt, type Warnings } from '../warnings';
import { decodeLabel, type LinkRef, type NodeRef, scanChain } from './scan';

function splitStatements(line: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ';' && !quoted && !/#\w*$/.test(line.slice(start, i))) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

const KIND_CLASS = /^ls-(.+)$/;
const IGNORED = /^(classDef|class|style|linkStyle|click|direction|accTitle|accDescr)\b/;

/** Reads a Mermaid flowchart into a draft; warnings collect what was not understood. */
export function mermaidToDraft(text: string, warnings: Warnings): Draft {
  if (text.length > IMPORT_LIMITS.maxChars) throw new ImportError('the Mermaid file is larger than 16 MB');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > IMPORT_LIMITS.maxLines) throw new ImportError(`the Mermaid file has more than ${IMPORT_LIMITS.maxLines} lines`);
  const nodes = new Map<string, { label: string | null; shape: string; kind: NodeKind | null }>();
  const edges: DraftEdge[] = [];
  const subgraphs = new Map<string, number>();
  const open: string[] = [];
  let header = false;
  let frontMatter = false;
  let entry: string | undefined;
  const touch = (n: NodeRef): string => {
    const prev = nodes.get(n.id);
    const cls = n.className ? KIND_CLASS.exec(n.className)?.[1] : undefined;
    const kind = cls && (NODE_KINDS as readonly string[]).includes(cls) ? (cls as NodeKind) : null;
    if (!prev && nodes.size >= IMPORT_LIMITS.maxNodes) throw new ImportError(`the diagram has more than ${IMPORT_LIMITS.maxNodes} nodes`);
    nodes.set(n.id, {
      label: n.label !== null ? decodeLabel(n.label) : (prev?.label ?? null),
      shape: n.shape || prev?.shape || '',
      kind: kind ?? prev?.kind ?? null,
    });
    for (const g of open) subgraphs.set(g, (subgraphs.get(g) ?? 0) + (prev ? 0 : 1));
    return n.id;
  };
  const link = (from: string, to: string, l: LinkRef, lineNo: number) => {
    if (l.style === 'invisible') return warnings.add(`line ${lineNo}: invisible link ${from} ~~~ ${to} skipped`);
    if (!l.arrow && !l.oddHead) warnings.add(`line ${lineNo}: link ${from} — ${to} has no arrow; read as a call from ${from} to ${to}`);
    if (l.oddHead) warnings.add(`line ${lineNo}: link head "${l.oddHead}" between ${from} and ${to} read as a plain call from ${from} to ${to}`);
    const e: DraftEdge = { from, to, mode: l.style === 'dotted' ? 'async' : 'sync' };
    if (l.label !== null) {
      const r = readEdgeLabel(decodeLabel(l.label));
      if (r.async) e.mode = 'async';
      if (r.probability !== undefined) e.probability = r.probability;
      if (r.count !== undefined) e.count = r.count;
      if (r.stage !== undefined) e.stage = r.stage;
      if (r.rest) warnings.add(`line ${lineNo}: edge label ${excerpt(r.rest)} on ${from} → ${to} is not a call setting; not kept`);
    }
    edges.push(e);
  };
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (!header && line === '---') frontMatter = !frontMatter;
    const entryNote = /^%%\s*entry:\s*(\S+)$/.exec(line);
    if (entryNote) entry = entryNote[1];
    if (!line || frontMatter || line === '---' || line.startsWith('%%')) return;
    if (!header) {
      const m = /^(graph|flowchart)(?:\s+(TB|TD|BT|RL|LR))?\s*;?\s*(.*)$/i.exec(line);
      if (!m) throw new ImportError(`line ${lineNo}: a Mermaid flowchart starts with "flowchart LR" or "graph TD" (found ${excerpt(line)})`);
      header = true;
      if (m[3]) for (const s of splitStatements(m[3])) statement(s, lineNo);
      return;
    }
    for (const s of splitStatements(line)) statement(s, lineNo);
  });
  function statement(s: string, lineNo: number) {
    const sub = /^subgraph\s+(.*)$/.exec(s);
    if (sub) {
      const m = /^([\p{L}\p{N}_-]+)?\s*(?:\[\s*"?(.*?)"?\s*\])?$/u.exec(sub[1].trim());
      open.push(m?.[2] || m?.[1] || sub[1].trim());
      return;
    }
    if (s === 'end') {
      if (!open.pop()) warnings.add(`line ${lineNo}: "end" without a subgraph`);
      return;
    }
    if (IGNORED.test(s)) {
      if (!/^classDef\s+ls-/.test(s) && !/^direction\b/.test(s)) warnings.add(`line ${lineNo}: styling ${excerpt(s, 40)} ignored`);
      return;
    }
    const chain = scanChain(s);
    if (!chain) return warnings.add(`line ${lineNo}: not understood, skipped: ${excerpt(s)}`);
    const ids = chain.groups.map((g) => g.map(touch));
    chain.links.forEach((l, k) => {
      for (const from of ids[k]) for (const to of ids[k + 1]) link(from, to, l, lineNo);
    });
  }
  if (!header) throw new ImportError('the file is empty: a Mermaid flowchart starts with "flowchart LR" or "graph TD"');
  if (open.length) warnings.add(`subgraph "${open[open.length - 1]}" is not closed with "end"`);
  for (const [name, count] of subgraphs) warnings.add(`subgraph ${excerpt(name)} (${count} nodes): its nodes are imported, the grouping is not kept`);
  const subgraphIds = new Set(subgraphs.keys());
  const draftNodes: DraftNode[] = [...nodes].map(([id, n]) => {
    const label = n.label || id;
    const kind = n.kind ?? guessKindFromText(`${label} ${id}`) ?? (n.shape === '[(' ? 'database' : 'service');
    return { key: id, label, kind };
  });
  for (const id of subgraphIds) if (nodes.has(id)) warnings.add(`"${id}" names both a subgraph and a node; links to it go to the node`);
  if (entry !== undefined && !nodes.has(entry)) {
    warnings.add(`the entry ${excerpt(entry)} named in a comment is not a node; the entry is the first node no call reaches`);
    entry = undefined;
  }
  return { name: 'Imported from Mermaid', nodes: draftNodes, edges: dropCycles(draftNodes, edges, warnings), entry };
}

/** Reads a Mermaid flowchart into a validated design. */
export function importMermaid(text: string, warnings: Warnings): Topology {
  return draftToDocument(mermaidToDraft(text, warnings));
}
