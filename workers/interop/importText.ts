/**
 * One entry point for every importer: text in, a validated document (or a
 * clear error) out. Pure: no DOM, runs in a worker, the studio and the CLI.
 */
import type { Topology } from '../engine/schema';
import { type DetectedFormat, detectFormat, type ImportFormat } from './detect';
import { importDrawio } from './drawio/import';
import { IMPORT_LIMITS, ImportError } from './limits';
import { importMermaid } from './mermaid/import';
import type { FitReport } from './traces/fitReport';
import { importTraces } from './traces/import';
import { Warnings } from './warnings';

export interface ImportOptions {
  /** The format; detected from the content (and `fileName`) when left out. */
  from?: ImportFormat;
  fileName?: string;
  /** draw.io: the page to read, by index from 0 (default 0). */
  page?: number;
}

/** A successful import: the document, what was not understood, and for draw.io the pages, for traces the fit report. */
export interface ImportSuccess {
  ok: true;
  format: ImportFormat;
  doc: Topology;
  warnings: string[];
  pages?: string[];
  fit?: FitReport;
}
export type ImportResult = ImportSuccess | { ok: false; format: DetectedFormat | null; error: string };

const NAMES: Record<ImportFormat, string> = { mermaid: 'Mermaid', drawio: 'draw.io', otlp: 'OpenTelemetry (OTLP JSON)', jaeger: 'Jaeger JSON' };

/** A user-facing name of a format. */
export function formatName(f: DetectedFormat): string {
  if (f === 'loadsketch') return 'Loadsketch document';
  if (f === 'k6-summary') return 'k6 summary (calibration data)';
  if (f === 'locust-csv') return 'Locust stats CSV (calibration data)';
  return NAMES[f];
}

/** Imports `text`; never throws. */
export function importText(text: string, opts: ImportOptions = {}): ImportResult {
  const detected = opts.from ?? detectFormat(text, opts.fileName);
  try {
    if (text.length > IMPORT_LIMITS.maxChars) throw new ImportError('the file is larger than 16 MB');
    if (!detected) throw new ImportError('the format was not recognised: expected a Mermaid flowchart, a draw.io file, or OTLP or Jaeger JSON traces');
    if (detected !== 'mermaid' && detected !== 'drawio' && detected !== 'otlp' && detected !== 'jaeger') {
      throw new ImportError(`this is a ${formatName(detected)}, not a diagram or traces to import`);
    }
    const warnings = new Warnings();
    if (detected === 'mermaid') return { ok: true, format: detected, doc: importMermaid(text, warnings), warnings: warnings.done() };
    if (detected === 'drawio') {
      const r = importDrawio(text, opts.page ?? 0, warnings);
      return { ok: true, format: detected, doc: r.doc, pages: r.pages, warnings: warnings.done() };
    }
    const r = importTraces(text, detected, warnings);
    return { ok: true, format: detected, doc: r.doc, fit: r.fit, warnings: warnings.done() };
  } catch (err) {
    const reason = err instanceof ImportError ? err.message : `the importer failed (${(err as Error).message?.slice(0, 200)})`;
    return { ok: false, format: detected, error: detected ? `${formatName(detected)}: ${reason}` : reason };
  }
}
