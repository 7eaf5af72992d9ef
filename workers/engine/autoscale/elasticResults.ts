/**
 * The results of elasticity, from a design's merged raw data: cost and
 * replicas per window and in total, SLO-violation seconds, cold starts, and
 * per autoscaled node its replica series. Every design gets the design-level
 * figures (a design without autoscaling: its fixed replicas and price over
 * time), so an autoscaled day can be set beside a fixed configuration.
 */
import type { CompiledModel } from '../compile';
import { bucketCount, bucketValue, quantile } from '../histogram';
import * as R from '../raw';
import type { ElasticUnitResult, NodeResult, TimeSeriesResult } from '../results';

const { E_COLD_STARTS, E_MAX_REPLICAS, E_MIN_REPLICAS, E_READY_SEC, E_REPLICA_SEC, ELASTIC_FIELDS, S_ARRIVALS, S_COMPLETED, SERIES_FIELDS, SERIES_SUB_BUCKETS, T_MEASURED_MS, T_SIMULATED_MS } = R;

/** The per-window series of elasticity (added to a design's time series). */
export type ElasticSeries = Pick<TimeSeriesResult, 'replicas' | 'cost' | 'costPerMillionRequests' | 'sloViolationSec'>;

/** The design-level elasticity figures of {@link DesignResult}. */
export interface ElasticTotals {
  costTotal: number;
  replicaHours: number;
  sloViolationSec: number;
  coldStarts: number;
}

/** Offset of autoscaled group k's block in `raw.elastic` (windows W): totals, W billed, W ready, W starting replica-seconds. */
export function elasticOffset(k: number, windows: number): number {
  return k * (ELASTIC_FIELDS + 3 * windows);
}

/** Length of `raw.elastic` for a model with `windows` windows. */
export function elasticLength(m: CompiledModel, windows: number): number {
  return elasticOffset(m.elastic.length, windows);
}

/** The mean latency of one window's histogram (bucket midpoints), NaN when empty. */
function histogramMean(counts: ArrayLike<number>, offset: number, sub: number): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < bucketCount(sub); i++) {
    const c = counts[offset + i];
    if (c > 0) {
      n += c;
      sum += c * bucketValue(i, sub);
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * Series and totals of a merged design (`reps` replications, run length
 * `endMs`). A window violates the SLO when its latency at the SLO percentile
 * exceeds the threshold, or when it completed nothing while requests arrived;
 * its seconds inside the measured interval count.
 */
export function elasticity(m: CompiledModel, raw: R.DesignRaw, reps: number, endMs: number): { series: ElasticSeries; totals: ElasticTotals } {
  const w = raw.series.length / SERIES_FIELDS;
  const wMs = raw.windowMs;
  const buckets = raw.seriesHist.length / w;
  const measuredMs = raw.totals[T_MEASURED_MS] / reps;
  const simulatedMs = raw.totals[T_SIMULATED_MS] / reps;
  const warmMs = simulatedMs - measuredMs;
  const series: ElasticSeries = { replicas: new Float64Array(w), cost: new Float64Array(w), costPerMillionRequests: new Float64Array(w), sloViolationSec: new Float64Array(w) };
  let sloViolationSec = 0;
  for (let k = 0; k < w; k++) {
    const lenMs = Math.max(1e-9, Math.min(wMs, endMs - k * wMs));
    let replicaSec = (m.staticReplicas * lenMs) / 1000;
    let cost = (m.staticCostPerHour * lenMs) / 3.6e6;
    m.elastic.forEach((g, j) => {
      const sec = raw.elastic[elasticOffset(j, w) + ELASTIC_FIELDS + k] / reps;
      replicaSec += sec;
      cost += (sec * g.pricePerHour) / 3600;
    });
    series.replicas[k] = replicaSec / (lenMs / 1000);
    series.cost[k] = cost;
    const o = k * SERIES_FIELDS;
    const completed = raw.series[o + S_COMPLETED] / reps;
    series.costPerMillionRequests[k] = completed > 0 ? (cost / completed) * 1e6 : Number.NaN;
    const from = Math.max(k * wMs, warmMs);
    const to = Math.min(k * wMs + lenMs, simulatedMs);
    if (to <= from) continue;
    const h = k * buckets;
    const q = Number.isNaN(m.sloQuantile) ? histogramMean(raw.seriesHist, h, SERIES_SUB_BUCKETS) : quantile(raw.seriesHist, h, SERIES_SUB_BUCKETS, m.sloQuantile);
    const bad = completed > 0 ? q > m.sloThresholdMs : raw.series[o + S_ARRIVALS] > 0;
    if (bad) {
      series.sloViolationSec[k] = (to - from) / 1000;
      sloViolationSec += (to - from) / 1000;
    }
  }
  let replicaSec = (m.staticReplicas * measuredMs) / 1000;
  let costTotal = (m.staticCostPerHour * measuredMs) / 3.6e6;
  let coldStarts = 0;
  m.elastic.forEach((g, j) => {
    const o = elasticOffset(j, w);
    const sec = raw.elastic[o + E_REPLICA_SEC] / reps;
    replicaSec += sec;
    costTotal += (sec * g.pricePerHour) / 3600;
    coldStarts += raw.elastic[o + E_COLD_STARTS] / reps;
  });
  return { series, totals: { costTotal, replicaHours: replicaSec / 3600, sloViolationSec, coldStarts } };
}

/** Autoscaled group j's replica series and totals (a node's, or the monolith's unit). */
function groupElasticity(m: CompiledModel, raw: R.DesignRaw, reps: number, j: number): ElasticUnitResult {
  const w = raw.series.length / SERIES_FIELDS;
  const wMs = raw.windowMs;
  const endMs = raw.totals[T_SIMULATED_MS] / reps;
  const g = m.elastic[j];
  const o = elasticOffset(j, w);
  const e = raw.elastic;
  const replicas = new Float64Array(w);
  const readyReplicas = new Float64Array(w);
  const startingReplicas = new Float64Array(w);
  const drainingReplicas = new Float64Array(w);
  for (let k = 0; k < w; k++) {
    const lenSec = Math.max(1e-9, Math.min(wMs, endMs - k * wMs)) / 1000;
    replicas[k] = e[o + ELASTIC_FIELDS + k] / reps / lenSec;
    readyReplicas[k] = e[o + ELASTIC_FIELDS + w + k] / reps / lenSec;
    startingReplicas[k] = e[o + ELASTIC_FIELDS + 2 * w + k] / reps / lenSec;
    // Billed = ready + starting + draining; rounding below 1e-9 replica is not a draining replica.
    const draining = replicas[k] - readyReplicas[k] - startingReplicas[k];
    drainingReplicas[k] = draining > 1e-9 ? draining : 0;
  }
  const sec = e[o + E_REPLICA_SEC] / reps;
  return {
    timeSeries: { replicas, readyReplicas, startingReplicas, drainingReplicas },
    elasticity: {
      coldStarts: e[o + E_COLD_STARTS] / reps,
      replicaHours: sec / 3600,
      costTotal: (sec * g.pricePerHour) / 3600,
      minReplicas: e[o + E_MIN_REPLICAS] / reps,
      maxReplicas: e[o + E_MAX_REPLICAS] / reps,
    },
  };
}

/** The monolith's autoscaled unit on its own, or undefined when no unit autoscales (a microservice design, a fixed monolith). */
export function unitElasticity(m: CompiledModel, raw: R.DesignRaw, reps: number): ElasticUnitResult | undefined {
  const j = m.elastic.findIndex((g) => g.node < 0);
  return j < 0 ? undefined : groupElasticity(m, raw, reps, j);
}

/**
 * Adds `timeSeries` and `elasticity` to the results of autoscaled nodes (in
 * place), and gives them a utilisation over the servers they had: busy
 * servers ÷ (ready replica-time × servers per replica).
 */
export function addNodeElasticity(m: CompiledModel, raw: R.DesignRaw, reps: number, nodes: NodeResult[]): void {
  const w = raw.series.length / SERIES_FIELDS;
  m.elastic.forEach((g, j) => {
    if (g.node < 0) return;
    const o = elasticOffset(j, w);
    const readyServerMs = (raw.elastic[o + E_READY_SEC] * 1000 * m.nodeServers[g.node]) / g.autoscale.maxReplicas;
    const busyMs = raw.nodeStats[g.node * R.NODE_FIELDS + R.N_BUSY_AREA];
    const u = readyServerMs > 0 ? busyMs / readyServerMs : 0;
    nodes[g.node].utilization = u;
    nodes[g.node].utilizationMin = u;
    nodes[g.node].utilizationMax = u;
    const { timeSeries, elasticity } = groupElasticity(m, raw, reps, j);
    nodes[g.node].timeSeries = timeSeries;
    nodes[g.node].elasticity = elasticity;
  });
}
