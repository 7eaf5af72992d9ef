/**
 * Which format a file is, from its content first and its name second.
 */

/** Formats `importText` reads. */
export const IMPORT_FORMATS = ['mermaid', 'drawio', 'otlp', 'jaeger'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Every format a dropped or opened file may be. */
export type DetectedFormat = ImportFormat | 'loadsketch' | 'k6-summary' | 'locust-csv';

/** The format of `text` (named `fileName`), or null when nothing fits. */
export function detectFormat(text: string, fileName = ''): DetectedFormat | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  const name = fileName.toLowerCase();
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/"format"\s*:\s*"loadsketch"/.test(head)) return 'loadsketch';
    if (/"resourceSpans"/.test(head)) return 'otlp';
    if (/"traceID"/.test(head) && /"spans"/.test(text.slice(0, 65536))) return 'jaeger';
    if (/"metrics"/.test(head) && /"http_req(s|_duration)"/.test(text.slice(0, 65536))) return 'k6-summary';
    if (name.endsWith('.json') && /"data"\s*:\s*\[/.test(head)) return 'jaeger';
    return null;
  }
  if (start.startsWith('<')) return /<mxfile|<mxGraphModel/.test(head) ? 'drawio' : null;
  if (/^(?:---[\s\S]*?---\s*)?(?:%%[^\n]*\n\s*)*(graph|flowchart)\b/.test(start)) return 'mermaid';
  if (/^"?Type"?,"?Name"?,"?Request Count"?/.test(start)) return 'locust-csv';
  if (name.endsWith('.mmd') || name.endsWith('.mermaid')) return 'mermaid';
  if (name.endsWith('.drawio')) return 'drawio';
  return null;
}
