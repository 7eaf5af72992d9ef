/**
 * The `loadsketch` command line: a dispatcher over subcommands, each a thin
 * wrapper over the engine API. Bad input prints a message and exits non-zero.
 * `--version`, `help [COMMAND]` and `COMMAND --help` print without touching a file.
 */
import { commandHelp, HELP, overview } from './help';
import { type CliIO, type Command, EXIT, UsageError } from './io';
import { safeIO } from './sanitize';
import { VERSION } from './version';

// Loaded on demand: `--version` and help start without parsing the engine, zod and the report builder.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate')).validate,
  run: async () => (await import('./run')).run,
  sweep: async () => (await import('./sweep')).sweep,
  report: async () => (await import('./report')).report,
  rightsize: async () => (await import('./rightsize')).rightsize,
  import: async () => (await import('./import')).importCommand,
  export: async () => (await import('./export')).exportCommand,
};

const stdio: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const isHelp = (a: string) => a === '--help' || a === '-h';

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[], rawIO: CliIO = stdio): Promise<number> {
  // Every line passes through here: no raw control character from user text reaches the terminal.
  const io = safeIO(rawIO);
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`loadsketch ${VERSION}\n`);
    return EXIT.ok;
  }
  if (!name || isHelp(name) || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && !HELP[topic]) {
      io.err(`loadsketch help: unknown command "${topic.slice(0, 40)}"\n${overview(VERSION)}`);
      return EXIT.usage;
    }
    io.out(topic ? commandHelp(topic) : overview(VERSION));
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`loadsketch: unknown command "${name.slice(0, 40)}"\n${overview(VERSION)}`);
    return EXIT.usage;
  }
  // `--help` anywhere before a lone `--` asks for help, never for a file named --help.
  const end = rest.indexOf('--');
  if ((end < 0 ? rest : rest.slice(0, end)).some(isHelp)) {
    io.out(commandHelp(name));
    return EXIT.ok;
  }
  try {
    return await (await cmd())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`loadsketch ${name}: ${err.message}\n(loadsketch help ${name} for usage and examples)\n`);
      return EXIT.usage;
    }
    io.err(`loadsketch ${name}: internal error: ${(err as Error).message}\n`);
    return EXIT.unreadable;
  }
}
