/** Flag parsing for the `run` and `sweep` subcommands: strict, with messages that name the flag. */
import { UsageError } from './io';

/** What a flag takes: a number (`--rate 200`, `--rate=200`) or nothing (`--json`). */
export type FlagKind = 'number' | 'boolean';

/** Parsed arguments: the positional ones and the flags by name (without dashes). */
export interface ParsedArgs {
  positional: string[];
  numbers: Record<string, number>;
  booleans: Set<string>;
}

/** Parses `args` against the allowed flags; throws UsageError on an unknown flag, a missing value or a non-number. */
export function parseArgs(args: readonly string[], flags: Record<string, FlagKind>): ParsedArgs {
  const out: ParsedArgs = { positional: [], numbers: {}, booleans: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = flags[name];
    if (!kind) {
      const known = Object.keys(flags).map((f) => `--${f}`).join(', ');
      throw new UsageError(`unknown option --${name.slice(0, 40)} (known: ${known})`);
    }
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.booleans.add(name);
      continue;
    }
    const text = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (text === undefined || text === '') throw new UsageError(`--${name} needs a number`);
    const value = Number(text);
    if (!Number.isFinite(value) || text.trim() === '') throw new UsageError(`--${name} must be a number (got "${text.slice(0, 40)}")`);
    out.numbers[name] = value;
  }
  return out;
}
