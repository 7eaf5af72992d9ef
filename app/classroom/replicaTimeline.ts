/**
 * Replica counts of autoscaled nodes over simulated time, for the labels the
 * animation draws on nodes: from the shown run's per-window series (replicas
 * being paid for, and those ready), looked up by the animation's clock.
 */
import type { RunResult } from '../../workers/engine/results';

/** One autoscaled node's series. */
export interface NodeReplicaSeries {
  /** Mean replicas per window: starting, ready and draining (every replica being paid for). */
  replicas: Float64Array;
  /** Mean ready replicas per window (taking new requests). */
  ready: Float64Array;
}

export interface ReplicaTimeline {
  windowSec: number;
  byNode: ReadonlyMap<string, NodeReplicaSeries>;
}

/** The microservice design's autoscaled nodes of a run; null when none autoscaled. */
export function replicaTimeline(point: RunResult | null): ReplicaTimeline | null {
  if (!point) return null;
  const byNode = new Map<string, NodeReplicaSeries>();
  for (const n of point.microservices.nodes) if (n.timeSeries) byNode.set(n.id, { replicas: n.timeSeries.replicas, ready: n.timeSeries.readyReplicas });
  return byNode.size ? { windowSec: point.microservices.timeSeries.windowSec, byNode } : null;
}

/**
 * The label of a node at `simMs` (ms since the start of the run): replicas
 * rounded to whole ones, split into ready and the rest (starting or draining:
 * the window's mean counts both). Null for a node that does not autoscale.
 */
export function replicaLabel(t: ReplicaTimeline | null, nodeId: string, simMs: number): string | null {
  const s = t?.byNode.get(nodeId);
  if (!t || !s || s.replicas.length === 0) return null;
  const k = Math.max(0, Math.min(s.replicas.length - 1, Math.floor(simMs / 1000 / t.windowSec)));
  const total = Math.round(s.replicas[k]);
  const ready = Math.min(total, Math.round(s.ready[k]));
  const other = total - ready;
  return `replicas ${total}: ${ready} ready${other > 0 ? ` · ${other} starting/draining` : ''}`;
}
