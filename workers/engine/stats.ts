/**
 * Turns raw replication data (counts, sums, histograms) into the results
 * the UI and the CLI show: end-to-end and per-node statistics, a time
 * series, cost, and 95% confidence intervals across replications.
 */
import { llmDesignFields } from './llm/llmResults';
import { addNodeElasticity, type ElasticSeries, elasticity, unitElasticity } from './autoscale/elasticResults';
import type { CompiledModel } from './compile';
import { addFaultResults } from './resilience/faultResults';
import { breakerResults, retryBudgetResults } from './resilience/patternResults';
import { FINE_SUB_BUCKETS, quantiles } from './histogram';
import * as R from './raw';
import type { Ci95, DesignResult, EndToEndResult, NodeResult, TimeSeriesResult } from './results';
import { ci95HalfWidth } from './tdist';

export { histogramBucketBounds } from './histogram';

const QS = [0.5, 0.9, 0.95, 0.99, 0.999] as const;

/** End-to-end figures of a raw design (one replication or a merge). Latency figures are NaN when nothing completed. */
export function endToEnd(raw: R.DesignRaw): EndToEndResult {
  const t = raw.totals;
  const completed = t[R.T_COMPLETED];
  const [p50, p90, p95, p99, p999] = quantiles(raw.latency, 0, FINE_SUB_BUCKETS, QS, t[R.T_LAT_MAX]);
  return {
    completed,
    throughputPerSec: t[R.T_MEASURED_MS] > 0 ? completed / (t[R.T_MEASURED_MS] / 1000) : 0,
    meanMs: completed > 0 ? t[R.T_LAT_SUM] / completed : Number.NaN,
    p50Ms: p50,
    p90Ms: p90,
    p95Ms: p95,
    p99Ms: p99,
    p999Ms: p999,
    maxMs: completed > 0 ? t[R.T_LAT_MAX] : Number.NaN,
    errors: t[R.T_ERRORS],
    timeouts: t[R.T_TIMEOUTS],
    dropped: t[R.T_DROPPED],
    arrivals: t[R.T_ARRIVALS],
    inFlight: t[R.T_IN_FLIGHT],
  };
}

/**
 * Half-widths across replications. A figure is left out (never NaN) when a
 * replication has no value for it: a latency of a replication that completed
 * nothing is undefined, and an interval over the others would hide that.
 */
function ci95(reps: readonly R.DesignRaw[]): Ci95 {
  const per = reps.map(endToEnd);
  const out: Ci95 = {};
  for (const k of CI_FIELDS) {
    const xs = per.map((e) => e[k]);
    const h = xs.every(Number.isFinite) ? ci95HalfWidth(xs) : Number.NaN;
    if (Number.isFinite(h)) out[k] = h;
  }
  return out;
}
const CI_FIELDS = ['throughputPerSec', 'meanMs', 'p50Ms', 'p90Ms', 'p95Ms', 'p99Ms', 'p999Ms'] as const;

function nodeResults(m: CompiledModel, raw: R.DesignRaw): NodeResult[] {
  const measuredMs = raw.totals[R.T_MEASURED_MS];
  const buckets = raw.nodeHist.length / Math.max(1, m.nodeCount);
  return m.nodeIds.map((id, i) => {
    const o = i * R.NODE_FIELDS;
    const s = raw.nodeStats;
    const served = s[o + R.N_SERVED];
    const servers = m.nodeServers[i];
    const p99 = served > 0 ? quantiles(raw.nodeHist, i * buckets, raw.nodeSubBuckets, [0.99], Number.POSITIVE_INFINITY)[0] : 0;
    const utilization = measuredMs > 0 ? s[o + R.N_BUSY_AREA] / (servers * measuredMs) : 0;
    const [utilizationMin, utilizationMax] = replicaSpread(m, raw, i, utilization);
    return {
      id,
      arrivalRatePerSec: measuredMs > 0 ? s[o + R.N_VISITS] / (measuredMs / 1000) : 0,
      utilization,
      utilizationMin,
      utilizationMax,
      meanQueueLength: measuredMs > 0 ? s[o + R.N_QUEUE_AREA] / measuredMs : 0,
      meanWaitMs: served > 0 ? s[o + R.N_WAIT_SUM] / served : 0,
      meanTimeInNodeMs: served > 0 ? s[o + R.N_TIN_SUM] / served : 0,
      p99TimeInNodeMs: p99,
      dropped: s[o + R.N_DROPPED],
    };
  });
}

/** Min and max utilisation over node i's replicas (balanced groups); [u, u] for a pooled node. */
function replicaSpread(m: CompiledModel, raw: R.DesignRaw, i: number, u: number): [number, number] {
  const base = m.nodeReplicaBase[i];
  const measuredMs = raw.totals[R.T_MEASURED_MS];
  if (base < 0 || !(measuredMs > 0)) return [u, u];
  const perReplica = m.stationServers[m.nodeStation[i]] * measuredMs;
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (let r = 0; r < m.groupReplicas[m.nodeGroup[i]]; r++) {
    const x = raw.replicaBusy[base + r] / perReplica;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

function timeSeries(raw: R.DesignRaw, endMs: number, replications: number): Omit<TimeSeriesResult, keyof ElasticSeries> {
  const w = raw.series.length / R.SERIES_FIELDS;
  const wMs = raw.windowMs;
  const buckets = raw.seriesHist.length / w;
  const out: Omit<TimeSeriesResult, keyof ElasticSeries> = {
    windowSec: wMs / 1000,
    startSec: new Float64Array(w),
    offeredPerSec: new Float64Array(w),
    throughputPerSec: new Float64Array(w),
    p50Ms: new Float64Array(w),
    p99Ms: new Float64Array(w),
    queueLength: new Float64Array(w),
    errors: new Float64Array(w),
  };
  for (let k = 0; k < w; k++) {
    const o = k * R.SERIES_FIELDS;
    const lenMs = Math.max(1e-9, Math.min(wMs, endMs - k * wMs)) * replications;
    out.startSec[k] = (k * wMs) / 1000;
    out.offeredPerSec[k] = raw.series[o + R.S_ARRIVALS] / (lenMs / 1000);
    out.throughputPerSec[k] = raw.series[o + R.S_COMPLETED] / (lenMs / 1000);
    const [p50, p99] = quantiles(raw.seriesHist, k * buckets, R.SERIES_SUB_BUCKETS, [0.5, 0.99], Number.POSITIVE_INFINITY);
    out.p50Ms[k] = p50;
    out.p99Ms[k] = p99;
    out.queueLength[k] = raw.series[o + R.S_QUEUE_AREA] / lenMs;
    out.errors[k] = raw.series[o + R.S_ERRORS] / replications;
  }
  return out;
}

/**
 * One design's result from its replications (in replication order).
 * Pooled figures come from the merged histograms and counts; `ci95` (when
 * there are 2 or more replications) from the spread of per-replication figures.
 */
export function designResult(m: CompiledModel, reps: readonly R.DesignRaw[], endMs: number): DesignResult {
  const merged = R.cloneDesignRaw(reps[0]);
  for (let r = 1; r < reps.length; r++) R.mergeDesignRaw(merged, reps[r]);
  const e2e = endToEnd(merged);
  if (reps.length > 1) e2e.ci95 = ci95(reps);
  const satNode = merged.totals[R.T_SAT_NODE];
  const elastic = elasticity(m, merged, reps.length, endMs);
  const nodes = nodeResults(m, merged);
  if (m.anyElastic) addNodeElasticity(m, merged, reps.length, nodes);
  const unit = m.anyElastic ? unitElasticity(m, merged, reps.length) : undefined;
  const fault = merged.fault ? addFaultResults(m, merged, reps.length, endMs, e2e, nodes) : undefined;
  return {
    endToEnd: e2e,
    nodes,
    saturated: merged.totals[R.T_SATURATED] > 0,
    saturatedNode: satNode >= 0 ? m.nodeIds[satNode] : null,
    costPerHour: m.costPerHour,
    costPerMillionRequests: e2e.throughputPerSec > 0 ? (m.costPerHour / (e2e.throughputPerSec * 3600)) * 1e6 : Number.NaN,
    ...elastic.totals,
    timeSeries: { ...timeSeries(merged, endMs, reps.length), ...elastic.series },
    latencyHistogram: { subBuckets: FINE_SUB_BUCKETS, counts: merged.latency },
    ...llmDesignFields(m, merged),
    ...(unit ? { unit } : {}),
    ...fault,
    ...(merged.breakers ? { breakers: breakerResults(m, merged.breakers) } : {}),
    ...(merged.retryBudgets ? { retryBudgets: retryBudgetResults(m, merged.retryBudgets) } : {}),
  };
}
