import { summarizeTopology } from '../engine/summary';
import { type Command, EXIT, UsageError } from './io';
import { readDocument } from './readDocument';

/** `loadsketch validate FILE`: `ok` and a summary, or every problem with its path. */
export const validate: Command = async (args, io) => {
  if (args.length !== 1) throw new UsageError('usage: loadsketch validate FILE');
  const file = args[0];
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
  io.out(`ok  ${summarizeTopology(r.doc)}\n`);
  return EXIT.ok;
};
