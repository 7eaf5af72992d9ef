/**
 * Scanning one Mermaid flowchart statement: node references with their
 * shapes and labels, and the links between them. A small hand-written
 * subset of the official grammar (the official parser needs a DOM).
 */

/** A node reference in a statement: `id`, its shape opener (or '' for none), its label and `:::class`. */
export interface NodeRef {
  id: string;
  shape: string;
  label: string | null;
  className: string | null;
}

/** A link between two node groups. `arrow`: has an arrow head; `style`: line style. */
export interface LinkRef {
  style: 'normal' | 'dotted' | 'thick' | 'invisible';
  arrow: boolean;
  /** `--o` / `--x` heads and `<-->` both-ways links: drawn, read as a plain call. */
  oddHead: string | null;
  label: string | null;
}

/** A statement `group (link group)*`, each group one or more nodes joined by `&`. */
export interface Chain {
  groups: NodeRef[][];
  links: LinkRef[];
}

const SHAPES: readonly [string, string[]][] = [
  ['(((', [')))']],
  ['([', ['])']],
  ['[[', [']]']],
  ['[(', [')]']],
  ['((', ['))']],
  ['{{', ['}}']],
  ['[/', ['/]', '\\]']],
  ['[\\', ['\\]', '/]']],
  ['>', [']']],
  ['[', [']']],
  ['(', [')']],
  ['{', ['}']],
];

const ID = /^[\p{L}\p{N}_$]+(?:-(?![-.>=])[\p{L}\p{N}_$]+)*/u;

const ENTITIES = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: ' ' } as const;

/** Decodes Mermaid's entity codes (`#quot;`, `#35;`) and line breaks; the result is plain text. */
export function decodeLabel(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/#(\d{1,6}|quot|amp|lt|gt|nbsp);/g, (_, n: string) =>
      /^\d/.test(n) ? String.fromCodePoint(Math.min(Number(n), 0x10ffff)) : ENTITIES[n as keyof typeof ENTITIES],
    )
    .replace(/^`|`$/g, '')
    .trim();
}

class Scanner {
  pos = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }
  rest(): string {
    return this.s.slice(this.pos);
  }
  done(): boolean {
    this.ws();
    return this.pos >= this.s.length;
  }
}

function scanNode(sc: Scanner): NodeRef | null {
  sc.ws();
  const m = ID.exec(sc.rest());
  if (!m) return null;
  sc.pos += m[0].length;
  const node: NodeRef = { id: m[0], shape: '', label: null, className: null };
  const shape = SHAPES.find(([open]) => sc.rest().startsWith(open));
  if (shape) {
    const [open, closers] = shape;
    let body = sc.s.slice(sc.pos + open.length);
    let quoted = false;
    if (body.trimStart().startsWith('"')) {
      const start = body.indexOf('"');
      const end = body.indexOf('"', start + 1);
      if (end < 0) return null;
      node.label = body.slice(start + 1, end);
      body = body.slice(end + 1);
      quoted = true;
    }
    const offsets = closers.map((c) => body.indexOf(c)).filter((i) => i >= 0);
    if (offsets.length === 0) return null;
    const at = Math.min(...offsets);
    if (quoted && body.slice(0, at).trim() !== '') return null;
    if (!quoted) node.label = body.slice(0, at);
    const closer = closers.find((c) => body.startsWith(c, at)) as string;
    sc.pos = sc.s.length - body.length + at + closer.length;
    node.shape = open;
  }
  const cls = /^:::([\w-]+)/.exec(sc.rest());
  if (cls) {
    node.className = cls[1];
    sc.pos += cls[0].length;
  }
  return node;
}

const TEXT_LINKS: readonly [RegExp, LinkRef['style']][] = [
  [/^(<)?--\s+([^-|>][^>]*?)\s+(-{2,}>|-{3,})/, 'normal'],
  [/^(<)?-\.\s+(.+?)\s+(\.-+>|\.-+)/, 'dotted'],
  [/^(<)?==\s+([^=].*?)\s+(={2,}>|={3,})/, 'thick'],
];
const PLAIN_LINK = /^(<)?(-{2,}>|-{3,}|-\.+->|-\.+-|={2,}>|={3,}|~{3,}|--[ox]|==[ox]|-\.+-[ox])(?=[\s\p{L}\p{N}_$|"]|$)/u;

function scanLink(sc: Scanner): LinkRef | null {
  sc.ws();
  const rest = sc.rest();
  for (const [re, style] of TEXT_LINKS) {
    const m = re.exec(rest);
    if (m) {
      sc.pos += m[0].length;
      return { style, arrow: m[3].endsWith('>'), oddHead: m[1] ? '<' : null, label: m[2] };
    }
  }
  const m = PLAIN_LINK.exec(rest);
  if (!m) return null;
  sc.pos += m[0].length;
  const t = m[2];
  const style: LinkRef['style'] = t.startsWith('~') ? 'invisible' : t.includes('.') ? 'dotted' : t.startsWith('=') ? 'thick' : 'normal';
  const head = t[t.length - 1];
  const link: LinkRef = { style, arrow: head === '>', oddHead: m[1] ? '<' : head === 'o' || head === 'x' ? head : null, label: null };
  sc.ws();
  const pipe = /^\|("([^"]*)"|[^|]*)\|/.exec(sc.rest());
  if (pipe) {
    link.label = pipe[2] ?? pipe[1];
    sc.pos += pipe[0].length;
  }
  return link;
}

function scanGroup(sc: Scanner): NodeRef[] | null {
  const group: NodeRef[] = [];
  for (;;) {
    const n = scanNode(sc);
    if (!n) return null;
    group.push(n);
    sc.ws();
    if (!sc.rest().startsWith('&')) return group;
    sc.pos++;
  }
}

/** Scans a node or link statement; null when it is not one. */
export function scanChain(statement: string): Chain | null {
  const sc = new Scanner(statement);
  const first = scanGroup(sc);
  if (!first) return null;
  const chain: Chain = { groups: [first], links: [] };
  while (!sc.done()) {
    const link = scanLink(sc);
    if (!link) return null;
    const g = scanGroup(sc);
    if (!g) return null;
    chain.links.push(link);
    chain.groups.push(g);
  }
  return chain;
}
