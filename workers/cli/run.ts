/** `loadsketch run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--json]`. */
import type { Topology } from '../engine/schema';
import { runPoint } from '../engine/run';
import { parseArgs } from './args';
import { formatRun } from './format';
import { type CliIO, type Command, EXIT, UsageError } from './io';
import { plainRun, toJsonText } from './json';
import { readDocument } from './readDocument';

/** Reads and validates the document; prints problems like `validate` does. Returns the document or an exit code. */
export async function loadForRun(file: string, io: CliIO): Promise<Topology | number> {
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

/** Runs an engine call, turning an out-of-range option (RangeError) into a usage error. */
export function withOptionErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

export const run: Command = async (args, io) => {
  const a = parseArgs(args, { rate: 'number', duration: 'number', seed: 'number', replications: 'number', json: 'boolean' });
  if (a.positional.length !== 1) throw new UsageError('usage: loadsketch run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--json]');
  const doc = await loadForRun(a.positional[0], io);
  if (typeof doc === 'number') return doc;
  const n = a.numbers;
  const result = withOptionErrors(() =>
    runPoint(doc, { ratePerSec: n.rate, durationSec: n.duration, seed: n.seed, replications: n.replications }),
  );
  io.out(a.booleans.has('json') ? toJsonText(plainRun(result)) : formatRun(doc.name, result));
  return EXIT.ok;
};
