/**
 * The per-node fault series of a scenario run (`NodeResult.faultSeries`), shaped once for every surface that shows
 * them: the studio's "One node through the scenario" charts (app/results/NodeFaultCharts.tsx), the report's per-node
 * charts (scenarioSection.ts) and the fault-series CSV (csv.ts). Pure.
 */
import type { ScenarioEvent } from '../engine/resilience/scenarioSchema';
import type { NodeFaultSeriesResult, RunResult } from '../engine/results';

export const FAULT_DESIGNS = ['microservices', 'monolith'] as const;
export type FaultDesign = (typeof FAULT_DESIGNS)[number];

/** The series of `NodeFaultSeriesResult`, in the order they are shown: key, title, y-axis label, CSV column. */
export const FAULT_SERIES = [
  { key: 'utilization', title: 'Utilisation (busy / servers)', axis: 'Busy servers / servers', column: 'utilization' },
  { key: 'queueLength', title: 'Requests waiting', axis: 'Requests waiting (time-average)', column: 'queue_length' },
  { key: 'inFlight', title: 'Requests at the node', axis: 'In service or waiting (time-average)', column: 'in_flight' },
  { key: 'errors', title: 'Failed visits', axis: 'Failed visits per window', column: 'failed_visits' },
] as const satisfies readonly { key: keyof NodeFaultSeriesResult; title: string; axis: string; column: string }[];

export type FaultSeriesKey = (typeof FAULT_SERIES)[number]['key'];

/** One node's series in both designs (undefined where that design has no series for it) and the windows' start times. */
export interface NodeFaultWindows {
  id: string;
  startSec: Float64Array;
  windowSec: number;
  series: Record<FaultDesign, NodeFaultSeriesResult | undefined>;
}

/** Whether the run has fault series for node `id` in the microservice design. */
export function hasFaultSeries(point: RunResult, id: string): boolean {
  return point.microservices.nodes.some((n) => n.id === id && n.faultSeries !== undefined);
}

/** The nodes (in the order given) that have fault series in the run. */
export function nodesWithFaultSeries<N extends { id: string }>(point: RunResult, nodes: readonly N[]): N[] {
  return nodes.filter((n) => hasFaultSeries(point, n.id));
}

/** The nodes the scenario's events hit (a node event's target), each once, in event order, that have fault series. */
export function hitNodes(point: RunResult, events: readonly ScenarioEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) if (!out.includes(e.target) && hasFaultSeries(point, e.target)) out.push(e.target);
  return out;
}

/** Node `id`'s windows in both designs. */
export function nodeFaultWindows(point: RunResult, id: string): NodeFaultWindows {
  const { startSec, windowSec } = point.microservices.timeSeries;
  const of = (d: FaultDesign) => point[d].nodes.find((n) => n.id === id)?.faultSeries;
  return { id, startSec, windowSec, series: { microservices: of('microservices'), monolith: of('monolith') } };
}

/** Value of one series in window k (null where the design has no series for the node, or the value is not finite). */
export function faultValue(w: NodeFaultWindows, d: FaultDesign, key: FaultSeriesKey, k: number): number | null {
  const v = w.series[d]?.[key][k];
  return v === undefined || !Number.isFinite(v) ? null : v;
}
