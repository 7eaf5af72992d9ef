/** A document file's text, as the studio opens it: a report (.html) gives its embedded document, anything else is JSON. */
import { MAX_FILE_CHARS, type ParseResult, parseTopologyText } from '../engine/parse';
import { extractDocumentFromReport, looksLikeHtml } from './extract';

/** Parses the text of a file named `name` (linear time in its length; never throws). */
export function readDocumentText(text: string, name: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) return parseTopologyText(text);
  if (/\.html?$/i.test(name) || looksLikeHtml(text)) return extractDocumentFromReport(text);
  return parseTopologyText(text);
}
