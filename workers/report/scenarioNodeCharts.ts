/**
 * The report's per-node fault charts: for each node a scenario event hits, its utilisation, requests waiting and
 * failed visits per window in both designs, with the events shaded: the static counterpart of the studio's
 * "One node through the scenario" (app/results/NodeFaultCharts.tsx), from the same shaping (faultSeries.ts).
 */
import type { ScenarioEvent } from '../engine/resilience/scenarioSchema';
import type { RunResult } from '../engine/results';
import type { Topology } from '../engine/schema';
import { FAULT_DESIGNS, FAULT_SERIES, type FaultSeriesKey, faultValue, hitNodes, nodeFaultWindows } from './faultSeries';
import { fmtNum } from './format';
import { labelOf } from './model';
import { DESIGN_COLOR, DESIGN_NAME } from './reportCharts';
import { type Band, type LineSeries, lineChart } from './svgChart';

/** One per-node chart: the node, the series, its SVG and a file-name-safe name (for "Charts as PNG"). */
export interface NodeFaultChart {
  node: string;
  series: FaultSeriesKey;
  name: string;
  svg: string;
}

/** A name safe in a file name: lower-case letters, digits and dashes. */
const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'node';

/** Each hit node's three charts, in event order, then series order; each point at its window's middle. */
export function nodeFaultCharts(doc: Topology, point: RunResult, events: readonly ScenarioEvent[], bands: Band[]): NodeFaultChart[] {
  return hitNodes(point, events).flatMap((id, n) => {
    const w = nodeFaultWindows(point, id);
    const x = (k: number) => w.startSec[k] + w.windowSec / 2;
    return FAULT_SERIES.map(({ key, title, axis, column }) => {
      const series: LineSeries[] = FAULT_DESIGNS.filter((d) => w.series[d]).map((d) => ({
        name: DESIGN_NAME[d],
        color: DESIGN_COLOR[d],
        dash: d === 'monolith' ? '7 4' : undefined,
        markers: false,
        points: Array.from(w.startSec, (_, k) => [x(k), faultValue(w, d, key, k) ?? Number.NaN] as const),
      }));
      const svg = lineChart({
        id: `scenario-node-${n}-${key}`,
        title: `${labelOf(doc, id)}: ${title.toLowerCase()}`,
        xLabel: 'Seconds since the start of the run',
        yLabel: axis,
        series,
        bands,
        // Utilisation on 0–1; a count on at least 0–1, so a node that never queued or failed shows a flat line at 0.
        yMax: key === 'utilization' ? 1 : Math.max(1, ...series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite)),
        height: 230,
      });
      return { node: id, series: key, name: `scenario-${safe(id)}-${safe(column)}`, svg };
    });
  });
}

/** The caption under a hit node's charts. */
export function nodeFaultCaption(windowSec: number): string {
  return `Per ${fmtNum(windowSec)} s window, in each design: busy servers over all the node's configured servers (crashed replicas included), requests waiting at it (time-average), and visits that failed there (a fault, a partitioned call into it, or a full queue). Shaded bands: the scenario's events.`;
}
