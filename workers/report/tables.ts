/** The report's tables as HTML strings: assumptions, sweep, per node, analytic comparison, capacity. */
import type { CapacityResult } from '../engine/capacity';
import { replicaPricePerHour } from '../engine/hardware';
import type { NodeResult, RunResult, SweepResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { describeEdge, describeKind, describeNodeExtras, describeServers, describeServiceTime, describeTokenDist } from './describe';
import { esc } from './escape';
import { fmtCount, fmtMoney, fmtMs, fmtNum, fmtPct, fmtRate } from './format';
import type { ReportRunSettings } from './model';
import { DESIGN_NAME } from './reportCharts';
import { sloText } from './sentences';
import { pointLoadText } from './closedText';

type Cell = string | number | { html: string };

/** Tables of at most this many rows are kept on one page when printed. */
export const SHORT_TABLE_ROWS = 15;

/** A table; string cells are escaped, `{ html }` cells are trusted markup built here. */
export function table(testId: string, caption: string, head: string[], rows: Cell[][], numericFrom = 1, nowrap: number[] = []): string {
  const cell = (c: Cell) => (typeof c === 'object' ? c.html : esc(c));
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const cls = (i: number) => (i >= numericFrom ? ' class="n"' : nowrap.includes(i) ? ' class="nw"' : '');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cell(c)}</td>`).join('')}</tr>`).join('');
  // A short table never splits across pages (a long one repeats its header on each).
  const short = rows.length <= SHORT_TABLE_ROWS ? ' class="short"' : '';
  return `<table data-testid="${esc(testId)}"${short}><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

export function nodesAssumptionTable(doc: Topology): string {
  const rows = doc.nodes.map((n) => [
    n.id,
    n.label,
    describeKind(n),
    describeServers(n),
    n.role === 'offline' ? '—' : n.kind === 'llm-server' ? 'LLM steps (see Other)' : describeServiceTime(n.serviceTime),
    n.hardware ?? '—',
    `${fmtMoney(replicaPricePerHour(doc, n))}${n.costPerReplicaHour === null && n.hardware !== null ? ' (machine)' : ''}`,
    describeNodeExtras(n).join('; ') || '—',
  ]);
  return table('assumptions-nodes', 'Nodes: every parameter', ['Id', 'Label', 'Kind', 'Servers (replicas×concurrency)', 'Service time', 'Machine type', 'Cost per replica-hour', 'Other'], rows, 99);
}

export function edgesAssumptionTable(doc: Topology): string {
  const rows = doc.edges.map((e) => [e.id, `${e.source} → ${e.target}`, describeEdge(e)]);
  return table('assumptions-edges', 'Calls (edges)', ['Id', 'From → to', 'Call'], rows, 99);
}

export function runAssumptionTable(doc: Topology, s: ReportRunSettings): string {
  const w = doc.workload;
  const rows: [string, string][] = [
    ['Entry node', w.entry],
    ['Arrivals', w.arrival === 'bursty' ? `bursty (peak ×${w.burst.peakFactor}, ${fmtPct(w.burst.burstFraction)} of the time, bursts of ${fmtMs(w.burst.meanBurstMs)})` : w.arrival],
    ['Document rate', `${fmtRate(w.ratePerSec)}${w.profile ? ` (profile of ${w.profile.length} points, not used by the sweep)` : ''}`],
    ['Duration per run', `${fmtNum(s.durationSec)} s (warm-up ${fmtNum(s.warmupSec)} s excluded)`],
    ['Seed', String(s.seed)],
    ['Replications', String(s.replications)],
    ['Sweep points', String(s.steps)],
    ['SLO', sloText(doc.slo)],
    ...(doc.slo.ttftMs != null || doc.slo.tpotMs != null
      ? [['LLM SLOs (goodput)', [doc.slo.ttftMs != null ? `TTFT ≤ ${fmtMs(doc.slo.ttftMs)}` : '', doc.slo.tpotMs != null ? `TPOT ≤ ${fmtMs(doc.slo.tpotMs)}` : ''].filter(Boolean).join(', ')] as [string, string]]
      : []),
    ...(w.tokens ? [['Tokens per request', `input ${describeTokenDist(w.tokens.input)}, output ${describeTokenDist(w.tokens.output)}`] as [string, string]] : []),
    ['Monolith sizing', `${doc.monolith.sizing}${doc.monolith.sizing === 'replicas' ? ` (${doc.monolith.replicas ?? 1})` : ''}`],
    ['Monolith machine type', doc.monolith.hardware ?? 'the cheapest that fits'],
    ['Monolith threads per replica', doc.monolith.threadsPerReplica !== null ? `${doc.monolith.threadsPerReplica} (override)` : 'derived'],
  ];
  for (const p of doc.pools) rows.push([`Pool ${p.id}`, `${p.label || p.id}: ${p.servers} servers, ${fmtMoney(p.costPerHour)}/h`]);
  return table('assumptions-run', 'Workload and run', ['Setting', 'Value'], rows, 99);
}

export function sweepTable(sweep: SweepResult): string {
  const rows: Cell[][] = [];
  for (const p of sweep.points) {
    for (const d of ['microservices', 'monolith'] as const) {
      const e = p[d].endToEnd;
      rows.push([
        pointLoadText(p),
        DESIGN_NAME[d],
        fmtRate(e.throughputPerSec),
        fmtMs(e.meanMs),
        fmtMs(e.p50Ms),
        fmtMs(e.p95Ms),
        fmtMs(e.p99Ms),
        fmtMs(e.p999Ms),
        fmtCount(e.errors + e.dropped),
        p[d].saturated ? 'yes' : 'no',
        fmtMs(p.analytic[d].meanMs),
        fmtMoney(p[d].costPerMillionRequests),
      ]);
    }
  }
  const head = [sweep.points.some((p) => p.users !== undefined) ? 'Users' : 'Offered', 'Design', 'Throughput', 'Mean', 'p50', 'p95', 'p99', 'p99.9', 'Errors + drops', 'Saturated', 'Analytic mean', 'Cost per M req'];
  return table('sweep-table', 'Every sweep point, both designs', head, rows, 2, [0, 1]);
}

export function nodesResultTable(doc: Topology, point: RunResult): string {
  const by = (d: 'microservices' | 'monolith') => new Map<string, NodeResult>(point[d].nodes.map((n) => [n.id, n]));
  const micro = by('microservices');
  const mono = by('monolith');
  const rows: Cell[][] = [];
  for (const n of doc.nodes) {
    if (n.role === 'offline') continue;
    for (const [name, m] of [['Microservices', micro], ['Monolith', mono]] as const) {
      const r = m.get(n.id);
      if (!r) continue;
      rows.push([n.label || n.id, name, fmtRate(r.arrivalRatePerSec), fmtPct(r.utilization), fmtNum(r.meanQueueLength), fmtMs(r.meanWaitMs), fmtMs(r.meanTimeInNodeMs), fmtMs(r.p99TimeInNodeMs), fmtCount(r.dropped)]);
    }
  }
  const head = ['Node', 'Design', 'Arrivals', 'Utilisation', 'Mean queue', 'Mean wait', 'Mean time in node', 'p99 time in node', 'Drops'];
  return table('nodes-table', `Per node at ${fmtRate(point.ratePerSec)}`, head, rows, 2, [1]);
}

export function analyticTable(doc: Topology, point: RunResult): string {
  const sim = new Map(point.microservices.nodes.map((n) => [n.id, n]));
  const rows: Cell[][] = point.analytic.microservices.nodes
    .filter((a) => a.arrivalRatePerSec > 0)
    .map((a) => {
      const s = sim.get(a.id);
      return [doc.nodes.find((n) => n.id === a.id)?.label || a.id, fmtPct(a.utilization), fmtPct(s?.utilization), fmtMs(a.meanTimeInNodeMs), fmtMs(s?.meanTimeInNodeMs)];
    });
  for (const d of ['microservices', 'monolith'] as const) {
    rows.push([{ html: `<strong>${esc(DESIGN_NAME[d])} end to end (mean)</strong>` }, '', '', fmtMs(point.analytic[d].meanMs), fmtMs(point[d].endToEnd.meanMs)]);
  }
  const head = ['Node (microservices)', 'Predicted utilisation', 'Simulated utilisation', 'Predicted time in node', 'Simulated time in node'];
  return table('analytic-table', `Analytic prediction vs simulation at ${fmtRate(point.ratePerSec)} (— = not covered)`, head, rows, 1);
}

export function capacityTable(c: CapacityResult): string {
  const rows = (['microservices', 'monolith'] as const).map((d) => {
    const x = c[d];
    return [DESIGN_NAME[d], fmtRate(x.ratePerSec), fmtRate(x.failsAtPerSec), fmtMs(x.latencyMs), fmtMoney(x.costPerHour), fmtMoney(x.costPerMillionRequests)];
  });
  const head = ['Design', 'Sustains', 'Fails at', `${c.slo.percentile} at capacity`, 'Cost per hour', 'Cost per M req'];
  return table('capacity-table', `Capacity at ${sloText(c.slo)}`, head, rows, 1, [0]);
}
