import { summarizeTopology } from '../engine/summary';
import { type Command, EXIT, UsageError } from './io';
import { loadDocument } from './readDocument';

/** `loadsketch validate FILE`: `ok` and a summary, or every problem with its path. */
export const validate: Command = async (args, io) => {
  if (args.length !== 1) throw new UsageError('usage: loadsketch validate FILE');
  const doc = await loadDocument(args[0], io);
  if (typeof doc === 'number') return doc;
  io.out(`ok  ${summarizeTopology(doc)}\n`);
  return EXIT.ok;
};
