import { readFile } from 'node:fs/promises';
import { type ParseResult, parseTopologyText } from '../engine/parse';

/** The result of reading a document file: unreadable (I/O or not JSON), or parsed. */
export type ReadResult = { readable: false; message: string } | ({ readable: true } & ParseResult);

/** Reads and parses a document file; never throws. */
export async function readDocument(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    return { readable: false, message: `cannot read ${file}: ${why}` };
  }
  const parsed = parseTopologyText(text);
  if (!parsed.ok && parsed.errors.length === 1 && parsed.errors[0].path === '' && /not valid JSON|too large/.test(parsed.errors[0].message)) {
    return { readable: false, message: `cannot read ${file}: ${parsed.errors[0].message}` };
  }
  return { readable: true, ...parsed };
}
