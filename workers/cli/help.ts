/**
 * What `loadsketch help CMD`, `loadsketch CMD --help` and `loadsketch --help`
 * print: per command, its usage line, what it does, its options and examples.
 * One entry per command; main.ts dispatches by the same names.
 */

export interface CommandHelp {
  usage: string;
  summary: string;
  options: [flag: string, meaning: string][];
  examples: string[];
}

const RUN_OPTS: [string, string][] = [
  ['--duration S', 'simulated seconds per replication (default: the document\'s run.durationSec)'],
  ['--seed N', 'whole number 0 … 4294967295 (default: run.seed)'],
  ['--replications N', '1 … 100 independent replications; 2 or more give 95% confidence intervals'],
];
const DEADLINE_OPT: [string, string] = ['--max-seconds S', 'wall-clock deadline; a run still going then stops and says it was cut short (default 900)'];

export const HELP: Record<string, CommandHelp> = {
  validate: {
    usage: 'loadsketch validate FILE',
    summary: 'Check a document (JSON, or a Loadsketch HTML report). Prints "ok" and a summary, or every problem with its JSON path (exit 1).',
    options: [],
    examples: ['loadsketch validate design.json'],
  },
  run: {
    usage: 'loadsketch run FILE [--rate R] [--duration S] [--seed N] [--replications N] [--json]',
    summary: 'Simulate both designs (as drawn, and the derived monolith) at one load; print both side by side, every node, and the analytic prediction.',
    options: [['--rate R', 'offered load, req/s, steady (default: the document\'s workload and profile)'], ...RUN_OPTS, DEADLINE_OPT, ['--json', 'one JSON document instead of tables (fields: docs/cli.md)']],
    examples: ['loadsketch run design.json --rate 400', 'loadsketch run design.json --rate=400 --replications 5 --json > run.json'],
  },
  sweep: {
    usage: 'loadsketch sweep FILE [--from R] [--to R] [--steps N] [--duration S] [--seed N] [--replications N] [--json]',
    summary: 'Simulate both designs over a range of loads; print one row per load and the verdict at the document\'s SLO.',
    options: [
      ['--from R, --to R', 'range, req/s (default: up to 1.2 × the analytic saturation rate); for a closed workload (workload.model "closed") numbers of users (default: up to 2 × the knee N* or the document\'s users)'],
      ['--steps N', 'number of loads, evenly spaced (default 10)'],
      ...RUN_OPTS,
      DEADLINE_OPT,
      ['--json', 'one JSON document instead of tables'],
    ],
    examples: ['loadsketch sweep design.json', 'loadsketch sweep design.json --from 100 --to 2000 --steps 20 --duration 5'],
  },
  report: {
    usage: 'loadsketch report FILE -o OUT.html [--pdf OUT.pdf] [--steps N] [--duration S] [--seed N] [--replications N]',
    summary: 'Sweep, search each design\'s capacity at the SLO, and write the self-contained HTML report (and a PDF through Chromium).',
    options: [
      ['-o, --out OUT.html', 'where to write the HTML report (required)'],
      ['--pdf OUT.pdf', 'also print it to PDF with Chromium (exit 3 if that fails; the HTML is kept)'],
      ['--steps N', 'sweep loads (default 10)'],
      ...RUN_OPTS,
    ],
    examples: ['loadsketch report design.json -o report.html', 'loadsketch report design.json -o report.html --pdf report.pdf --duration 5'],
  },
  rightsize: {
    usage: 'loadsketch rightsize FILE --rate R [--duration S] [--seed N] [--replications N] [--json]',
    summary: 'Find the cheapest configuration of each design that meets the SLO at R req/s (replicas per node; whole monolith replicas), searched with the analytic model and confirmed by simulation; prints both costs side by side.',
    options: [['--rate R', 'target load, req/s (required)'], ...RUN_OPTS, ['--json', 'one JSON document instead of tables (fields: docs/cli.md)']],
    examples: ['loadsketch rightsize design.json --rate 40', 'loadsketch rightsize design.json --rate 40 --json > sized.json'],
  },
  import: {
    usage: 'loadsketch import FILE [--from mermaid|drawio|otlp|jaeger] [--page N] [-o design.json]',
    summary: 'Turn a Mermaid flowchart, a draw.io diagram or OpenTelemetry/Jaeger traces into a Loadsketch document; warnings and the trace fit report go to stderr (docs/import-export.md).',
    options: [
      ['--from FORMAT', 'mermaid, drawio, otlp or jaeger (default: detected from the content)'],
      ['--page N', 'draw.io: which page (default: the first)'],
      ['-o design.json', 'where to write the document (default: standard output)'],
    ],
    examples: ['loadsketch import architecture.mmd -o design.json', 'loadsketch import traces.json --from otlp -o design.json'],
  },
  export: {
    usage: 'loadsketch export FILE --to k6|mermaid [-o OUT]',
    summary: 'Write a runnable k6 load test (open-model arrival rates up to the knee, thresholds from the SLO) or a Mermaid flowchart of the design.',
    options: [
      ['--to k6|mermaid', 'what to write (required)'],
      ['-o OUT', 'where to write it (default: standard output)'],
    ],
    examples: ['loadsketch export design.json --to k6 -o loadtest.js', 'loadsketch export design.json --to mermaid'],
  },
};

/** Help for one command. */
export function commandHelp(name: string): string {
  const h = HELP[name];
  const width = Math.max(0, ...h.options.map(([f]) => f.length));
  const opts = h.options.length ? `\noptions:\n${h.options.map(([f, m]) => `  ${f.padEnd(width)}  ${m}`).join('\n')}\n` : '';
  return `usage: ${h.usage}\n\n${h.summary}\n${opts}\nexamples:\n${h.examples.map((e) => `  ${e}`).join('\n')}\n`;
}

/** The overview: every command's usage, and how to get more. */
export function overview(version: string): string {
  const lines = Object.entries(HELP).map(([, h]) => `  ${h.usage}`);
  return (
    `loadsketch ${version}: load-test an ML microservice design and its monolith by simulation\n\n` +
    `usage:\n${lines.join('\n')}\n  loadsketch help COMMAND | COMMAND --help\n  loadsketch --version\n\n` +
    'Exit codes: 0 ok, 1 invalid document, 2 unreadable file, 3 report written but no PDF, 64 bad usage. Details: docs/cli.md\n'
  );
}
