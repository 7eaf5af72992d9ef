/**
 * Pure builders from engine results to chart and table rows. Every chart
 * and its table view use the same rows, so the table is the chart's text
 * alternative with identical numbers. NaN (nothing measured) becomes null.
 */
import { histogramBucketBounds } from '../../workers/engine/stats';
import type { DesignResult, LatencyHistogramResult, RunResult } from '../../workers/engine/results';
import { isClosedSweep, sweepLoad } from '../../workers/report/closedText';

export { isClosedSweep, sweepLoad };

/** The row key of a sweep chart's x axis: `users` for a closed workload's sweep, else `ratePerSec`. */
export const xKeyOf = (points: readonly (RunResult | null)[]): 'users' | 'ratePerSec' => (isClosedSweep(points) ? 'users' : 'ratePerSec');
export const DESIGNS = ['microservices', 'monolith'] as const;
export type Design = (typeof DESIGNS)[number];
export const DESIGN_LABEL: Record<Design, string> = { microservices: 'Microservices', monolith: 'Monolith' };

export const PERCENTILES = ['mean', 'p50', 'p95', 'p99'] as const;
export type Percentile = (typeof PERCENTILES)[number];
const FIELD = { mean: 'meanMs', p50: 'p50Ms', p95: 'p95Ms', p99: 'p99Ms' } as const;

const val = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** The completed points of a run, ascending rate (ascending users for a closed workload). */
export function donePoints(points: readonly (RunResult | null)[]): RunResult[] {
  return points.filter((p): p is RunResult => p !== null).sort((a, b) => sweepLoad(a) - sweepLoad(b));
}

/** Row key of a design's percentile, e.g. `microservices_p99` (no dots: recharts reads dots as paths). */
export const latencyKey = (d: Design, p: Percentile) => `${d}_${p}`;
export const ciKey = (d: Design, p: Percentile) => `${d}_${p}_ci`;
export const analyticKey = (d: Design) => `${d}_analytic`;

export type LatencyRow = { ratePerSec: number; users?: number } & Record<string, number | null | [number, number]>;

/** Latency vs offered load: per design, each percentile (ms), its 95% CI band [low, high] when replicated, and the analytic mean. */
export function latencyRows(points: readonly RunResult[]): LatencyRow[] {
  return points.map((pt) => {
    const row: LatencyRow = { ratePerSec: pt.ratePerSec };
    if (pt.users !== undefined) row.users = pt.users;
    for (const d of DESIGNS) {
      const e = pt[d].endToEnd;
      for (const p of PERCENTILES) {
        const v = val(e[FIELD[p]]);
        row[latencyKey(d, p)] = v;
        const half = val(e.ci95?.[FIELD[p]]);
        if (v !== null && half !== null) row[ciKey(d, p)] = [Math.max(0, v - half), v + half];
      }
      row[analyticKey(d)] = val(pt.analytic[d].meanMs);
    }
    return row;
  });
}

export interface ThroughputRow {
  ratePerSec: number;
  /** Closed workloads: the point's users (the x axis). */
  users?: number;
  /** Closed workloads: each design's MVA throughput (req/s) and the microservices' bound min(N/(D+Z), 1/Dmax). */
  microservices_analytic?: number | null;
  monolith_analytic?: number | null;
  bound?: number | null;
  microservices: number;
  monolith: number;
  microservices_saturated: boolean;
  monolith_saturated: boolean;
}

/** Throughput (completed req/s) vs offered load, both designs. */
export function throughputRows(points: readonly RunResult[]): ThroughputRow[] {
  return points.map((pt) => {
    const row: ThroughputRow = {
      ratePerSec: pt.ratePerSec,
      microservices: pt.microservices.endToEnd.throughputPerSec,
      monolith: pt.monolith.endToEnd.throughputPerSec,
      microservices_saturated: pt.microservices.saturated,
      monolith_saturated: pt.monolith.saturated,
    };
    if (pt.users !== undefined) {
      row.users = pt.users;
      row.microservices_analytic = val(pt.analytic.microservices.closed?.throughputPerSec);
      row.monolith_analytic = val(pt.analytic.monolith.closed?.throughputPerSec);
      row.bound = closedThroughputBound(pt);
    }
    return row;
  });
}

/** The asymptotic throughput bound of a closed point's microservice design, req/s: min(N/(D + Z), 1/Dmax) (Lazowska et al. §5.3). */
export function closedThroughputBound(pt: RunResult): number | null {
  const c = pt.analytic.microservices.closed;
  if (!c || pt.users === undefined) return null;
  const x = Math.min(pt.users / (c.totalDemandMs + c.thinkMs), c.maxDemandMs > 0 ? 1 / c.maxDemandMs : Number.POSITIVE_INFINITY);
  return val(1000 * x);
}

/** The analytic saturation rate of each design (req/s; null when the model has none). */
export function saturationRates(points: readonly RunResult[]): Record<Design, number | null> {
  const a = points[0]?.analytic;
  return { microservices: val(a?.microservices.saturationRatePerSec), monolith: val(a?.monolith.saturationRatePerSec) };
}

export interface CdfPoint {
  ms: number;
  fraction: number;
}

/**
 * Latency CDF from a log-linear histogram: (bucket upper bound ms, share of
 * requests at or below it) for non-empty buckets, thinned to at most
 * `maxPoints` (a point is kept when the share grew by 1/maxPoints, and the last).
 */
export function cdfPoints(h: LatencyHistogramResult, maxPoints = 250): CdfPoint[] {
  let total = 0;
  for (let i = 0; i < h.counts.length; i++) total += h.counts[i];
  if (total === 0) return [];
  const out: CdfPoint[] = [];
  let cum = 0;
  let lastKept = -1;
  for (let i = 0; i < h.counts.length; i++) {
    if (h.counts[i] === 0) continue;
    cum += h.counts[i];
    const fraction = cum / total;
    if (fraction - lastKept >= 1 / maxPoints || cum === total) {
      const [lo, hi] = histogramBucketBounds(i, h.subBuckets);
      out.push({ ms: Number.isFinite(hi) ? hi : lo, fraction });
      lastKept = fraction;
    }
  }
  return out;
}

export interface NodeRow {
  id: string;
  label: string;
  arrivalRatePerSec: number;
  utilization: number;
  analyticUtilization: number | null;
  meanQueueLength: number;
  meanWaitMs: number;
  meanTimeInNodeMs: number;
  p99TimeInNodeMs: number;
  dropped: number;
}

/** Per-node figures of one design at one point, nodes with traffic only (simulated or predicted). */
export function nodeRows(pt: RunResult, design: Design, labels: ReadonlyMap<string, string>): NodeRow[] {
  const predicted = new Map(pt.analytic[design].nodes.map((n) => [n.id, n]));
  return pt[design].nodes
    .filter((n) => n.arrivalRatePerSec > 0 || (predicted.get(n.id)?.arrivalRatePerSec ?? 0) > 0)
    .map((n) => ({
      id: n.id,
      label: labels.get(n.id) ?? n.id,
      arrivalRatePerSec: n.arrivalRatePerSec,
      utilization: n.utilization,
      analyticUtilization: val(predicted.get(n.id)?.utilization),
      meanQueueLength: n.meanQueueLength,
      meanWaitMs: n.meanWaitMs,
      meanTimeInNodeMs: n.meanTimeInNodeMs,
      p99TimeInNodeMs: n.p99TimeInNodeMs,
      dropped: n.dropped,
    }));
}

/** The bottleneck of a design at a point: the node with the highest simulated utilisation (ties: first in the document). */
export function bottleneck(design: DesignResult): { id: string; utilization: number } | null {
  let best: { id: string; utilization: number } | null = null;
  for (const n of design.nodes) if (n.arrivalRatePerSec > 0 && (!best || n.utilization > best.utilization)) best = { id: n.id, utilization: n.utilization };
  return best;
}

/**
 * The point the per-node and distribution views show by default: the
 * highest-load completed point where the microservice design is not
 * saturated, else the first completed point. Returns an index into `points`.
 */
export function autoPointIndex(points: readonly (RunResult | null)[]): number | null {
  let pick: number | null = null;
  let first: number | null = null;
  points.forEach((p, i) => {
    if (!p) return;
    first ??= i;
    if (!p.microservices.saturated && (pick === null || sweepLoad(p) > sweepLoad(points[pick]!))) pick = i;
  });
  return pick ?? first;
}

export interface TimeRow {
  startSec: number;
  offeredPerSec: number;
  throughputPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
  queueLength: number;
}

/** One row per time-series window of a design. */
export function timeRows(design: DesignResult): TimeRow[] {
  const ts = design.timeSeries;
  return Array.from(ts.startSec, (startSec, k) => ({
    startSec,
    offeredPerSec: ts.offeredPerSec[k],
    throughputPerSec: ts.throughputPerSec[k],
    p50Ms: val(ts.p50Ms[k]),
    p99Ms: val(ts.p99Ms[k]),
    queueLength: ts.queueLength[k],
  }));
}
