/**
 * The report's day-of-traffic section: replicas over the day, cost per hour
 * and cost per million requests per window (both designs), and the day's
 * totals, from the same DaySeries the studio's Day view draws.
 */
import { type DaySeries, DAY_DESIGNS, designLine, lineDash, replicaRange } from './daySeries';
import { esc } from './escape';
import { fmtMoney, fmtNum } from './format';
import { DESIGN_COLOR, DESIGN_NAME } from './reportCharts';
import { type LineSeries, lineChart } from './svgChart';
import { table } from './tables';

/** Colour-blind-safe colours for the autoscaled nodes' lines (Okabe–Ito, after the two design colours). */
const NODE_COLORS = ['#009E73', '#CC79A7', '#0072B2', '#E69F00', '#56B4E9', '#000000'];

const pts = (s: DaySeries, values: readonly number[]) => s.startHour.map((h, k) => [h, values[k]] as const);

export function replicasChart(s: DaySeries): string {
  const series: LineSeries[] = s.replicas.map((l, i) => ({
    name: l.label,
    color: designLine(l) ? DESIGN_COLOR[l.design] : NODE_COLORS[i % NODE_COLORS.length],
    dash: lineDash(l),
    markers: false,
    points: pts(s, l.values),
  }));
  return lineChart({ id: 'replicas', title: 'Replicas over the day', xLabel: 'Hours since the start of the run', yLabel: 'Replicas (mean per window)', series, height: 300 });
}

function perDesign(s: DaySeries, id: string, title: string, yLabel: string, pick: (d: (typeof DAY_DESIGNS)[number]) => readonly number[]): string {
  const series: LineSeries[] = DAY_DESIGNS.map((d) => ({
    name: DESIGN_NAME[d],
    color: DESIGN_COLOR[d],
    dash: d === 'monolith' ? '7 4' : undefined,
    markers: false,
    points: pts(s, pick(d)),
  }));
  return lineChart({ id, title, xLabel: 'Hours since the start of the run', yLabel, series, height: 280 });
}

export const dayCostChart = (s: DaySeries) => perDesign(s, 'day-cost', 'Cost per hour over the day', 'US$ per hour', (d) => s.costPerHour[d]);
export const dayCpmChart = (s: DaySeries) => perDesign(s, 'day-cpm', 'Cost per million requests over the day', 'US$ per million requests', (d) => s.costPerMillion[d]);

export function dayTotalsTable(s: DaySeries): string {
  const row = (label: string, f: (d: (typeof DAY_DESIGNS)[number]) => string) => [label, ...DAY_DESIGNS.map(f)];
  return table(
    'day-totals',
    'The day in totals',
    ['Figure', ...DAY_DESIGNS.map((d) => DESIGN_NAME[d])],
    [
      row('Cost of the run', (d) => fmtMoney(s.totals[d].costTotal)),
      row('Replica-hours', (d) => fmtNum(s.totals[d].replicaHours)),
      row('SLO-violation minutes', (d) => fmtNum(s.totals[d].sloViolationSec / 60)),
      row('Cold starts', (d) => fmtNum(s.totals[d].coldStarts)),
      row('Cost per million requests', (d) => fmtMoney(s.totals[d].costPerMillion)),
    ],
  );
}

/** The whole section (empty string without a day). */
export function daySection(s: DaySeries | null): string {
  if (!s) return '';
  const fig = (testId: string, svg: string, caption: string) => `<figure data-testid="${testId}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
  const ranges = s.replicas.map((l) => {
    const r = replicaRange(l);
    return `${l.label} ${fmtNum(r.min)}–${fmtNum(r.max)}`;
  });
  return (
    '<section id="day"><h2>A day of autoscaled traffic</h2>' +
    `<p>${esc(`One run under the document's load profile, ${fmtNum(s.windowSec / 60)}-minute windows. Replicas ranged: ${ranges.join('; ')}.`)}</p>` +
    dayTotalsTable(s) +
    fig('chart-replicas', replicasChart(s), 'Mean replicas per window (starting, ready and draining: every replica being paid for) of each autoscaled node (solid), and every replica of each design (dotted: microservices; dashed: the monolith, whole units plus its remote infra).') +
    fig('chart-day-cost', dayCostChart(s), 'What each design pays per hour in each window.') +
    fig('chart-day-cpm', dayCpmChart(s), "The window's cost divided by the requests completed in it.") +
    '</section>'
  );
}
