/**
 * The report: one self-contained HTML string (inline CSS and SVG, no external
 * URLs, no scripts to run) with the verdict, the diagram, the assumptions,
 * the charts, every number in tables, the analytic comparison and the
 * monolith's derivation; the document rides along in a JSON block so the
 * studio can re-open the file. Pure: shared by the CLI and the studio.
 */
import { REPORT_CSS, SCENARIO_CSS } from './css';
import { daySection } from './dayCharts';
import { diagramSvg } from './diagramSvg';
import { esc, jsonForScript } from './escape';
import { fmtNum, fmtRate } from './format';
import { DOCUMENT_SCRIPT_ID } from './extract';
import { llmSection } from './llmSection';
import { scenarioEventsOf, scenarioSection } from './scenarioSection';
import { detailPoint, labelOf, type ReportInput, simulatedBottleneck } from './model';
import { distributionChart, latencyChart, throughputChart, utilizationChart } from './reportCharts';
import { bottleneckSentence, capacitySentence, costSentence, monolithSentence, sloText } from './sentences';
import { verdictOf } from './verdict';
import { pointLoadText } from './closedText';
import {
  analyticTable,
  capacityTable,
  edgesAssumptionTable,
  nodesAssumptionTable,
  nodesResultTable,
  runAssumptionTable,
  sweepTable,
} from './tables';

/** The Content-Security-Policy of every report: styles and data images only, nothing can run or load. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const p = (text: string, cls?: string, testId?: string) =>
  `<p${cls ? ` class="${cls}"` : ''}${testId ? ` data-testid="${testId}"` : ''}>${esc(text)}</p>`;
const figure = (testId: string, svg: string, caption: string) => `<figure data-testid="${testId}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;

function verdictSection(input: ReportInput): string {
  const { doc, sweep } = input;
  const point = detailPoint(sweep, input.detailRatePerSec);
  const lines: string[] = [];
  if (point) {
    const v = verdictOf(input);
    lines.push(p(v.headline, 'verdict', 'verdict'));
    if (v.cost) lines.push(p(v.cost, undefined, 'cost'));
    if (v.reason) lines.push(p(v.reason, undefined, 'reason'));
    if (!input.capacity) lines.push(p('No capacity search in this report: the loads above are the highest swept loads that met the SLO.', 'meta'));
    lines.push(p(bottleneckSentence(doc, point), undefined, 'bottleneck'));
  } else if (input.scenarioRun && doc.scenario?.events.length) {
    lines.push(p(`No load test in this report: the design, its assumptions and one run of its fault scenario at ${fmtRate(input.scenarioRun.ratePerSec)} (SLO ${sloText(doc.slo)}).`, 'verdict', 'verdict'));
  } else {
    lines.push(p(`No load test in this report: only the design and its assumptions (SLO ${sloText(doc.slo)}).`, 'verdict', 'verdict'));
  }
  return `<section id="verdict"><h2>Verdict</h2><div class="verdict-box">${lines.join('')}</div></section>`;
}

function designSection(input: ReportInput): string {
  const { doc, sweep } = input;
  const point = detailPoint(sweep, input.detailRatePerSec);
  const util = point ? new Map(point.microservices.nodes.map((n) => [n.id, n.utilization])) : undefined;
  const bottleneck = point ? (simulatedBottleneck(doc, point)?.id ?? null) : null;
  const caption = point
    ? `The microservice design. Bars show each node's simulated utilisation at ${fmtRate(point.ratePerSec)}; the busiest node (${labelOf(doc, bottleneck ?? '')}) is outlined in red. Dashed arrows are asynchronous calls; dotted ones touch offline boxes.`
    : 'The microservice design. Dashed arrows are asynchronous calls; dotted ones touch offline boxes.';
  return (
    '<section id="design"><h2>The design</h2>' +
    `<figure data-testid="diagram"><div class="diagram-wrap">${diagramSvg(doc, { utilization: util, bottleneck })}</div><figcaption>${esc(caption)}</figcaption></figure>` +
    `<h3>The monolith baseline</h3>${p(monolithSentence(doc), undefined, 'monolith-derivation')}</section>`
  );
}

function assumptionsSection(input: ReportInput): string {
  const { doc, settings } = input;
  return `<section id="assumptions" data-testid="assumptions"><h2>Assumptions</h2>${runAssumptionTable(doc, settings)}${nodesAssumptionTable(doc)}${doc.edges.length ? edgesAssumptionTable(doc) : ''}</section>`;
}

function resultsSections(input: ReportInput): string {
  const { doc, sweep, capacity } = input;
  const point = detailPoint(sweep, input.detailRatePerSec);
  if (!sweep || !point) return '';
  const bottleneck = simulatedBottleneck(doc, point)?.id ?? null;
  const notes = [...new Set([...point.analytic.microservices.notCovered, ...point.analytic.monolith.notCovered])];
  return (
    '<section id="load-test"><h2>Load test</h2>' +
    p(
      sweep.points[0].users !== undefined
        ? `A closed workload: ${sweep.points.length} numbers of users from ${pointLoadText(sweep.points[0])} to ${pointLoadText(sweep.points[sweep.points.length - 1])} (each user waits for its response, then thinks), both designs on the same seeds; the analytic line is mean-value analysis (MVA).`
        : `${sweep.points.length} offered loads from ${fmtRate(sweep.points[0].ratePerSec)} to ${fmtRate(sweep.points[sweep.points.length - 1].ratePerSec)}, both designs on the same arrivals and seeds.`,
    ) +
    figure('chart-latency', latencyChart(sweep, doc.slo), 'Solid p99, long dashes p95, short dashes p50, dots the mean; the pale dashed line is the analytic (queueing-theory) mean. Values above the top of the chart are clipped; the table below has every number.') +
    figure(
      'chart-throughput',
      throughputChart(sweep),
      sweep.points[0].users !== undefined
        ? 'Completed req/s against the number of users: it grows with the users until the busiest station is full, then stays at 1/Dmax. Dashed: mean-value analysis; grey: the asymptotic bound min(N/(D + Z), 1/Dmax).'
        : 'Where a curve leaves the grey diagonal the design cannot keep up: the saturation knee. Vertical lines: the analytic saturation rate of each design.',
    ) +
    '</section>' +
    (capacity ? `<section id="capacity"><h2>Capacity at the SLO</h2>${p(capacitySentence(capacity))}${capacityTable(capacity)}${p(costSentence(capacity))}</section>` : '') +
    `<section id="per-node"><h2>Per node at ${esc(pointLoadText(point))}</h2>` +
    figure('chart-utilization', utilizationChart(doc, point, bottleneck), 'Busy servers over servers during the measured part of the run; the bottleneck is marked ◆. The red line is 100%.') +
    nodesResultTable(doc, point) +
    '</section>' +
    llmSection(doc, sweep, point) +
    scenarioSection(doc, point, input.settings.warmupSec) +
    `<section id="distribution"><h2>Latency distribution</h2>${figure('chart-distribution', distributionChart(point), `Share of requests finished within a given time at ${pointLoadText(point)}, from the merged latency histograms.`)}</section>` +
    `<section id="analytic"><h2>Analytic comparison</h2>${analyticTable(doc, point)}` +
    (notes.length ? `<h3>Not covered by the formulas</h3><ul class="notes" data-testid="not-covered">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : p('The formulas cover every feature of this design at this load.')) +
    '</section>' +
    `<section id="sweep"><h2>Every number</h2>${sweepTable(sweep)}</section>`
  );
}

/** Builds the report's HTML (a complete document, UTF-8). Every user string is escaped. */
export function buildReportHtml(input: ReportInput): string {
  const { doc, settings } = input;
  const meta = `Generated by ${input.generatedBy}${input.generatedAt ? ` on ${input.generatedAt}` : ''} · ${fmtNum(settings.durationSec)} s per run, seed ${settings.seed}, ${settings.replications} replication${settings.replications === 1 ? '' : 's'}`;
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="generator" content="Loadsketch">` +
    `<title>${esc(`Loadsketch report: ${doc.name || 'Untitled design'}`)}</title><style>${REPORT_CSS}${scenarioEventsOf(doc).length ? SCENARIO_CSS : ''}</style></head>\n` +
    '<body><main class="report">' +
    `<header><p class="kicker">Loadsketch report</p><h1 data-testid="report-title">${esc(doc.name || 'Untitled design')}</h1>` +
    (doc.description ? p(doc.description, 'desc') : '') +
    p(meta, 'meta') +
    '</header>' +
    verdictSection(input) +
    designSection(input) +
    assumptionsSection(input) +
    (detailPoint(input.sweep, input.detailRatePerSec) ? '' : scenarioSection(doc, input.scenarioRun ?? null, settings.warmupSec)) +
    resultsSections(input) +
    daySection(input.day ?? null) +
    '<footer><p>Open this file in the Loadsketch studio (File → Open file…) to edit the design: the document is embedded in it. ' +
    'All times in milliseconds, rates in requests per second.</p></footer>' +
    `<script type="application/json" id="${DOCUMENT_SCRIPT_ID}">${jsonForScript(doc)}</script>` +
    '</main></body></html>\n'
  );
}
