/** Reading the document back out of a report file (the studio's import of a .html report). */
import { type ParseResult, parseTopology } from '../engine/parse';

/** The id of the script block that carries the document inside a report. */
export const DOCUMENT_SCRIPT_ID = 'loadsketch-document';

const BLOCK = new RegExp(`<script[^>]*\\bid=["']?${DOCUMENT_SCRIPT_ID}["']?[^>]*>([\\s\\S]*?)</script\\s*>`, 'i');

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
  const m = BLOCK.exec(html);
  if (!m) {
    return { ok: false, errors: [{ path: '', message: 'This HTML file is not a Loadsketch report: it has no embedded document (script id "loadsketch-document").' }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(m[1]);
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `The report's embedded document is not valid JSON (${(err as Error).message.slice(0, 200)})` }] };
  }
  return parseTopology(raw);
}
