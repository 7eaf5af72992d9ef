/**
 * The report's charts, built from the same result objects the studio shows:
 * latency vs load (both designs, p50/p95/p99/mean, analytic mean dashed),
 * throughput vs load (the saturation knee), per-node utilisation at one load,
 * and the latency distribution (CDF) at that load.
 */
import { histogramBucketBounds } from '../engine/histogram';
import type { DesignResult, RunResult, SweepResult } from '../engine/results';
import type { Slo, Topology } from '../engine/schema';
import { barChart } from './barChart';
import { fmtMs, fmtPct, fmtRate } from './format';
import { type LineSeries, lineChart } from './svgChart';
import { fmtUsers, isClosedSweep, pointLoadText, sweepAxisTitle, sweepLoad } from './closedText';

/** Colour-blind-safe pair: blue for microservices, orange for the monolith. */
export const DESIGN_COLOR = { microservices: '#1d4ed8', monolith: '#c2410c' } as const;
export const ANALYTIC_COLOR = { microservices: '#60a5fa', monolith: '#fb923c' } as const;
export const DESIGN_NAME = { microservices: 'Microservices', monolith: 'Monolith' } as const;
type Design = keyof typeof DESIGN_NAME;
const DESIGNS: Design[] = ['microservices', 'monolith'];

const PCTS = [
  { key: 'p99Ms', name: 'p99', dash: undefined },
  { key: 'p95Ms', name: 'p95', dash: '8 3' },
  { key: 'p50Ms', name: 'p50', dash: '3 3' },
  { key: 'meanMs', name: 'mean', dash: '1 3' },
] as const;

/** The upper end of the latency axis: room for the unsaturated points and the SLO line, not for runaway ones. */
export function latencyAxisMax(sweep: SweepResult, slo: Slo): number {
  const all = sweep.points.flatMap((p) => DESIGNS.map((d) => p[d])).flatMap((d) => PCTS.map((q) => ({ v: d.endToEnd[q.key], sat: d.saturated })));
  const finite = all.filter((x) => Number.isFinite(x.v));
  const calm = finite.filter((x) => !x.sat).map((x) => x.v);
  const any = Math.max(1, ...finite.map((x) => x.v));
  const want = Math.max(slo.thresholdMs * 1.25, calm.length ? Math.max(...calm) * 1.15 : slo.thresholdMs * 3);
  return Math.min(any * 1.05, want);
}

/** "at 80 req/s" or "at 12 users": a sweep point's x in a chart's description. */
const atX = (closed: boolean, x: number) => (closed ? fmtUsers(x) : fmtRate(x));
const axisX = (closed: boolean) => `${sweepAxisTitle(closed)[0].toUpperCase()}${sweepAxisTitle(closed).slice(1)}`;

export function latencyChart(sweep: SweepResult, slo: Slo): string {
  const closed = isClosedSweep(sweep.points);
  const series: LineSeries[] = [];
  for (const d of DESIGNS) {
    for (const q of PCTS) {
      series.push({
        name: `${DESIGN_NAME[d]} ${q.name}`,
        color: DESIGN_COLOR[d],
        dash: q.dash,
        points: sweep.points.map((p) => [sweepLoad(p), p[d].endToEnd[q.key]] as const),
        describe: (x, y) => `${DESIGN_NAME[d]} ${q.name} at ${atX(closed, x)}: ${fmtMs(y)}`,
      });
    }
    series.push({
      name: `${DESIGN_NAME[d]} analytic mean${closed ? ' (MVA)' : ''}`,
      color: ANALYTIC_COLOR[d],
      dash: '10 5',
      points: sweep.points.map((p) => [sweepLoad(p), p.analytic[d].meanMs ?? Number.NaN] as const),
      describe: (x, y) => `${DESIGN_NAME[d]} analytic mean at ${atX(closed, x)}: ${fmtMs(y)}`,
    });
  }
  return lineChart({
    id: 'latency',
    title: closed ? 'End-to-end latency vs users (closed workload)' : 'End-to-end latency vs offered load',
    xLabel: axisX(closed),
    yLabel: 'Latency (ms)',
    series,
    hLines: [{ at: slo.thresholdMs, label: `SLO: ${slo.percentile} ≤ ${fmtMs(slo.thresholdMs)}`, color: '#b42318' }],
    yMax: latencyAxisMax(sweep, slo),
    height: 340,
  });
}

export function throughputChart(sweep: SweepResult): string {
  if (isClosedSweep(sweep.points)) return closedThroughputChart(sweep);
  const last = sweep.points[sweep.points.length - 1];
  const top = last ? last.ratePerSec : 1;
  const series: LineSeries[] = DESIGNS.map((d) => ({
    name: DESIGN_NAME[d],
    color: DESIGN_COLOR[d],
    dash: d === 'monolith' ? '7 4' : undefined,
    points: sweep.points.map((p) => [p.ratePerSec, p[d].endToEnd.throughputPerSec] as const),
    describe: (x, y) => `${DESIGN_NAME[d]} at ${fmtRate(x)} offered: ${fmtRate(y)} completed`,
  }));
  series.push({ name: 'Offered = completed', color: '#9ca3af', dash: '2 4', markers: false, points: [[0, 0], [top, top]] });
  const vLines = DESIGNS.flatMap((d) => {
    const sat = last?.analytic[d].saturationRatePerSec;
    return sat != null && Number.isFinite(sat) ? [{ at: sat, label: `${DESIGN_NAME[d]} saturates ≈ ${fmtRate(sat)}`, color: DESIGN_COLOR[d] }] : [];
  });
  return lineChart({ id: 'throughput', title: 'Throughput vs offered load (the saturation knee)', xLabel: 'Offered load (req/s)', yLabel: 'Completed (req/s)', series, vLines, height: 320 });
}

/**
 * Throughput X vs users N of a closed sweep, with each design's MVA
 * throughput (dashed) and the microservices' asymptotic bound
 * X ≤ min(N/(D + Z), 1/Dmax) (Lazowska et al. §5.3).
 */
function closedThroughputChart(sweep: SweepResult): string {
  const series: LineSeries[] = DESIGNS.flatMap((d) => [
    {
      name: DESIGN_NAME[d],
      color: DESIGN_COLOR[d],
      dash: d === 'monolith' ? '7 4' : undefined,
      points: sweep.points.map((p) => [sweepLoad(p), p[d].endToEnd.throughputPerSec] as const),
      describe: (x: number, y: number) => `${DESIGN_NAME[d]} at ${fmtUsers(x)}: ${fmtRate(y)} completed`,
    },
    {
      name: `${DESIGN_NAME[d]} analytic (MVA)`,
      color: ANALYTIC_COLOR[d],
      dash: '10 5',
      points: sweep.points.map((p) => [sweepLoad(p), p.analytic[d].closed?.throughputPerSec ?? Number.NaN] as const),
      describe: (x: number, y: number) => `${DESIGN_NAME[d]} MVA at ${fmtUsers(x)}: ${fmtRate(y)}`,
    },
  ]);
  series.push({
    name: 'Microservices bound min(N/(D+Z), 1/Dmax)',
    color: '#9ca3af',
    dash: '2 4',
    markers: false,
    points: sweep.points.map((p) => {
      const c = p.analytic.microservices.closed;
      const n = sweepLoad(p);
      return [n, c ? 1000 * Math.min(n / (c.totalDemandMs + c.thinkMs), c.maxDemandMs > 0 ? 1 / c.maxDemandMs : Number.POSITIVE_INFINITY) : Number.NaN] as const;
    }),
  });
  return lineChart({ id: 'throughput', title: 'Throughput vs users (closed workload)', xLabel: axisX(true), yLabel: 'Completed (req/s)', series, height: 320 });
}

/** Rows of the utilisation chart: nodes that carry traffic in either design, in document order. */
export function utilizationRows(doc: Topology, point: RunResult, bottleneck: string | null) {
  const idx = (d: DesignResult) => new Map(d.nodes.map((n) => [n.id, n]));
  const micro = idx(point.microservices);
  const mono = idx(point.monolith);
  return doc.nodes
    .filter((n) => n.role !== 'offline' && ((micro.get(n.id)?.arrivalRatePerSec ?? 0) > 0 || (mono.get(n.id)?.arrivalRatePerSec ?? 0) > 0))
    .map((n) => ({
      id: n.id,
      label: n.label || n.id,
      values: [micro.get(n.id)?.utilization ?? null, mono.get(n.id)?.utilization ?? null],
      highlight: n.id === bottleneck,
    }));
}

export function utilizationChart(doc: Topology, point: RunResult, bottleneck: string | null): string {
  return barChart({
    title: `Utilisation per node at ${pointLoadText(point)}`,
    xLabel: 'Utilisation (busy servers / servers; a monolith node shows its share of the pool)',
    rows: utilizationRows(doc, point, bottleneck),
    groups: DESIGNS.map((d) => ({ name: DESIGN_NAME[d], color: DESIGN_COLOR[d] })),
    xMax: 1,
    refAt: 1,
    format: (v) => fmtPct(v),
    tickFormat: (v) => `${Math.round(v * 100)}%`,
  });
}

/** CDF points [upper bound ms, fraction ≤] of a latency histogram, thinned to steps of at least `minStep`. */
export function cdfPoints(d: DesignResult, minStep = 0.002): [number, number][] {
  const { counts, subBuckets } = d.latencyHistogram;
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return [];
  const out: [number, number][] = [[0, 0]];
  let cum = 0;
  let lastY = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    cum += counts[i];
    const y = cum / total;
    if (y - lastY >= minStep || y === 1) {
      const hi = histogramBucketBounds(i, subBuckets)[1];
      out.push([Number.isFinite(hi) ? hi : histogramBucketBounds(i, subBuckets)[0], y]);
      lastY = y;
    }
  }
  return out;
}

export function distributionChart(point: RunResult): string {
  const cap = Math.max(...DESIGNS.map((d) => point[d].endToEnd.p999Ms).filter(Number.isFinite), 1) * 1.1;
  const series: LineSeries[] = DESIGNS.map((d) => ({
    name: `${DESIGN_NAME[d]} (mean ${fmtMs(point[d].endToEnd.meanMs)}, p99 ${fmtMs(point[d].endToEnd.p99Ms)})`,
    color: DESIGN_COLOR[d],
    dash: d === 'monolith' ? '7 4' : undefined,
    markers: false,
    points: cdfPoints(point[d]).filter((p) => p[0] <= cap),
  }));
  return lineChart({
    id: 'distribution',
    title: `Latency distribution (CDF) at ${pointLoadText(point)}, up to p99.9`,
    xLabel: 'End-to-end latency (ms)',
    yLabel: 'Share of requests at or below',
    series,
    yMax: 1,
    height: 300,
  });
}
