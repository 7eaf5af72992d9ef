/** `loadsketch run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--json]`. */
import { runPoint } from '../engine/run';
import { parseArgs } from './args';
import { formatRun } from './format';
import { type Command, EXIT, UsageError } from './io';
import { plainRun, toJsonText } from './json';
import { loadDocument } from './readDocument';

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
  const doc = await loadDocument(a.positional[0], io);
  if (typeof doc === 'number') return doc;
  const n = a.numbers;
  const result = withOptionErrors(() =>
    runPoint(doc, { ratePerSec: n.rate, durationSec: n.duration, seed: n.seed, replications: n.replications }),
  );
  io.out(a.booleans.has('json') ? toJsonText(plainRun(result)) : formatRun(doc.name, result));
  return EXIT.ok;
};
