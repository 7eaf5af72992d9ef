/**
 * Share links: the document, compressed with lz-string, in the URL fragment
 * (`#doc=…`), so it never reaches a server. Opening one parses it with the
 * engine's parser; a mangled link yields errors, never a half-read document.
 */
import LZString from 'lz-string';
import { type ParseResult, parseTopologyText } from '../../workers/engine/parse';
import type { Topology } from '../../workers/engine/schema';
import { decompressUriBounded } from './lzBounded';

export const SHARE_PREFIX = '#doc=';
/** Longest link we hand out; longer documents should travel as a file. */
export const MAX_LINK_CHARS = 8000;
/**
 * Most characters a link's document may expand to (4 M: a 2,000-node
 * document is about 1 M). Decompression stops as soon as it passes this, so
 * a decompression bomb costs bounded memory and time.
 */
export const MAX_LINK_DOC_CHARS = 4 * 1024 * 1024;

/** The share link of `doc` under `base` (origin + path), and whether it is too long to share. */
export function encodeShareLink(doc: Topology, base: string): { url: string; tooLong: boolean } {
  const url = `${base}${SHARE_PREFIX}${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
  return { url, tooLong: url.length > MAX_LINK_CHARS };
}

/** Reads a URL fragment: null when it holds no shared document, else the parse result. */
export function decodeShareFragment(hash: string): ParseResult | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const packed = hash.slice(SHARE_PREFIX.length);
  let text: string | null = null;
  try {
    const out = decompressUriBounded(packed, MAX_LINK_DOC_CHARS);
    if (out !== null && typeof out === 'object') {
      return {
        ok: false,
        errors: [{ path: '', message: `The link was refused: its document expands to more than ${MAX_LINK_DOC_CHARS / 1048576} M characters, far more than any Loadsketch document` }],
      };
    }
    text = out;
  } catch {
    text = null;
  }
  if (!text) {
    return { ok: false, errors: [{ path: '', message: 'The link is damaged: its document could not be decompressed (was it cut short?)' }] };
  }
  const r = parseTopologyText(text);
  if (r.ok) return r;
  if (r.errors.length === 1 && r.errors[0].message.startsWith('The file is not valid JSON')) {
    return { ok: false, errors: [{ path: '', message: 'The link is damaged: its document is not valid JSON (was it cut short?)' }] };
  }
  return r;
}
