/** Where a command writes, so tests can capture output without spawning a process. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A subcommand: takes its own arguments, returns the process exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** A user mistake on the command line: printed as a message, never a stack trace. */
export class UsageError extends Error {}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, invalid: 1, unreadable: 2, usage: 64 } as const;
