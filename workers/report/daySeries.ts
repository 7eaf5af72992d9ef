/**
 * A day of autoscaled traffic as chart rows, shared by the studio's Day view
 * and the report: replicas over time per autoscaled node (and the monolith's
 * units), cost per hour over time, cost per million requests per window, and
 * the day's totals. Pure; the engine's fields are read in `dayOf` only.
 */

import type { DesignResult, NodeTimeSeriesResult, RunResult } from '../engine/results';
import type { Topology } from '../engine/schema';

export const DAY_DESIGNS = ['microservices', 'monolith'] as const;
export type DayDesign = (typeof DAY_DESIGNS)[number];

/** One line of the replica chart: an autoscaled node's replicas per window, the monolith's units, or a design's total. */
export interface ReplicaLine {
  /** Node id, `unit` for the monolith's autoscaled units alone, or `total` for every replica of the design (for the monolith: its units and the remote infra). */
  id: string;
  label: string;
  design: DayDesign;
  /** Replicas per window (time-average over the window). */
  values: number[];
  /** Autoscaled lines (a node, the monolith's units): of `values`, those in their cold start and those draining. */
  starting?: number[];
  draining?: number[];
}

/** The day's totals of one design. */
export interface DayTotals {
  /** US$ over the whole run (replica-seconds × price). */
  costTotal: number;
  replicaHours: number;
  /** Seconds of windows whose SLO percentile broke the threshold. */
  sloViolationSec: number;
  coldStarts: number;
  /** costTotal ÷ completed requests × 10⁶ (US$); NaN when nothing completed. */
  costPerMillion: number;
}

/** Everything the day charts draw. */
export interface DaySeries {
  windowSec: number;
  /** Window starts, hours since the start of the run. */
  startHour: number[];
  replicas: ReplicaLine[];
  /** US$ per hour in each window (cost in the window ÷ its length). */
  costPerHour: Record<DayDesign, number[]>;
  /** US$ per million completed requests in each window (NaN when none completed). */
  costPerMillion: Record<DayDesign, number[]>;
  totals: Record<DayDesign, DayTotals>;
}

/** Rows for a line chart over the day: `hour` and one key per line. */
export type DayRow = { hour: number } & Record<string, number | null>;

const v = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

/** Replica chart rows: one per window, one key per line ({@link lineKey}). */
export function replicaRows(s: DaySeries): DayRow[] {
  return s.startHour.map((hour, k) => {
    const row: DayRow = { hour };
    for (const l of s.replicas) row[lineKey(l)] = v(l.values[k]);
    return row;
  });
}

/** Rows of a per-design series (cost per hour, cost per million): keys `microservices` and `monolith`. */
export function designRows(s: DaySeries, pick: (d: DayDesign) => readonly number[]): DayRow[] {
  return s.startHour.map((hour, k) => ({ hour, microservices: v(pick('microservices')[k]), monolith: v(pick('monolith')[k]) }));
}

/** Starting/draining chart rows: one per window, keys `<line key>-starting` and `<line key>-draining` per autoscaled line. */
export function transitionRows(s: DaySeries): DayRow[] {
  return s.startHour.map((hour, k) => {
    const row: DayRow = { hour };
    for (const l of s.replicas) {
      if (!l.starting || !l.draining) continue;
      row[`${lineKey(l)}-starting`] = v(l.starting[k]);
      row[`${lineKey(l)}-draining`] = v(l.draining[k]);
    }
    return row;
  });
}

/** The autoscaled lines (nodes and the monolith's units): those with a starting/draining split. */
export const scaledLines = (s: DaySeries) => s.replicas.filter((l) => l.starting && l.draining);

/** Fewest and most replicas a line reaches over the day (time-averaged per window). */
export function replicaRange(l: ReplicaLine): { min: number; max: number } {
  const finite = l.values.filter(Number.isFinite);
  return finite.length ? { min: Math.min(...finite), max: Math.max(...finite) } : { min: Number.NaN, max: Number.NaN };
}

/** True when the document autoscales anything (a node or the monolith). */
export function autoscales(doc: Topology): boolean {
  return doc.nodes.some((n) => n.autoscale !== undefined) || doc.monolith.autoscale !== undefined;
}

function totals(d: DesignResult): DayTotals {
  const done = d.endToEnd.completed;
  return {
    costTotal: d.costTotal,
    replicaHours: d.replicaHours,
    sloViolationSec: d.sloViolationSec,
    coldStarts: d.coldStarts,
    costPerMillion: done > 0 ? (d.costTotal / done) * 1e6 : Number.NaN,
  };
}

/** The day charts of one run of an autoscaling document; null when the document does not autoscale. */
export function dayOf(doc: Topology, point: RunResult): DaySeries | null {
  if (!autoscales(doc)) return null;
  const ts = point.microservices.timeSeries;
  const windowSec = ts.windowSec;
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label || n.id]));
  const replicas: ReplicaLine[] = [];
  const scaled = (t: NodeTimeSeriesResult) => ({ values: Array.from(t.replicas), starting: Array.from(t.startingReplicas), draining: Array.from(t.drainingReplicas) });
  for (const n of point.microservices.nodes) {
    if (n.timeSeries) replicas.push({ id: n.id, label: labels.get(n.id) ?? n.id, design: 'microservices', ...scaled(n.timeSeries) });
  }
  const unit = point.monolith.unit;
  if (unit) replicas.push({ id: 'unit', label: 'Monolith: units', design: 'monolith', ...scaled(unit.timeSeries) });
  for (const d of DAY_DESIGNS) replicas.push({ id: 'total', label: `${d === 'monolith' ? 'Monolith' : 'Microservices'}: all replicas`, design: d, values: Array.from(point[d].timeSeries.replicas) });
  const perHour = (d: DesignResult) => Array.from(d.timeSeries.cost, (c) => (c / windowSec) * 3600);
  return {
    windowSec,
    startHour: Array.from(ts.startSec, (s) => s / 3600),
    replicas,
    costPerHour: { microservices: perHour(point.microservices), monolith: perHour(point.monolith) },
    costPerMillion: { microservices: Array.from(point.microservices.timeSeries.costPerMillionRequests), monolith: Array.from(point.monolith.timeSeries.costPerMillionRequests) },
    totals: { microservices: totals(point.microservices), monolith: totals(point.monolith) },
  };
}

/** A replica line's key in chart rows and test ids: the node id, `monolith-unit`, or `microservices-total` / `monolith-total`. */
export const lineKey = (l: ReplicaLine) => (l.id === 'total' || (l.id === 'unit' && l.design === 'monolith') ? `${l.design}-${l.id}` : l.id);

/** True for a line drawn in its design's colour (a design's total, the monolith's units); nodes get colours of their own. */
export const designLine = (l: ReplicaLine) => l.id === 'total' || (l.id === 'unit' && l.design === 'monolith');

/** Dash of a replica line: nodes and the monolith's units solid, the microservices' total dotted, the monolith's dashed. */
export const lineDash = (l: ReplicaLine) => (l.id !== 'total' ? undefined : l.design === 'monolith' ? '7 4' : '2 3');

/** Hour ticks for a day axis: every 6 h over a day or more, else every hour (at most 25). */
export function hourTicks(s: DaySeries): number[] {
  const end = dayEndHour(s);
  const step = end >= 12 ? 6 : end >= 3 ? 1 : 0.25;
  return Array.from({ length: Math.floor(end / step + 1e-9) + 1 }, (_, i) => i * step);
}

/** The end of the last window, hours. */
export function dayEndHour(s: DaySeries): number {
  return s.startHour.length ? s.startHour[s.startHour.length - 1] + s.windowSec / 3600 : 0;
}
