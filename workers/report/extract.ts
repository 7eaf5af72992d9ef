/** Reading the document back out of a report file (the studio's import of a .html report). */
import { type ParseResult, parseTopology } from '../engine/parse';

/** The id of the script block that carries the document inside a report. */
export const DOCUMENT_SCRIPT_ID = 'loadsketch-document';

const ID_ATTR = new RegExp(`\\bid\\s*=\\s*["']?${DOCUMENT_SCRIPT_ID}(?=["'\\s/>]|$)`);

/**
 * The text of the `<script id="loadsketch-document">` block, or null. One
 * pass of indexOf over the (lower-cased) text: linear time whatever the
 * input (a regular expression over the whole file backtracked
 * quadratically on 512 KB of repeated `<script `).
 */
export function findDocumentBlock(html: string): string | null {
  // ASCII letters only: the same length as `html`, so indices carry over (toLowerCase may change lengths).
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<script', from);
    if (open < 0) return null;
    const close = lower.indexOf('>', open + 7);
    if (close < 0) return null;
    // The tag's attributes are looked at once: the next search starts after this tag.
    if (ID_ATTR.test(lower.slice(open + 7, close))) {
      const end = lower.indexOf('</script', close + 1);
      return end < 0 ? null : html.slice(close + 1, end);
    }
    from = close + 1;
  }
}

/** Whether text looks like a report (or any HTML) rather than the JSON of a document (a topology). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<)/i.test(text);
}

/**
 * Finds the embedded document in a report's HTML and validates it like any
 * document file. Pure; never throws: a report without the block, with
 * broken JSON, or with an invalid document gives errors naming the problem.
 */
export function extractDocumentFromReport(html: string): ParseResult {
  const block = findDocumentBlock(html);
  if (block === null) {
    return { ok: false, errors: [{ path: '', message: 'This HTML file is not a Loadsketch report: it has no embedded document (script id "loadsketch-document").' }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(block);
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `The report's embedded document is not valid JSON (${(err as Error).message.slice(0, 200)})` }] };
  }
  return parseTopology(raw);
}
