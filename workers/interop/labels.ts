/** What a call's label may say, shared by the Mermaid and draw.io importers. */

/** Reads `async`, a probability (`30%`, `p=0.3`), a count (`×3`, `x3`) and a stage (`stage=1`) out of a label; `rest` is what is left. */
export function readEdgeLabel(label: string): { async: boolean; probability?: number; count?: number; stage?: number; rest: string } {
  let rest = label;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.replace(m[0], ' ');
    return m;
  };
  const async = take(/\basync\b/i) !== null;
  const pct = take(/(\d+(?:\.\d+)?)\s*%/);
  const p = pct ? undefined : take(/\bp\s*=\s*(\d*\.?\d+)/i);
  const probability = pct ? Number(pct[1]) / 100 : p ? Number(p[1]) : undefined;
  const c = take(/(?:^|\s)[x×]\s*(\d+)\b/i);
  const s = take(/\bstage\s*=\s*(\d+)\b/i);
  return {
    async,
    ...(probability !== undefined && probability <= 1 ? { probability } : {}),
    ...(c ? { count: Number(c[1]) } : {}),
    ...(s ? { stage: Number(s[1]) } : {}),
    rest: rest.replace(/\s+/g, ' ').trim(),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes XML character references and the five XML entities once (the parser leaves them, so no entity can expand). */
export function xmlDecode(text: string): string {
  return decodeEntities(text, XML_ENTITIES);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, named: Record<string, string>): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return Object.hasOwn(named, e.toLowerCase()) ? named[e.toLowerCase()] : m;
  });
}

/** Plain text of an HTML label (draw.io's `html=1` values): tags dropped, entities decoded once. The result is text, never markup. */
export function htmlToText(html: string): string {
  const text = html.replace(/<br\s*\/?>|<\/(div|p|li)>/gi, ' ').replace(/<[^>]*>/g, '');
  return decodeEntities(text, ENTITIES).replace(/\s+/g, ' ').trim();
}
