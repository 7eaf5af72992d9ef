/**
 * The engine's API as the Web Worker exposes it (through comlink) and as the
 * CLI calls it. Every function is pure: plain data in, plain data out.
 */
import { dayProfile } from './autoscale/dayProfiles';
import { deriveMonolith } from './monolith';
import { rightSize } from './rightsize';
import { type ParseResult, parseTopology } from './parse';
import { type ReplicationResult, rawBuffers } from './raw';
import type { DesignResult, RunResult, SweepResult } from './results';
import { combineReplications, runPoint, simulateReplication } from './run';
import { sweep, sweepRates } from './sweep';
import { traceDocument } from './trace';

/** Validates any value as a document (the worker's answer to "is this runnable?"). */
function validate(raw: unknown): ParseResult {
  return parseTopology(raw);
}

function designBuffers(d: DesignResult): ArrayBuffer[] {
  const ts = d.timeSeries;
  const elastic = [...d.nodes.map((n) => n.timeSeries), d.unit?.timeSeries];
  const nodeSeries = elastic.flatMap((t) => (t ? [t.replicas, t.readyReplicas, t.startingReplicas, t.drainingReplicas] : []));
  for (const n of d.nodes) if (n.faultSeries) nodeSeries.push(n.faultSeries.utilization, n.faultSeries.queueLength, n.faultSeries.inFlight, n.faultSeries.errors);
  return [ts.startSec, ts.offeredPerSec, ts.throughputPerSec, ts.p50Ms, ts.p99Ms, ts.queueLength, ts.errors, ts.replicas, ts.cost, ts.costPerMillionRequests, ts.sloViolationSec, d.latencyHistogram.counts, ...nodeSeries].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * The typed-array buffers inside a result, for `comlink.transfer(x, transferables(x))`
 * (moved, not copied). Each buffer appears once. The result must not be used after transfer.
 */
function transferables(x: RunResult | SweepResult | ReplicationResult): ArrayBuffer[] {
  let list: ArrayBuffer[];
  if ('points' in x) list = x.points.flatMap((p) => [...designBuffers(p.microservices), ...designBuffers(p.monolith)]);
  else if ('analytic' in x) list = [...designBuffers(x.microservices), ...designBuffers(x.monolith)];
  else list = [...rawBuffers(x.microservices), ...rawBuffers(x.monolith)];
  return [...new Set(list)];
}

export const engineApi = {
  validate,
  simulateReplication,
  combineReplications,
  runPoint,
  sweepRates,
  sweep,
  deriveMonolith,
  rightSize,
  traceDocument,
  transferables,
  dayProfile,
};
/** The API type the app's comlink proxy is typed with. */
export type EngineApi = typeof engineApi;

export type { ReplicationResult } from './raw';
