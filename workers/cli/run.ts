/** `loadsketch run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--max-seconds S] [--json]`. */
import { runPoint } from '../engine/run';
import { parseArgs } from './args';
import { formatRun } from './format';
import { type Command, EXIT, UsageError } from './io';
import { plainRun, toJsonText } from './json';
import { loadDocument } from './readDocument';

/** Default wall-clock deadline of one CLI command, seconds (`--max-seconds` changes it). */
export const CLI_DEADLINE_SEC = 900;

/**
 * The engine's deadline callback for `--max-seconds` (default CLI_DEADLINE_SEC):
 * the engine asks it every 65,536 events and never reads a clock itself.
 */
export function cliDeadline(maxSeconds: number | undefined): { expired: () => boolean } {
  const sec = maxSeconds ?? CLI_DEADLINE_SEC;
  if (!(sec > 0 && sec <= 7 * 86_400)) throw new UsageError(`--max-seconds must be greater than 0 and at most 604800 (got ${sec})`);
  const at = Date.now() + sec * 1000;
  return { expired: () => Date.now() > at };
}

/** Runs of at least this much simulated time print their progress on stderr (a day of traffic takes minutes). */
export const PROGRESS_MIN_SEC = 3600;

/**
 * A deadline that also reports progress on `io.err` for long runs: a line at
 * every tenth of each replication's simulated time ("loadsketch run: 40% of
 * 86400 s simulated"; each design's replication counts from 0 again), asked
 * at the engine's budget checks.
 */
export function withProgress(deadline: { expired: () => boolean }, io: { err(text: string): void }, command: string): { expired: () => boolean; progress: (simulatedMs: number, durationMs: number) => void } {
  let shown = 0;
  return {
    expired: deadline.expired,
    progress: (simulatedMs, durationMs) => {
      if (durationMs < PROGRESS_MIN_SEC * 1000) return;
      const tenth = Math.floor((10 * simulatedMs) / durationMs);
      if (tenth > shown) io.err(`loadsketch ${command}: ${tenth * 10}% of ${durationMs / 1000} s simulated\n`);
      shown = tenth; // back to 0 when the next replication (or the other design) starts
    },
  };
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
  const a = parseArgs(args, { rate: 'number', duration: 'number', seed: 'number', replications: 'number', 'max-seconds': 'number', json: 'boolean' });
  if (a.positional.length !== 1) throw new UsageError('usage: loadsketch run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--max-seconds S] [--json]');
  const doc = await loadDocument(a.positional[0], io);
  if (typeof doc === 'number') return doc;
  const n = a.numbers;
  const deadline = withProgress(cliDeadline(n['max-seconds']), io, 'run');
  const result = withOptionErrors(() =>
    runPoint(doc, { ratePerSec: n.rate, durationSec: n.duration, seed: n.seed, replications: n.replications }, deadline),
  );
  io.out(a.booleans.has('json') ? toJsonText(plainRun(result)) : formatRun(doc.name, result));
  if (result.cutShort) io.err(`loadsketch run: ${result.cutShort.message}\n`);
  return EXIT.ok;
};
