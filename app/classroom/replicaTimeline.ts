/**
 * Replica counts of autoscaled nodes over simulated time, for the labels the
 * animation draws on nodes: from the shown run's per-window series (replicas
 * being paid for, those ready and those starting), looked up by the animation's clock.
 */
import type { RunResult } from '../../workers/engine/results';

/** One autoscaled node's series. */
export interface NodeReplicaSeries {
  /** Mean replicas per window: starting, ready and draining (every replica being paid for). */
  replicas: Float64Array;
  /** Mean ready replicas per window (taking new requests). */
  ready: Float64Array;
  /** Mean replicas in their cold start per window (the rest of `replicas` drain). */
  starting: Float64Array;
}

export interface ReplicaTimeline {
  windowSec: number;
  byNode: ReadonlyMap<string, NodeReplicaSeries>;
}

/** The microservice design's autoscaled nodes of a run; null when none autoscaled. */
export function replicaTimeline(point: RunResult | null): ReplicaTimeline | null {
  if (!point) return null;
  const byNode = new Map<string, NodeReplicaSeries>();
  for (const n of point.microservices.nodes) if (n.timeSeries) byNode.set(n.id, { replicas: n.timeSeries.replicas, ready: n.timeSeries.readyReplicas, starting: n.timeSeries.startingReplicas });
  return byNode.size ? { windowSec: point.microservices.timeSeries.windowSec, byNode } : null;
}

/**
 * The label of a node at `simMs` (ms since the start of the run): replicas
 * rounded to whole ones, split into ready, starting (cold start) and draining
 * (what is left of the rounded total). Null for a node that does not autoscale.
 */
export function replicaLabel(t: ReplicaTimeline | null, nodeId: string, simMs: number): string | null {
  const s = t?.byNode.get(nodeId);
  if (!t || !s || s.replicas.length === 0) return null;
  const k = Math.max(0, Math.min(s.replicas.length - 1, Math.floor(simMs / 1000 / t.windowSec)));
  const total = Math.round(s.replicas[k]);
  const ready = Math.min(total, Math.round(s.ready[k]));
  const starting = Math.min(total - ready, Math.round(s.starting[k]));
  const draining = total - ready - starting;
  return `replicas ${total}: ${ready} ready${starting > 0 ? ` · ${starting} starting` : ''}${draining > 0 ? ` · ${draining} draining` : ''}`;
}
