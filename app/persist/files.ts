/** Saving the document as a version-1 JSON file, and opening one. */
import { type ParseResult, parseTopologyText, serializeTopology } from '../../workers/engine/parse';
import type { Topology } from '../../workers/engine/schema';
import { extractDocumentFromReport, looksLikeHtml } from '../../workers/report/extract';
import type { AppStore } from '../store';

export function fileNameOf(doc: Topology): string {
  const slug = doc.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'topology'}.loadsketch.json`;
}

export function downloadDocument(doc: Topology): void {
  const blob = new Blob([serializeTopology(doc)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameOf(doc);
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export async function readDocumentFile(file: File): Promise<ParseResult> {
  if (file.size > 64 * 1024 * 1024) {
    return { ok: false, errors: [{ path: '', message: `The file is too large (${Math.round(file.size / 1048576)} MB; at most 64 MB)` }] };
  }
  const text = await file.text();
  // A Loadsketch report (.html) carries its document: open that.
  if (/\.html?$/i.test(file.name) || looksLikeHtml(text)) return extractDocumentFromReport(text);
  return parseTopologyText(text);
}

/**
 * Opens document text as a new document; if it is broken, lists the problems
 * in a dialog and leaves the current document untouched. Returns whether it opened.
 */
export function openDocumentResult(store: AppStore, result: ParseResult, source: string): boolean {
  if (result.ok) {
    store.getState().loadDocument(result.doc);
    return true;
  }
  store.getState().openDialog({ kind: 'errors', title: `${source} could not be opened`, errors: result.errors });
  return false;
}
