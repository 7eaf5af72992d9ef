/** JSON output of the CLI: typed arrays become plain lists, NaN and ±Infinity become null. */
import type { DesignResult, RunResult, SweepResult } from '../engine/results';

/** A design without its raw latency histogram (its percentiles are in endToEnd). */
function plainDesign(d: DesignResult): Omit<DesignResult, 'latencyHistogram'> {
  const { latencyHistogram: _drop, ...rest } = d;
  if (!d.nodes.some((n) => n.faultSeries)) return rest;
  // A scenario run: each node's fault series print as its `timeSeries` (utilization, queueLength, inFlight, errors), next to any other keys.
  const nodes = d.nodes.map(({ faultSeries, ...n }) => (faultSeries ? { ...n, timeSeries: { ...n.timeSeries, ...faultSeries } } : n));
  return { ...rest, nodes: nodes as DesignResult['nodes'] };
}

/** The printable form of a run: both designs (time series included, histogram left out) and the analytic prediction. */
export function plainRun(r: RunResult) {
  return { ...r, microservices: plainDesign(r.microservices), monolith: plainDesign(r.monolith) };
}

/** The printable form of a sweep: `{ points: [ { ratePerSec, microservices, monolith, analytic, … } ] }`. */
export function plainSweep(s: SweepResult) {
  return { points: s.points.map(plainRun) };
}

/** JSON text (2-space indent, newline at the end) with typed arrays as lists and non-finite numbers as null. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, v) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as Float64Array, (x) => (Number.isFinite(x) ? x : null));
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      return v;
    },
    2,
  );
  return `${text}\n`;
}
