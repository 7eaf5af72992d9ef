/**
 * `loadsketch export FILE --to k6|mermaid [-o OUT]`: writes a k6 load-test
 * script or a Mermaid flowchart of a document (standard output without -o).
 */
import { writeFile } from 'node:fs/promises';
import { exportK6 } from '../interop/k6/export';
import { exportMermaid } from '../interop/mermaid/export';
import { type CliIO, type Command, EXIT, UsageError } from './io';
import { loadDocument } from './readDocument';

const USAGE = 'usage: loadsketch export FILE --to k6|mermaid [-o OUT]';

export interface ExportArgs {
  file: string;
  to: 'k6' | 'mermaid';
  out: string | null;
}

/** Parses the command's arguments; throws UsageError on a mistake. */
export function parseExportArgs(args: string[]): ExportArgs {
  const files: string[] = [];
  let to: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') {
      out = args[++i] ?? '';
      if (!out) throw new UsageError(`-o needs a file name\n${USAGE}`);
    } else if (a === '--to') to = args[++i] ?? '';
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(USAGE);
  if (to !== 'k6' && to !== 'mermaid') throw new UsageError(`--to must be k6 or mermaid (got ${JSON.stringify(to ?? '')})\n${USAGE}`);
  return { file: files[0], to, out };
}

export const exportCommand: Command = async (args: string[], io: CliIO) => {
  const a = parseExportArgs(args);
  const doc = await loadDocument(a.file, io);
  if (typeof doc === 'number') return doc;
  const text = a.to === 'k6' ? exportK6(doc).script : exportMermaid(doc);
  if (a.out) {
    await writeFile(a.out, text);
    io.err(`wrote ${a.out}\n`);
  } else io.out(text);
  return EXIT.ok;
};
