/**
 * CSV of every sweep point and every per-node figure, straight from the
 * result objects (full precision, so a spreadsheet gets exactly what the
 * charts and tables were drawn from). RFC 4180 quoting; a text cell that
 * starts like a formula (= + - @, their full-width forms ＝ ＋ － ＠, also
 * behind leading spaces, non-breaking spaces or a tab) gets a leading apostrophe.
 */
import type { DesignResult, SweepResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { FAILURE_CAUSES, hasResilience } from './blastRadius';
import { FAULT_SERIES, faultValue, nodeFaultWindows, nodesWithFaultSeries } from './faultSeries';

type Value = string | number | boolean | null | undefined;

/** Text a spreadsheet may read as a formula: = + - @ (or full-width ＝ ＋ － ＠) after any white space (\s covers NBSP and U+3000), or a leading tab/CR. */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** One CSV cell. Numbers in full precision; NaN, ±Infinity and null become empty cells. */
export function csvCell(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(head: string[], rows: Value[][]): string {
  return `${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const SWEEP_CSV_COLUMNS = [
  'offered_per_sec', 'design', 'completed', 'throughput_per_sec', 'mean_ms', 'p50_ms', 'p90_ms', 'p95_ms', 'p99_ms', 'p999_ms', 'max_ms',
  'errors', 'timeouts', 'dropped', 'arrivals', 'in_flight', 'saturated', 'saturated_node', 'cost_per_hour', 'cost_per_million_requests',
  'analytic_mean_ms', 'analytic_saturation_per_sec', 'analytic_bottleneck', 'seed', 'replications',
];

/**
 * The scenario's columns, present only when the sweep ran a fault scenario (so a sweep without one gives the same
 * bytes as before): availability, goodput, the time to recover and whether the run did, rejections, and the
 * failures per cause (`endToEnd.errorsByCause`), one column each.
 */
export const SCENARIO_CSV_COLUMNS = ['availability', 'goodput_per_sec', 'recovery_sec', 'recovered', 'rejected', ...FAILURE_CAUSES.map(([k]) => `failed_${k}`)];

function scenarioCells(r: DesignResult): Value[] {
  return [r.availability, r.goodputPerSec, r.recoverySec, r.recovered, r.endToEnd.rejected ?? 0, ...FAILURE_CAUSES.map(([k]) => r.endToEnd.errorsByCause?.[k] ?? 0)];
}

/** Every sweep point: one row per offered load and design (with the scenario's columns when it ran one). */
export function sweepCsv(sweep: SweepResult): string {
  const scenario = sweep.points.some(hasResilience);
  const rows: Value[][] = [];
  for (const p of sweep.points) {
    for (const d of ['microservices', 'monolith'] as const) {
      const r = p[d];
      const e = r.endToEnd;
      const a = p.analytic[d];
      rows.push([
        p.ratePerSec, d, e.completed, e.throughputPerSec, e.meanMs, e.p50Ms, e.p90Ms, e.p95Ms, e.p99Ms, e.p999Ms, e.maxMs,
        e.errors, e.timeouts, e.dropped, e.arrivals, e.inFlight, r.saturated, r.saturatedNode, r.costPerHour, r.costPerMillionRequests,
        a.meanMs, a.saturationRatePerSec, a.bottleneck, p.seed, p.replications,
        ...(scenario ? scenarioCells(r) : []),
      ]);
    }
  }
  return csv(scenario ? [...SWEEP_CSV_COLUMNS, ...SCENARIO_CSV_COLUMNS] : SWEEP_CSV_COLUMNS, rows);
}

export const NODES_CSV_COLUMNS = [
  'offered_per_sec', 'design', 'node_id', 'node_label', 'arrival_rate_per_sec', 'utilization', 'mean_queue_length', 'mean_wait_ms',
  'mean_time_in_node_ms', 'p99_time_in_node_ms', 'dropped', 'analytic_utilization', 'analytic_mean_wait_ms', 'analytic_mean_time_in_node_ms',
];

/** Every per-node figure at every sweep point, both designs, with the analytic prediction beside it. */
export function nodesCsv(doc: Topology, sweep: SweepResult): string {
  const label = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const rows: Value[][] = [];
  for (const p of sweep.points) {
    for (const d of ['microservices', 'monolith'] as const) {
      const predicted = new Map(p.analytic[d].nodes.map((n) => [n.id, n]));
      for (const n of p[d].nodes) {
        const a = predicted.get(n.id);
        rows.push([
          p.ratePerSec, d, n.id, label.get(n.id) ?? '', n.arrivalRatePerSec, n.utilization, n.meanQueueLength, n.meanWaitMs,
          n.meanTimeInNodeMs, n.p99TimeInNodeMs, n.dropped, a?.utilization, a?.meanWaitMs, a?.meanTimeInNodeMs,
        ]);
      }
    }
  }
  return csv(NODES_CSV_COLUMNS, rows);
}

export const FAULT_SERIES_CSV_COLUMNS = ['offered_per_sec', 'design', 'node_id', 'node_label', 'window_start_sec', 'window_sec', ...FAULT_SERIES.map((f) => f.column)];

/** Whether the sweep has per-node fault series (a run of a document with scenario events): the fault-series CSV then has rows. */
export function hasFaultSeriesCsv(doc: Topology, sweep: SweepResult): boolean {
  return sweep.points.some((p) => nodesWithFaultSeries(p, doc.nodes).length > 0);
}

/**
 * The per-node fault series of a scenario sweep: one row per offered load, design, node and window (warm-up
 * included), with the node's utilisation, requests waiting and failed visits in that window (the shaping the
 * studio's and the report's per-node charts use: faultSeries.ts). Only the header without a scenario.
 */
export function faultSeriesCsv(doc: Topology, sweep: SweepResult): string {
  const rows: Value[][] = [];
  for (const p of sweep.points) {
    const nodes = nodesWithFaultSeries(p, doc.nodes).map((n) => nodeFaultWindows(p, n.id));
    for (const d of ['microservices', 'monolith'] as const) {
      for (const w of nodes) {
        if (!w.series[d]) continue;
        const label = doc.nodes.find((n) => n.id === w.id)?.label ?? '';
        for (let k = 0; k < w.startSec.length; k++) {
          rows.push([p.ratePerSec, d, w.id, label, w.startSec[k], w.windowSec, ...FAULT_SERIES.map((f) => faultValue(w, d, f.key, k))]);
        }
      }
    }
  }
  return csv(FAULT_SERIES_CSV_COLUMNS, rows);
}
