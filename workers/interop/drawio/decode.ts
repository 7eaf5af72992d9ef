/**
 * draw.io files: the `<mxfile>` wrapper with one `<diagram>` per page, each
 * holding an `<mxGraphModel>` or its compressed form (raw DEFLATE, then
 * base64, of the URI-encoded XML). fast-xml-parser reads the XML (no DOM;
 * it refuses `__proto__`-like names); fflate inflates, stopped at a size limit.
 */
import { Inflate, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { IMPORT_LIMITS, ImportError } from '../limits';

/** One page: its name, and its graph model as parsed XML (inflated only when asked for). */
export interface DrawioPage {
  name: string;
  load: () => unknown;
}

const ARRAYS = new Set(['diagram', 'mxCell', 'object', 'UserObject']);

function parseXml(xml: string, what: string): unknown {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportError(`${what} declares a DOCTYPE or entities, which draw.io files never do`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    parseAttributeValue: false,
    parseTagValue: false,
    maxNestedTags: IMPORT_LIMITS.maxDepth,
    isArray: (name) => ARRAYS.has(name),
  });
  try {
    return parser.parse(xml);
  } catch (err) {
    throw new ImportError(`${what} is not valid XML (${(err as Error).message.slice(0, 160)})`);
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes of a base64 text; throws ImportError on a character outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean[i]);
    if (v < 0) throw new ImportError('a compressed page is not valid base64');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

/** Inflates raw DEFLATE data, refusing output over IMPORT_LIMITS.maxInflatedBytes. */
export function inflateLimited(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > IMPORT_LIMITS.maxInflatedBytes) throw new ImportError('a compressed page inflates to more than 16 MB');
    chunks.push(chunk);
  });
  try {
    inflate.push(data, true);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`a compressed page could not be inflated (${(err as Error).message})`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The XML of a compressed page: base64 → inflate → URI-decode. */
export function decompressPage(text: string): string {
  const inflated = strFromU8(inflateLimited(base64ToBytes(text)));
  try {
    return decodeURIComponent(inflated);
  } catch {
    throw new ImportError('a compressed page is not URI-encoded XML');
  }
}

function rec(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Every page of a draw.io file (a bare `<mxGraphModel>` is one page). */
export function readPages(xml: string): DrawioPage[] {
  if (xml.length > IMPORT_LIMITS.maxChars) throw new ImportError('the draw.io file is larger than 16 MB');
  const root = rec(parseXml(xml, 'the draw.io file'));
  const bare = root && Object.hasOwn(root, 'mxGraphModel') ? root.mxGraphModel : undefined;
  if (bare !== undefined) return [{ name: 'Page-1', load: () => bare }];
  const file = root && Object.hasOwn(root, 'mxfile') ? rec(root.mxfile) : null;
  if (!file) throw new ImportError('the file has no <mxfile> or <mxGraphModel>: it is not a draw.io diagram');
  const diagrams = Object.hasOwn(file, 'diagram') && Array.isArray(file.diagram) ? file.diagram : [];
  if (diagrams.length === 0) throw new ImportError('the draw.io file has no pages (<diagram>)');
  return diagrams.map((d, i) => {
    const page = rec(d) ?? {};
    const name = typeof page.name === 'string' ? page.name : `Page-${i + 1}`;
    if (Object.hasOwn(page, 'mxGraphModel')) return { name, load: () => page.mxGraphModel };
    const body = typeof page['#text'] === 'string' ? page['#text'].trim() : '';
    const load = () => {
      if (!body) return null;
      const inner = rec(parseXml(decompressPage(body), `page "${name.slice(0, 40)}"`));
      return inner && Object.hasOwn(inner, 'mxGraphModel') ? inner.mxGraphModel : null;
    };
    return { name, load };
  });
}
