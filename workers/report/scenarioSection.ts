/**
 * The report's fault-scenario section (issue 11), present only when the
 * document has scenario events: the events in a table, the blast radius of
 * both designs at the detailed load (availability, goodput, failures by
 * cause, rejections, time to recover) with the recovery in words, the
 * circuit breakers' counts per call, how the scenario was mapped onto the
 * monolith, and the run over time with each event shaded in its kind's
 * colour: throughput, p99 latency, and each hit node's utilisation, requests
 * waiting and failed visits (scenarioNodeCharts.ts).
 */
import { eventEndSec, type ScenarioEvent } from '../engine/resilience/scenarioSchema';
import type { RunResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { FAILURE_CAUSES, hasResilience, recoveryCell, recoverySentences } from './blastRadius';
import { esc } from './escape';
import { fmtCount, fmtMs, fmtNum, fmtPct, fmtRate } from './format';
import { labelOf } from './model';
import { DESIGN_COLOR, DESIGN_NAME } from './reportCharts';
import { patternCountTables, rowName } from './patternCounts';
import { nodeFaultCaption, nodeFaultCharts } from './scenarioNodeCharts';
import { describeEffect, eventName, FAULT_COLOR, KIND_LABEL } from './scenarioText';
import { type Band, type LineSeries, lineChart } from './svgChart';
import { table } from './tables';

const DESIGNS = ['microservices', 'monolith'] as const;

/** The document's events (none without a scenario). */
export function scenarioEventsOf(doc: Topology): readonly ScenarioEvent[] {
  return doc.scenario?.events ?? [];
}

/** Each event as a band over [atSec, its end] (a cache flush through its warm-up), in its kind's colour. */
export function eventBands(events: readonly ScenarioEvent[]): Band[] {
  return events.map((e) => ({ from: e.atSec, to: eventEndSec(e), label: eventName(e), color: FAULT_COLOR[e.kind] }));
}

/** What an event hits, in words: a node's label, or a call's "caller → callee". */
function targetText(doc: Topology, e: ScenarioEvent): string {
  if (e.kind !== 'partition') return labelOf(doc, e.target);
  const edge = doc.edges.find((x) => x.id === e.target);
  return edge ? `call ${labelOf(doc, edge.source)} → ${labelOf(doc, edge.target)}` : e.target;
}

const swatch = (color: string) => `<span aria-hidden="true" style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:${color}"></span>`;

function eventsTable(doc: Topology, events: readonly ScenarioEvent[]): string {
  const rows = events.map((e) => [
    { html: `${swatch(FAULT_COLOR[e.kind])}${esc(KIND_LABEL[e.kind])}` },
    targetText(doc, e),
    `${fmtNum(e.atSec)} s`,
    e.kind === 'cacheFlush' ? `${fmtNum(e.durationSec)} s + ${fmtNum(e.warmSec)} s warm-up` : `${fmtNum(e.durationSec)} s`,
    describeEffect(e),
    e.label?.trim() || '—',
  ]);
  return table('scenario-events', 'The scenario: timed faults (seconds from the start of the run, warm-up included)', ['Kind', 'Target', 'Start', 'Duration', 'Magnitude', 'Label'], rows, 99, [0, 2]);
}

function blastRadiusTable(point: RunResult): string {
  const row = (label: string, f: (d: (typeof DESIGNS)[number]) => string) => [label, ...DESIGNS.map(f)];
  const causes = FAILURE_CAUSES.filter(([k]) => DESIGNS.some((d) => (point[d].endToEnd.errorsByCause?.[k] ?? 0) > 0));
  return table(
    'blast-radius',
    'The scenario in both designs',
    ['Figure', ...DESIGNS.map((d) => DESIGN_NAME[d])],
    [
      row('Availability (succeeded / offered)', (d) => fmtPct(point[d].availability)),
      row('Goodput (within the SLO)', (d) => fmtRate(point[d].goodputPerSec)),
      row('Throughput (completed)', (d) => fmtRate(point[d].endToEnd.throughputPerSec)),
      ...causes.map(([k, name]) => row(`Failed: ${name}`, (d) => fmtNum(point[d].endToEnd.errorsByCause?.[k] ?? 0))),
      row('Rejected', (d) => fmtNum(point[d].endToEnd.rejected ?? 0)),
      row('Time to recover', (d) => recoveryCell(point[d])),
    ],
  );
}

/** A per-window series as chart points, each at its window's middle (so a drop at an event's start sits on the band's edge). */
function overTime(point: RunResult, values: ArrayLike<number>): (readonly [number, number])[] {
  const { startSec, windowSec } = point.microservices.timeSeries;
  return Array.from(startSec, (t, k) => [t + windowSec / 2, values[k]] as const);
}

function throughputOverTime(point: RunResult, bands: Band[]): string {
  const series: LineSeries[] = [
    { name: 'Offered', color: '#6b7280', dash: '4 3', markers: false, points: overTime(point, point.microservices.timeSeries.offeredPerSec) },
    ...DESIGNS.map((d) => ({ name: `${DESIGN_NAME[d]} completed`, color: DESIGN_COLOR[d], dash: d === 'monolith' ? '7 4' : undefined, markers: false, points: overTime(point, point[d].timeSeries.throughputPerSec) })),
  ];
  return lineChart({ id: 'scenario-throughput', title: `Throughput through the scenario at ${fmtRate(point.ratePerSec)}`, xLabel: 'Seconds since the start of the run', yLabel: 'Requests per second', series, bands, height: 280 });
}

function latencyOverTime(doc: Topology, point: RunResult, bands: Band[]): string {
  const series: LineSeries[] = DESIGNS.map((d) => ({ name: `${DESIGN_NAME[d]} p99`, color: DESIGN_COLOR[d], dash: d === 'monolith' ? '7 4' : undefined, markers: false, points: overTime(point, point[d].timeSeries.p99Ms) }));
  const calm = series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  // Room for the SLO line and the calm windows; a runaway window is clipped (the blast-radius table has the figures).
  const yMax = Math.max(doc.slo.thresholdMs * 2, Math.min(Math.max(1, ...calm), doc.slo.thresholdMs * 6));
  return lineChart({
    id: 'scenario-latency',
    title: 'p99 latency per window through the scenario',
    xLabel: 'Seconds since the start of the run',
    yLabel: 'Latency (ms)',
    series,
    bands,
    hLines: [{ at: doc.slo.thresholdMs, label: `SLO: ${doc.slo.percentile} ≤ ${fmtMs(doc.slo.thresholdMs)}`, color: '#b42318' }],
    yMax,
    height: 280,
  });
}

/** One chart of the section: its test id, a short name (for "Charts as PNG"), its SVG and caption; per-node charts also name their node and series. */
export interface ScenarioChart {
  testId: string;
  name: string;
  svg: string;
  caption: string;
  node?: string;
  series?: string;
}

/** The section's charts (throughput, p99 latency, then each hit node's utilisation, requests waiting and failed visits); none without scenario figures. */
export function scenarioCharts(doc: Topology, point: RunResult): ScenarioChart[] {
  const events = scenarioEventsOf(doc);
  if (events.length === 0 || !hasResilience(point)) return [];
  const bands = eventBands(events);
  const windowSec = point.microservices.timeSeries.windowSec;
  return [
    {
      testId: 'chart-scenario-throughput',
      name: 'scenario-throughput',
      svg: throughputOverTime(point, bands),
      caption: `Offered and completed requests per second, per ${fmtNum(windowSec)} s window, drawn at its middle (warm-up included). Shaded bands: the scenario's events, in the colour of their kind.`,
    },
    {
      testId: 'chart-scenario-latency',
      name: 'scenario-latency',
      svg: latencyOverTime(doc, point, bands),
      caption: `p99 latency of the requests completed in each window; a gap is a window in which nothing completed, and values above the top are clipped. The red line is the SLO${doc.slo.percentile === 'p99' ? '' : ` (on ${doc.slo.percentile}; recovery is judged on that percentile)`}.`,
    },
    ...nodeFaultCharts(doc, point, events, bands).map((c) => ({ testId: 'chart-scenario-node', name: c.name, svg: c.svg, caption: '', node: c.node, series: c.series })),
  ];
}

/** The per-edge counts of the resilience patterns (circuit breakers, retry budgets), a table per kind with a row per call and count; '' without any. */
function patternCountsHtml(doc: Topology, point: RunResult): string {
  return patternCountTables(doc, point)
    .map(({ kind, rows }) => {
      const body = rows.flatMap((r) => kind.figures.map((f) => [rowName(r), f.label, ...DESIGNS.map((d) => (r.values[d] ? fmtCount(r.values[d][f.key]) : '—'))]));
      return table(kind.id, kind.title, ['Call', 'Count', ...DESIGNS.map((d) => DESIGN_NAME[d])], body, 2);
    })
    .join('');
}

/** The charts as figures: the two run-wide ones, then each hit node's three under its name with one caption. */
function chartsHtml(doc: Topology, point: RunResult): string {
  const charts = scenarioCharts(doc, point);
  const nodes = [...new Set(charts.flatMap((c) => (c.node ? [c.node] : [])))];
  return (
    charts
      .filter((c) => !c.node)
      .map((c) => fig(c.testId, c.svg, c.caption))
      .join('') +
    nodes
      .map(
        (id) =>
          `<div class="node-faults" data-testid="scenario-node-faults" data-node="${esc(id)}"><h4>${esc(labelOf(doc, id))} through the scenario</h4>` +
          charts
            .filter((c) => c.node === id)
            .map((c) => `<figure data-testid="${c.testId}" data-node="${esc(id)}" data-series="${c.series}">${c.svg}</figure>`)
            .join('') +
          `<p class="figcaption">${esc(nodeFaultCaption(point.microservices.timeSeries.windowSec))}</p></div>`,
      )
      .join('')
  );
}

const fig = (testId: string, svg: string, caption: string) => `<figure data-testid="${testId}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
const para = (text: string, testId: string, style = '') => `<p data-testid="${testId}"${style ? ` style="${style}"` : ''}>${esc(text)}</p>`;

/**
 * The section's HTML, or '' for a document without scenario events. `point`: the run the report details
 * (the detailed sweep point, or a single run; null without results: the events only); its blast radius is shown
 * when it carries scenario figures.
 * `warmupSec`: the runs' warm-up (to tell an overloaded design from a metastable one).
 */
export function scenarioSection(doc: Topology, point: RunResult | null, warmupSec: number): string {
  const events = scenarioEventsOf(doc);
  if (events.length === 0) return '';
  const n = events.length;
  const intro = `${n} timed fault${n === 1 ? '' : 's'}, run in both designs on the same arrivals.`;
  const head = `<section id="scenario" data-testid="scenario-section"><h2>Fault scenario</h2>${para(intro, 'scenario-intro')}${eventsTable(doc, events)}`;
  if (!point || !hasResilience(point)) {
    return `${head}${para('No run of the scenario in this report: run it (a single run or a load sweep) for its blast radius.', 'scenario-no-run')}</section>`;
  }
  const r = recoverySentences(point, events, warmupSec);
  const notes = point.monolith.deployment?.scenarioNotes ?? [];
  return (
    head +
    `<h3>Blast radius at ${esc(fmtRate(point.ratePerSec))}</h3>` +
    para(r.summary, 'scenario-recovery') +
    (r.tooShort ? para(r.tooShort, 'scenario-too-short') : '') +
    (r.metastable ? para(r.metastable, 'scenario-metastable', 'color:#b42318;font-weight:600') : '') +
    (r.overloaded ? para(r.overloaded, 'scenario-overloaded', 'color:#b42318') : '') +
    blastRadiusTable(point) +
    patternCountsHtml(doc, point) +
    (notes.length ? `<h3>The scenario in the monolith</h3><ul class="notes" data-testid="scenario-notes">${notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '') +
    `<h3>Over time</h3>` +
    chartsHtml(doc, point) +
    '</section>'
  );
}
