/**
 * `loadsketch sweep FILE [--from R] [--to R] [--steps N] [--json]`. For a
 * closed workload (`workload.model: "closed"`) the sweep varies the users:
 * --from and --to are then numbers of users.
 */
import { isClosedWorkload } from '../engine/resilience/closedWorkload';
import { sweep as sweepEngine } from '../engine/sweep';
import { parseArgs } from './args';
import { formatSweep } from './format';
import { type Command, EXIT, UsageError } from './io';
import { plainSweep, toJsonText } from './json';
import { loadDocument } from './readDocument';
import { cliDeadline, withOptionErrors } from './run';

export const sweep: Command = async (args, io) => {
  const a = parseArgs(args, { from: 'number', to: 'number', steps: 'number', duration: 'number', seed: 'number', replications: 'number', 'max-seconds': 'number', json: 'boolean' });
  if (a.positional.length !== 1) throw new UsageError('usage: loadsketch sweep FILE [--from R] [--to R] [--steps N] [--json]');
  const doc = await loadDocument(a.positional[0], io);
  if (typeof doc === 'number') return doc;
  const n = a.numbers;
  const deadline = cliDeadline(n['max-seconds']);
  const range = isClosedWorkload(doc) ? { fromUsers: n.from, toUsers: n.to, steps: n.steps } : { fromPerSec: n.from, toPerSec: n.to, steps: n.steps };
  const result = withOptionErrors(() => sweepEngine(doc, range, { durationSec: n.duration, seed: n.seed, replications: n.replications }, deadline));
  io.out(a.booleans.has('json') ? toJsonText(plainSweep(result)) : formatSweep(doc, result));
  const cut = result.points.filter((p) => p.cutShort);
  if (cut.length) io.err(`loadsketch sweep: ${cut.length} of ${result.points.length} points were cut short. ${cut[0].cutShort?.message}\n`);
  return EXIT.ok;
};
