import { readFile, stat } from 'node:fs/promises';
import { MAX_FILE_CHARS, type ParseResult, parseTopology } from '../engine/parse';
import type { Topology } from '../engine/schema';
import { type CliIO, EXIT } from './io';

/** The result of reading a document file: unreadable (I/O, too large, not JSON), or parsed. */
export type ReadResult = { readable: false; message: string } | ({ readable: true } & ParseResult);

function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : 'unknown error';
}

/** Reads and parses a document file (at most 64 MB of JSON); never throws. */
export async function readDocument(file: string): Promise<ReadResult> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { readable: false, message: `cannot read ${file}: it is a directory` };
    if (info.size > MAX_FILE_CHARS) {
      return { readable: false, message: `cannot read ${file}: it is larger than 64 MB (${info.size} bytes)` };
    }
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { readable: false, message: `cannot read ${file}: ${ioReason(err)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { readable: false, message: `cannot read ${file}: not valid JSON (${(err as Error).message.slice(0, 200)})` };
  }
  return { readable: true, ...parseTopology(raw) };
}

/** Reads and validates the document; prints why not to stderr. Returns the document or an exit code. */
export async function loadDocument(file: string, io: CliIO): Promise<Topology | number> {
  const r = await readDocument(file);
  if (!r.readable) {
    io.err(`${r.message}\n`);
    return EXIT.unreadable;
  }
  if (!r.ok) {
    io.err(`${file}: ${r.errors.length} problem${r.errors.length > 1 ? 's' : ''}\n`);
    for (const e of r.errors) io.err(`  ${e.path || '(document)'}: ${e.message}\n`);
    return EXIT.invalid;
  }
  return r.doc;
}
