/**
 * `loadsketch report FILE -o report.html [--pdf report.pdf] [--steps N]
 * [--duration S] [--seed N] [--replications N]`: runs the load sweep and
 * the capacity-at-SLO search in process, writes the self-contained HTML
 * report, and optionally renders it to PDF in Chromium.
 */
import { writeFile } from 'node:fs/promises';
import { findCapacity } from '../engine/capacity';
import type { RunOptions, RunResult } from '../engine/results';
import { resolveRun, runPoint } from '../engine/run';
import { cliDeadline } from './run';
import type { Topology } from '../engine/schema';
import { sweepRates, sweepUsers } from '../engine/sweep';
import { isClosedWorkload } from '../engine/resilience/closedWorkload';
import { fmtUsers } from '../report/closedText';
import { buildReportHtml } from '../report/buildReport';
import { fmtRate } from '../report/format';
import type { ReportInput } from '../report/model';
import { type CliIO, type Command, EXIT, UsageError } from './io';
import { PdfError, renderPdf } from './pdf';
import { loadDocument } from './readDocument';

/** Exit code when the HTML was written but the PDF could not be made. */
export const EXIT_PDF_FAILED = 3;

const USAGE = 'usage: loadsketch report FILE -o report.html [--pdf report.pdf] [--steps N] [--duration S] [--seed N] [--replications N]';

export interface ReportArgs {
  file: string;
  out: string;
  pdf: string | null;
  steps: number;
  run: RunOptions;
}

function number(flag: string, v: string | undefined, integer: boolean): number {
  const x = v === undefined ? Number.NaN : Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(x) || (integer && !Number.isInteger(x))) {
    throw new UsageError(`${flag} needs a ${integer ? 'whole ' : ''}number (got ${v === undefined ? 'nothing' : JSON.stringify(v)})\n${USAGE}`);
  }
  return x;
}

/** Parses the command's arguments; throws UsageError on a mistake. */
export function parseReportArgs(args: string[]): ReportArgs {
  const files: string[] = [];
  let out: string | null = null;
  let pdf: string | null = null;
  let steps = 10;
  const run: RunOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    if (a === '-o' || a === '--out') out = next() ?? null;
    else if (a === '--pdf') pdf = next() ?? null;
    else if (a === '--steps') steps = number(a, next(), true);
    else if (a === '--duration') run.durationSec = number(a, next(), false);
    else if (a === '--seed') run.seed = number(a, next(), true);
    else if (a === '--replications') run.replications = number(a, next(), true);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(USAGE);
  if (!out) throw new UsageError(`-o report.html is required\n${USAGE}`);
  if (pdf === null && args.includes('--pdf')) throw new UsageError(`--pdf needs a file name\n${USAGE}`);
  if (!(steps >= 1 && steps <= 200)) throw new UsageError(`--steps must be from 1 to 200 (got ${steps})`);
  if (run.durationSec !== undefined && run.warmupSec === undefined) run.warmupSec = run.durationSec / 10;
  return { file: files[0], out, pdf, steps, run };
}

/** Runs the sweep and the capacity search in process, with progress lines on `io.err`; returns the report's input. */
export async function runReport(doc: Topology, a: ReportArgs, io: CliIO, generatedAt?: string): Promise<ReportInput> {
  const resolved = resolveRun(doc, a.run);
  const deadline = cliDeadline(undefined);
  if (isClosedWorkload(doc)) {
    // A closed workload: the sweep varies the users; no capacity search over a rate its users ignore.
    const points = sweepUsers(doc, { steps: a.steps }).map((users, i, all) => {
      const r = runPoint(doc, { ...a.run, users }, deadline);
      io.err(`sweep ${i + 1}/${all.length}: ${fmtUsers(users)}\n`);
      if (r.cutShort) io.err(`${fmtUsers(users)}: ${r.cutShort.message}\n`);
      return r;
    });
    const settings = { durationSec: resolved.durationSec, warmupSec: resolved.warmupSec, seed: resolved.seed, replications: resolved.replications, steps: a.steps };
    return { doc, sweep: { points }, capacity: null, settings, generatedBy: 'the Loadsketch command line', generatedAt };
  }
  const rates = sweepRates(doc, { steps: a.steps });
  const cache = new Map<number, RunResult>();
  const evaluate = (rate: number): RunResult => {
    let r = cache.get(rate);
    if (!r) {
      r = runPoint(doc, { ...a.run, ratePerSec: rate }, deadline);
      if (r.cutShort) io.err(`${fmtRate(rate)}: ${r.cutShort.message}\n`);
      cache.set(rate, r);
    }
    return r;
  };
  const points = rates.map((rate, i) => {
    const r = evaluate(rate);
    io.err(`sweep ${i + 1}/${rates.length}: ${fmtRate(rate)}\n`);
    return r;
  });
  let n = 0;
  // Like the studio after a sweep: each design's search starts from the sweep's bracket.
  const capacity = await findCapacity(
    doc,
    async (rate) => {
      const r = evaluate(rate);
      io.err(`capacity search ${++n}: ${fmtRate(rate)}\n`);
      return r;
    },
    { sweep: points },
  );
  return {
    doc,
    sweep: { points },
    capacity,
    settings: { durationSec: resolved.durationSec, warmupSec: resolved.warmupSec, seed: resolved.seed, replications: resolved.replications, steps: a.steps },
    generatedBy: 'the Loadsketch command line',
    generatedAt,
  };
}

export const report: Command = async (args, io) => {
  const a = parseReportArgs(args);
  const doc = await loadDocument(a.file, io);
  if (typeof doc === 'number') return doc;
  let input: ReportInput;
  try {
    input = await runReport(doc, a, io, new Date().toISOString().slice(0, 16).replace('T', ' '));
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  const html = buildReportHtml(input);
  await writeFile(a.out, html, 'utf8');
  io.err(`wrote ${a.out}\n`);
  if (a.pdf) {
    try {
      await renderPdf(html, a.pdf);
    } catch (err) {
      if (!(err instanceof PdfError)) throw err;
      io.err(`loadsketch report: cannot write the PDF: ${err.message}\n`);
      return EXIT_PDF_FAILED;
    }
    io.err(`wrote ${a.pdf}\n`);
  }
  return EXIT.ok;
};
