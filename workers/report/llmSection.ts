/**
 * The report's LLM serving section (issue 13), present only when the run has llm-server figures:
 * TTFT and TPOT against offered load (both designs, p50/p95/p99, the SLO lines), throughput,
 * goodput, KV occupancy and preemptions per load, the per-node figures at the detail load and
 * the analytic guidance with what its formulas do not cover.
 */
import type { RunResult, SweepResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { esc } from './escape';
import { fmtMs, fmtNum, fmtPct, fmtRate } from './format';
import { designLlm, docLlmSlo, hasLlm, llmGuidanceOf, nodeLlms } from './llmResults';
import { labelOf } from './model';
import { DESIGN_COLOR, DESIGN_NAME } from './reportCharts';
import { type LineSeries, lineChart, type RefLine } from './svgChart';
import { table } from './tables';

const DESIGNS = ['microservices', 'monolith'] as const;
const PCTS = [
  { key: 'p99', dash: undefined },
  { key: 'p95', dash: '8 3' },
  { key: 'p50', dash: '3 3' },
] as const;
type Metric = 'ttftMs' | 'tpotMs';
const NAME: Record<Metric, string> = { ttftMs: 'TTFT', tpotMs: 'TPOT' };

function metricChart(sweep: SweepResult, m: Metric, sloMs: number | null): string {
  const series: LineSeries[] = DESIGNS.flatMap((d) =>
    PCTS.map((q) => ({
      name: `${DESIGN_NAME[d]} ${q.key}`,
      color: DESIGN_COLOR[d],
      dash: q.dash,
      points: sweep.points.map((p) => [p.ratePerSec, designLlm(p[d])?.[m][q.key] ?? Number.NaN] as const),
      describe: (x: number, y: number) => `${DESIGN_NAME[d]} ${NAME[m]} ${q.key} at ${fmtRate(x)}: ${fmtMs(y)}`,
    })),
  );
  const hLines: RefLine[] = sloMs !== null ? [{ at: sloMs, label: `${NAME[m]} SLO ≤ ${fmtMs(sloMs)}`, color: '#b42318' }] : [];
  // Room above the SLO line for its label.
  const top = Math.max(1, ...series.flatMap((x) => x.points.map((p) => p[1])).filter(Number.isFinite));
  return lineChart({ id: `llm-${m}`, title: `${NAME[m]} vs offered load`, xLabel: 'Offered load (req/s)', yLabel: `${NAME[m]} (ms)`, series, hLines, yMax: Math.max(top, sloMs === null ? 0 : sloMs * 1.2), height: 300 });
}

const triple = (s: { p50: number; p95: number; p99: number }) => `${fmtMs(s.p50)} / ${fmtMs(s.p95)} / ${fmtMs(s.p99)}`;

function loadTable(sweep: SweepResult): string {
  const rows = sweep.points.flatMap((p) =>
    DESIGNS.flatMap((d) => {
      const l = designLlm(p[d]);
      return l ? [[fmtRate(p.ratePerSec), DESIGN_NAME[d], triple(l.ttftMs), triple(l.tpotMs), fmtNum(l.tokensPerSec), `${fmtRate(l.goodputPerSec)} (${fmtPct(l.goodFraction)})`, fmtPct(l.kvOccupancyMean), fmtNum(l.preemptions)]] : [];
    }),
  );
  return table('llm-load-table', 'LLM serving per offered load', ['Offered load', 'Design', 'TTFT p50 / p95 / p99', 'TPOT p50 / p95 / p99', 'Tokens/s', 'Goodput (share meeting the SLOs)', 'KV occupancy', 'Preemptions'], rows, 2);
}

function nodeTable(doc: Topology, point: RunResult): string {
  const rows = DESIGNS.flatMap((d) =>
    nodeLlms(point[d]).map((n) => [labelOf(doc, n.id), DESIGN_NAME[d], fmtNum(n.completed), triple(n.ttftMs), triple(n.tpotMs), fmtNum(n.tokensPerSec), fmtPct(n.kvOccupancyMean), fmtNum(n.preemptions)]),
  );
  return rows.length ? table('llm-nodes-table', `Per llm-server at ${fmtRate(point.ratePerSec)}`, ['llm-server', 'Design', 'Completed', 'TTFT p50 / p95 / p99', 'TPOT p50 / p95 / p99', 'Tokens/s', 'KV occupancy', 'Preemptions'], rows, 2) : '';
}

/** Analytic guidance per llm-server node, with its notCovered lines. */
export function llmGuidanceHtml(doc: Topology, point: RunResult): string {
  const items = llmGuidanceOf(point).map((g) => {
    const x = g.guidance;
    const label = labelOf(doc, g.id);
    if (!x) return `<li>${esc(`${label}: ${g.problem ?? 'not computed'}`)}</li>`;
    const text = `${label}: KV cache ${x.kvCapacityTokens.toLocaleString('en-US')} tokens per replica; at ${fmtNum(g.meanInTokens)} in / ${fmtNum(g.meanOutTokens)} out tokens ${fmtNum(x.kvConcurrentSeqs)} sequences fit and ${fmtNum(x.concurrency)} run at once. Decode-bound ceiling ${fmtNum(x.decodeTokensPerSec)} tokens/s per replica; with prompts in the same steps ${fmtNum(x.mixedTokensPerSec)} tokens/s, about ${fmtRate(x.requestsPerSec)} per replica.`;
    return `<li data-testid="llm-guidance-${esc(g.id)}">${esc(text)}<ul class="notes">${x.notCovered.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></li>`;
  });
  return items.length ? `<h3>Analytic guidance</h3><ul data-testid="llm-guidance">${items.join('')}</ul>` : '';
}

/** The section's HTML, or '' when the run has no LLM figures. */
export function llmSection(doc: Topology, sweep: SweepResult, point: RunResult): string {
  if (!hasLlm(sweep.points)) return '';
  const slo = docLlmSlo(doc.slo);
  const fig = (testId: string, svg: string, caption: string) => `<figure data-testid="${testId}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
  return (
    '<section id="llm"><h2>LLM serving</h2>' +
    `<p>${esc('Measured at the llm-server nodes as vLLM’s serving benchmark defines them: TTFT from arrival to the first output token, TPOT the time per output token after it; goodput counts the requests that meet every SLO set.')}</p>` +
    fig('chart-llm-ttft', metricChart(sweep, 'ttftMs', slo.ttftMs), 'Time to first token. Solid p99, long dashes p95, short dashes p50.') +
    fig('chart-llm-tpot', metricChart(sweep, 'tpotMs', slo.tpotMs), 'Time per output token after the first. Solid p99, long dashes p95, short dashes p50.') +
    loadTable(sweep) +
    nodeTable(doc, point) +
    llmGuidanceHtml(doc, point) +
    '</section>'
  );
}
