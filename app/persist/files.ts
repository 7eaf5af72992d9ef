/** Saving the document as a version-1 JSON file, and opening one. */
import { type ParseResult, parseTopologyText, serializeTopology } from '../../workers/engine/parse';
import type { Topology } from '../../workers/engine/schema';

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
  return parseTopologyText(await file.text());
}
