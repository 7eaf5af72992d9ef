/**
 * Lesson share links: the lesson file, compressed with lz-string, in the URL
 * fragment (`#lesson=…`) — the same encoding as document share links
 * (app/persist/shareLink.ts), so it never reaches a server either.
 */
import LZString from 'lz-string';
import { type LessonParseResult, parseLessonText } from '../../workers/lessons';
import type { LessonSpec } from '../../workers/lessons/schema';
import { MAX_LINK_CHARS } from '../persist/shareLink';

export const LESSON_PREFIX = '#lesson=';

export function encodeLessonLink(spec: LessonSpec, base: string): { url: string; tooLong: boolean } {
  const url = `${base}${LESSON_PREFIX}${LZString.compressToEncodedURIComponent(JSON.stringify(spec))}`;
  return { url, tooLong: url.length > MAX_LINK_CHARS };
}

/** Reads a URL fragment: null when it holds no lesson, else the parse result. */
export function decodeLessonFragment(hash: string): LessonParseResult | null {
  if (!hash.startsWith(LESSON_PREFIX)) return null;
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(hash.slice(LESSON_PREFIX.length));
  } catch {
    text = null;
  }
  if (!text) return { ok: false, errors: [{ path: '', message: 'The lesson link is damaged: it could not be decompressed (was it cut short?)' }] };
  return parseLessonText(text);
}
