/** Saving the document as a version-1 JSON file, and opening one. */
import { type ParseResult, serializeTopology } from '../../workers/engine/parse';
import type { Topology } from '../../workers/engine/schema';
import { checkWorker } from '../worker/engineClient';
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
  // Read and parsed in the checking worker: a hostile file cannot block the page (a report's
  // embedded document is found in linear time; see workers/report/readDocumentText.ts).
  return checkWorker().readDocumentFile(file, file.name);
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
