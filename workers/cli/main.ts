/**
 * The `loadsketch` command line: a dispatcher over subcommands, each a thin
 * wrapper over the engine API. Bad input prints a message and exits non-zero.
 */
import { type CliIO, type Command, EXIT, UsageError } from './io';
import { run } from './run';
import { sweep } from './sweep';
import { report } from './report';
import { safeIO } from './sanitize';
import { rightsize } from './rightsize';
import { validate } from './validate';
import { importCommand } from './import';
import { exportCommand } from './export';

const COMMANDS: Record<string, { run: Command; help: string }> = {
  validate: { run: validate, help: 'validate FILE          check a document; print ok and a summary, or every problem' },
  report: { run: report, help: 'report FILE -o OUT.html [--pdf OUT.pdf] [--steps N] [--duration S] [--seed N] [--replications N]   sweep, capacity at SLO, HTML/PDF report' },
  run: { run, help: 'run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--json]\n                         simulate both designs at one load' },
  import: { run: importCommand, help: 'import FILE [--from mermaid|drawio|otlp|jaeger] [--page N] [-o design.json]   diagram or traces → document' },
  export: { run: exportCommand, help: 'export FILE --to k6|mermaid [-o OUT]   k6 load test or Mermaid flowchart of a document' },
  rightsize: { run: rightsize, help: 'rightsize FILE --rate R [--duration S] [--seed N] [--replications N] [--json]\n                         cheapest configuration of each design meeting the SLO at R req/s' },
  sweep: { run: sweep, help: 'sweep FILE [--from R] [--to R] [--steps N] [--duration S] [--seed N] [--replications N] [--json]\n                         simulate both designs over a range of loads' },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  loadsketch ${c.help}`);
  return `usage:\n${lines.join('\n')}\n`;
}

const stdio: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[], rawIO: CliIO = stdio): Promise<number> {
  // Every line passes through here: no raw control character from user text reaches the terminal.
  const io = safeIO(rawIO);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`loadsketch: unknown command "${name}"\n${usage()}`);
    return EXIT.usage;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`loadsketch ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    io.err(`loadsketch ${name}: internal error: ${(err as Error).message}\n`);
    return EXIT.unreadable;
  }
}
