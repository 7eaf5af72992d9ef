/**
 * Share links: the document, compressed with lz-string, in the URL fragment
 * (`#doc=…`), so it never reaches a server. Opening one parses it with the
 * engine's parser; a mangled link yields errors, never a half-read document.
 */
import LZString from 'lz-string';
import { type ParseResult, parseTopologyText } from '../../workers/engine/parse';
import type { Topology } from '../../workers/engine/schema';

export const SHARE_PREFIX = '#doc=';
/** Longest link we hand out; longer documents should travel as a file. */
export const MAX_LINK_CHARS = 8000;

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
    text = LZString.decompressFromEncodedURIComponent(packed);
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
