/**
 * `loadsketch import FILE [--from mermaid|drawio|otlp|jaeger] [--page N] -o design.json`:
 * reads a diagram or a trace file into a Loadsketch document. Warnings and
 * the trace fit report go to standard error; the document to `-o` (or
 * standard output without it).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { IMPORT_FORMATS, type ImportFormat } from '../interop/detect';
import { importText } from '../interop/importText';
import { IMPORT_LIMITS } from '../interop/limits';
import { formatFitReport } from '../interop/traces/fitReport';
import { type CliIO, type Command, EXIT, UsageError } from './io';

const USAGE = 'usage: loadsketch import FILE [--from mermaid|drawio|otlp|jaeger] [--page N] [-o design.json]';

export interface ImportArgs {
  file: string;
  from: ImportFormat | undefined;
  page: number;
  out: string | null;
}

/** Parses the command's arguments; throws UsageError on a mistake. */
export function parseImportArgs(args: string[]): ImportArgs {
  const files: string[] = [];
  let from: ImportFormat | undefined;
  let page = 1;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') {
      out = args[++i] ?? '';
      if (!out) throw new UsageError(`-o needs a file name\n${USAGE}`);
    } else if (a === '--from') {
      const v = args[++i] ?? '';
      if (!(IMPORT_FORMATS as readonly string[]).includes(v)) throw new UsageError(`--from must be one of ${IMPORT_FORMATS.join(', ')} (got ${JSON.stringify(v)})`);
      from = v as ImportFormat;
    } else if (a === '--page') {
      page = Number(args[++i]);
      if (!Number.isInteger(page) || page < 1) throw new UsageError('--page needs a page number from 1');
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(USAGE);
  return { file: files[0], from, page, out };
}

export const importCommand: Command = async (args: string[], io: CliIO) => {
  const a = parseImportArgs(args);
  let text: string;
  try {
    if ((await stat(a.file)).size > IMPORT_LIMITS.maxChars) {
      io.err(`cannot read ${a.file}: it is larger than 16 MB\n`);
      return EXIT.unreadable;
    }
    text = await readFile(a.file, 'utf8');
  } catch (err) {
    io.err(`cannot read ${a.file}: ${(err as Error).message}\n`);
    return EXIT.unreadable;
  }
  const r = importText(text, { from: a.from, fileName: a.file, page: a.page - 1 });
  if (!r.ok) {
    io.err(`${a.file}: ${r.error}\n`);
    return EXIT.invalid;
  }
  if (r.pages && r.pages.length > 1) io.err(`read page ${a.page} of ${r.pages.length}: ${r.pages.map((p, i) => `${i + 1}. ${p}`).join(', ')}\n`);
  for (const w of r.warnings) io.err(`warning: ${w}\n`);
  if (r.fit) io.err(formatFitReport(r.fit));
  const json = `${JSON.stringify(r.doc, null, 2)}\n`;
  if (a.out) {
    await writeFile(a.out, json);
    io.err(`wrote ${a.out}: ${r.doc.nodes.length} nodes, ${r.doc.edges.length} calls (from ${r.format})\n`);
  } else io.out(json);
  return EXIT.ok;
};
