/** Readable tables for `loadsketch run` and `loadsketch sweep`. */
import { formatLlm } from './formatLlm';
import type { AnalyticDesignResult, DesignResult, RunResult, SweepResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { detailPoint } from '../report/model';
import { PATTERN_DESIGNS, patternCountTables, rowName } from '../report/patternCounts';
import { buildVerdict } from '../report/verdict';

/** A number for a table cell: fixed decimals, thousands grouped, "—" when not a number. */
export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Lays out rows as columns: first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd())
    .join('\n');
}

function ci(d: DesignResult, k: 'meanMs' | 'p99Ms' | 'p50Ms' | 'p95Ms' | 'p90Ms' | 'p999Ms' | 'throughputPerSec', digits = 2): string {
  const e = d.endToEnd;
  const half = e.ci95?.[k];
  return half !== undefined && Number.isFinite(half) ? `${fmt(e[k], digits)} ±${fmt(half, digits)}` : fmt(e[k], digits);
}

function summary(r: RunResult): string {
  const m = r.microservices;
  const o = r.monolith;
  const a = r.analytic;
  const row = (label: string, mv: string, ov: string, am = '', ao = '') => [label, mv, ov, am, ao];
  const sat = (d: DesignResult) => (d.saturated ? `yes (${d.saturatedNode ?? '?'})` : 'no');
  return table([
    row('', 'microservices', 'monolith', 'analytic micro', 'analytic mono'),
    row('completed', fmt(m.endToEnd.completed, 0), fmt(o.endToEnd.completed, 0)),
    row('throughput (req/s)', ci(m, 'throughputPerSec', 1), ci(o, 'throughputPerSec', 1)),
    row('mean (ms)', ci(m, 'meanMs'), ci(o, 'meanMs'), fmt(a.microservices.meanMs), fmt(a.monolith.meanMs)),
    row('p50 (ms)', ci(m, 'p50Ms'), ci(o, 'p50Ms')),
    row('p90 (ms)', ci(m, 'p90Ms'), ci(o, 'p90Ms')),
    row('p95 (ms)', ci(m, 'p95Ms'), ci(o, 'p95Ms')),
    row('p99 (ms)', ci(m, 'p99Ms'), ci(o, 'p99Ms')),
    row('p99.9 (ms)', ci(m, 'p999Ms'), ci(o, 'p999Ms')),
    row('max (ms)', fmt(m.endToEnd.maxMs), fmt(o.endToEnd.maxMs)),
    row('errors', fmt(m.endToEnd.errors, 0), fmt(o.endToEnd.errors, 0)),
    row('timeouts', fmt(m.endToEnd.timeouts, 0), fmt(o.endToEnd.timeouts, 0)),
    row('dropped', fmt(m.endToEnd.dropped, 0), fmt(o.endToEnd.dropped, 0)),
    row('saturated', sat(m), sat(o)),
    row('saturation rate (req/s)', '', '', fmt(a.microservices.saturationRatePerSec, 1), fmt(a.monolith.saturationRatePerSec, 1)),
    row('cost ($/hour)', fmt(m.costPerHour), fmt(o.costPerHour)),
    row('cost ($/M requests)', fmt(m.costPerMillionRequests), fmt(o.costPerMillionRequests)),
    ...(elastic(m) || elastic(o)
      ? [
          row('cost over the run ($)', fmt(m.costTotal), fmt(o.costTotal)),
          row('replica-hours', fmt(m.replicaHours, 1), fmt(o.replicaHours, 1)),
          row('cold starts', fmt(m.coldStarts, 0), fmt(o.coldStarts, 0)),
          row('SLO violation (min)', fmt(m.sloViolationSec / 60, 1), fmt(o.sloViolationSec / 60, 1)),
        ]
      : []),
    ...(m.availability !== undefined || o.availability !== undefined
      ? [
          row('availability (%)', fmt(pct(m.availability), 3), fmt(pct(o.availability), 3)),
          row('goodput within SLO (req/s)', fmt(m.goodputPerSec, 1), fmt(o.goodputPerSec, 1)),
          row('recovery after last event (s)', recovery(m), recovery(o)),
          row('failed by cause', causes(m), causes(o)),
        ]
      : []),
  ]);
}

const pct = (x: number | undefined) => (x === undefined ? undefined : 100 * x);

/** "12.0", "0.0", or "did not recover" (the run ended violating its SLO). */
function recovery(d: DesignResult): string {
  if (d.recovered === undefined) return '—';
  return d.recovered ? fmt(d.recoverySec, 1) : 'did not recover';
}

/** The non-zero causes, e.g. "crash 12, timeout 3", or "none". */
function causes(d: DesignResult): string {
  const list = Object.entries(d.endToEnd.errorsByCause ?? {}).filter(([, n]) => n > 0);
  return list.length === 0 ? 'none' : list.map(([k, n]) => `${k} ${fmt(n, 0)}`).join(', ');
}

/** True when the design autoscaled something (a node's figures, or cold starts): the table then shows the elasticity rows. */
function elastic(d: DesignResult): boolean {
  return d.coldStarts > 0 || d.nodes.some((n) => n.elasticity !== undefined);
}

function nodes(title: string, d: DesignResult, a: AnalyticDesignResult): string {
  const byId = new Map(a.nodes.map((n) => [n.id, n]));
  const rows = [['node', 'req/s', 'util', 'queue', 'wait ms', 'in node ms', 'p99 ms', 'dropped', 'util (an.)', 'in node (an.)']];
  for (const n of d.nodes) {
    const an = byId.get(n.id);
    if (n.arrivalRatePerSec === 0 && (an?.arrivalRatePerSec ?? 0) === 0) continue;
    rows.push([
      n.id,
      fmt(n.arrivalRatePerSec, 1),
      fmt(n.utilization, 3),
      fmt(n.meanQueueLength, 2),
      fmt(n.meanWaitMs),
      fmt(n.meanTimeInNodeMs),
      fmt(n.p99TimeInNodeMs),
      fmt(n.dropped, 0),
      fmt(an?.utilization, 3),
      fmt(an?.meanTimeInNodeMs),
    ]);
  }
  return `${title}\n${table(rows)}`;
}

/** The resilience patterns' per-edge counts (circuit breakers, retry budgets), one table per kind, each row an edge; '' without any. */
export function formatPatternCounts(r: RunResult): string {
  const short = { microservices: 'micro', monolith: 'mono' } as const;
  return patternCountTables(null, r)
    .map(({ kind, rows }) => {
      const head = ['edge', ...PATTERN_DESIGNS.flatMap((d) => kind.figures.map((f) => `${short[d]} ${f.short}`))];
      const body = rows.map((row) => [rowName(row, row.edge), ...PATTERN_DESIGNS.flatMap((d) => kind.figures.map((f) => (row.values[d] ? fmt(row.values[d][f.key], 0) : '—')))]);
      return `${kind.name}\n${table([head, ...body])}`;
    })
    .join('\n\n');
}

/** The `run` report: a summary of both designs, then each design's nodes, then what the analytic model does not cover. */
export function formatRun(name: string, r: RunResult): string {
  const head = `${name} at ${fmt(r.ratePerSec, 1)} req/s, seed ${r.seed}, ${r.replications} replication${r.replications > 1 ? 's' : ''}${r.replications > 1 ? ' (± = 95% CI half-width)' : ''}`;
  const notes = [...new Set([...r.analytic.microservices.notCovered, ...r.analytic.monolith.notCovered])];
  const deployment = r.monolith.deployment ? `monolith deployment: ${r.monolith.deployment.hardware ?? 'no machine type'}, ${r.monolith.deployment.replicas} replica(s), ${r.monolith.deployment.threadsPerReplica} threads and ${r.monolith.deployment.gpusPerReplica} GPU(s) per replica, $${r.monolith.deployment.costPerHour.toFixed(2)}/h${r.monolith.deployment.fits ? '' : ' (does NOT fit the machine)'}` : '';
  const mapped = r.monolith.deployment?.scenarioNotes ?? [];
  const scenario = mapped.length ? `the scenario in the monolith:\n${mapped.map((n) => `  - ${n}`).join('\n')}` : '';
  const patterns = formatPatternCounts(r);
  const parts = [head, ...(r.cutShort ? [`CUT SHORT — ${r.cutShort.message}`] : []), summary(r), ...(patterns ? [patterns] : []), ...(deployment ? [deployment] : []), ...(scenario ? [scenario] : []), nodes('nodes (microservices)', r.microservices, r.analytic.microservices), nodes('nodes (monolith)', r.monolith, r.analytic.monolith)];
  const llm = formatLlm(r);
  if (llm) parts.push(llm);
  if (notes.length) parts.push(`not covered by the analytic model:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

/** The `sweep` report: one row per offered load ("micro" is the microservice design, "mono" its monolith), then the verdict at the SLO. */
export function formatSweep(doc: Topology, s: SweepResult): string {
  if (s.points.some((p) => p.users !== undefined)) return formatClosedSweep(doc, s);
  const rows = [['req/s', 'micro mean', 'micro p99', 'micro req/s', 'mono mean', 'mono p99', 'mono req/s', 'analytic micro mean', 'analytic mono mean', 'saturated']];
  for (const p of s.points) {
    const sat = [p.microservices.saturated ? 'micro' : '', p.monolith.saturated ? 'mono' : ''].filter(Boolean).join('+') || '—';
    rows.push([
      fmt(p.ratePerSec, 1),
      fmt(p.microservices.endToEnd.meanMs),
      fmt(p.microservices.endToEnd.p99Ms),
      fmt(p.microservices.endToEnd.throughputPerSec, 1),
      fmt(p.monolith.endToEnd.meanMs),
      fmt(p.monolith.endToEnd.p99Ms),
      fmt(p.monolith.endToEnd.throughputPerSec, 1),
      fmt(p.analytic.microservices.meanMs),
      fmt(p.analytic.monolith.meanMs),
      sat,
    ]);
  }
  const cut = s.points.filter((p) => p.cutShort).map((p) => `  ${fmt(p.ratePerSec, 1)} req/s: ${p.cutShort?.message}`);
  const note = cut.length ? `\nCUT SHORT (these points cover less than the full run):\n${cut.join('\n')}\n` : '';
  const v = buildVerdict(doc, doc.slo, s.points, null, detailPoint(s));
  const verdict = [v.headline, v.cost, v.reason].filter(Boolean).join('\n');
  return `${doc.name}: load sweep ("micro" = the microservice design, "mono" = its monolith; latencies in ms; "—" = nothing completed or not covered)\n${table(rows)}\n${note}\n${verdict}\n(capacities are the highest swept loads that met the SLO; \`loadsketch report\` searches them exactly)\n`;
}

/**
 * A closed workload's sweep: one row per number of users N, each design's
 * mean and p99 (ms) and measured throughput X (req/s), the analytic MVA mean,
 * and N/X − Z (the interactive response-time law: it should equal the mean).
 */
function formatClosedSweep(doc: Topology, s: SweepResult): string {
  const rows = [['users', 'micro mean', 'micro p99', 'micro req/s', 'micro N/X−Z', 'mono mean', 'mono p99', 'mono req/s', 'MVA micro mean', 'MVA mono mean']];
  const law = (n: number, xPerSec: number, thinkMs: number) => (xPerSec > 0 ? (1000 * n) / xPerSec - thinkMs : Number.NaN);
  for (const p of s.points) {
    const n = p.users ?? 0;
    const z = p.analytic.microservices.closed?.thinkMs ?? 0;
    rows.push([
      String(n),
      fmt(p.microservices.endToEnd.meanMs),
      fmt(p.microservices.endToEnd.p99Ms),
      fmt(p.microservices.endToEnd.throughputPerSec, 1),
      fmt(law(n, p.microservices.endToEnd.throughputPerSec, z)),
      fmt(p.monolith.endToEnd.meanMs),
      fmt(p.monolith.endToEnd.p99Ms),
      fmt(p.monolith.endToEnd.throughputPerSec, 1),
      fmt(p.analytic.microservices.meanMs),
      fmt(p.analytic.monolith.meanMs),
    ]);
  }
  const cut = s.points.filter((p) => p.cutShort).map((p) => `  ${p.users} users: ${p.cutShort?.message}`);
  const note = cut.length ? `\nCUT SHORT (these points cover less than the full run):\n${cut.join('\n')}\n` : '';
  const v = buildVerdict(doc, doc.slo, s.points, null, detailPoint(s));
  const verdict = [v.headline, v.cost, v.reason].filter(Boolean).join('\n');
  const notes = [...new Set(s.points.flatMap((p) => p.analytic.microservices.notCovered))];
  const approx = notes.length ? `\nMVA notes:\n${notes.map((t) => `  - ${t}`).join('\n')}\n` : '';
  return `${doc.name}: closed-workload sweep over users N ("micro" = the microservice design, "mono" = its monolith; latencies in ms; req/s = measured throughput X; N/X−Z should equal the mean; "—" = nothing completed or not covered)\n${table(rows)}\n${note}${approx}\n${verdict}\n(capacities are the most swept users that met the SLO)\n`;
}
