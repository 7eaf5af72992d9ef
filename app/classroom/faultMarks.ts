/**
 * Which nodes and calls the document's fault scenario hits at a moment of the
 * playback (pure, no DOM). The events are compiled with the engine's own
 * timeline (scenarioTimeline.ts): the run cut into segments at every start
 * and end of an event, a node faulted in a segment when `nodeFaulted` says so
 * (an event's effect is on during [atSec, atSec + durationSec), off after),
 * an edge partitioned when `partitionAt` says so. One frame per segment is
 * worked out once; the animation looks the frame up by the playback clock.
 */
import type { ScenarioEvent, ScenarioEventKind } from '../../workers/engine/resilience/scenarioSchema';
import { eventEndSec } from '../../workers/engine/resilience/scenarioSchema';
import {
  type CompiledScenario,
  compileScenario,
  nodeCell,
  nodeFaulted,
  PARTITION_HANG,
  PARTITION_NONE,
  partitionAt,
  replicasDownAt,
  segmentAt,
} from '../../workers/engine/resilience/scenarioTimeline';
import type { Topology } from '../../workers/engine/schema';
import { CAUSE_NAMES, REQ_DROPPED, REQ_FAILED, type TraceResult } from '../../workers/engine/traceResult';
import { describeEffect, KIND_LABEL } from '../../workers/report/scenarioText';

/** A faulted node in one segment: the kind of its first active event (its colour) and one line per active event. */
export interface NodeMark {
  kind: ScenarioEventKind;
  kinds: ScenarioEventKind[];
  lines: string[];
  /** Replicas down (crash, outage) and the share of each replica's concurrency left (capacity), as the engine applies them. */
  replicasDown: number;
  replicas: number;
  capacityFraction: number;
}

/** Servers a node has while marked: its replicas up × its concurrency left (⌊c × fraction⌋, at least 1), as the engine counts them. */
export function serversUp(mark: NodeMark | null, servers: number): number {
  if (!mark) return servers;
  const per = servers / Math.max(1, mark.replicas);
  const up = Math.max(0, mark.replicas - mark.replicasDown);
  return up * Math.max(1, Math.floor(per * mark.capacityFraction + 1e-9));
}

/** A partitioned call in one segment. */
export interface EdgeMark {
  mode: 'fail' | 'hang';
  line: string;
}

/** The marks of one segment, by node index and edge index of the lists given to {@link playbackFaults}. */
export interface FaultFrame {
  nodes: (NodeMark | null)[];
  edges: (EdgeMark | null)[];
  /** How many nodes and edges are marked (0 and 0: nothing to draw). */
  count: number;
}

export interface PlaybackFaults {
  /** The compiled timeline (its segments). */
  cs: CompiledScenario;
  /** One frame per segment. */
  frames: FaultFrame[];
}

const line = (e: ScenarioEvent) => `⚡ ${KIND_LABEL[e.kind]}: ${describeEffect(e)}`;

/**
 * The marks of `doc`'s scenario for the given node and edge ids (a trace's, in
 * its order); null when the document has no events. A node is also hit by an
 * event on its deployment unit (its own or its pool's `unit`).
 */
export function playbackFaults(doc: Topology, nodeIds: readonly string[], edgeIds: readonly string[]): PlaybackFaults | null {
  const events = doc.scenario?.events ?? [];
  if (events.length === 0) return null;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const pools = new Map(doc.pools.map((p) => [p.id, p]));
  const unitOf = nodeIds.map((id) => {
    const n = byId.get(id);
    if (!n) return null;
    const pool = n.pool !== null ? pools.get(n.pool) : undefined;
    return pool ? pool.unit : (n.unit ?? null);
  });
  const units = [...new Set(unitOf.filter((u): u is string => u !== null && !byId.has(u)))];
  const replicas = nodeIds.map((id) => {
    const n = byId.get(id);
    const pool = n && n.pool !== null ? pools.get(n.pool) : undefined;
    return pool ? pool.replicas : (n?.replicas ?? 1);
  });
  const cs: CompiledScenario = compileScenario(events, { nodeIds: [...nodeIds, ...units], edgeIds, replicas: [...replicas, ...units.map(() => 1)] });
  const unitIndex = unitOf.map((u) => (u === null ? -1 : units.indexOf(u)));
  const frames = Array.from(cs.timesMs, (startMs) => {
    const active = events.filter((e) => e.atSec * 1000 <= startMs && startMs < eventEndSec(e) * 1000);
    const seg = segmentAt(cs, startMs);
    let count = 0;
    const nodes = nodeIds.map((id, i) => {
      const u = unitIndex[i];
      if (!nodeFaulted(cs, seg, i) && !(u >= 0 && nodeFaulted(cs, seg, nodeIds.length + u))) return null;
      const on = active.filter((e) => e.target === id || (u >= 0 && e.target === units[u]));
      if (on.length === 0) return null;
      count++;
      const cells = [nodeCell(cs, seg, i), u >= 0 ? nodeCell(cs, seg, nodeIds.length + u) : -1].filter((c) => c >= 0);
      const down = Math.max(replicasDownAt(cs, seg, i), u >= 0 ? replicasDownAt(cs, seg, nodeIds.length + u) : 0);
      return {
        kind: on[0].kind,
        kinds: [...new Set(on.map((e) => e.kind))],
        lines: on.map(line),
        replicasDown: Math.min(replicas[i], down),
        replicas: replicas[i],
        capacityFraction: Math.min(...cells.map((c) => cs.capacityFraction[c])),
      };
    });
    const edges = edgeIds.map((id, e) => {
      const p = partitionAt(cs, seg, e);
      if (p === PARTITION_NONE) return null;
      count++;
      const ev = active.find((x) => x.target === id && x.kind === 'partition');
      return { mode: p === PARTITION_HANG ? ('hang' as const) : ('fail' as const), line: ev ? line(ev) : '⚡ Partition' };
    });
    return { nodes, edges, count };
  });
  return { cs, frames };
}

/** The marks at playback time tMs (ms since the run's start). */
export function faultFrameAt(pf: PlaybackFaults | null, tMs: number): FaultFrame | null {
  if (pf === null) return null;
  return pf.frames[segmentAt(pf.cs, tMs)];
}

/** "2 failed: crash 2" — the sampled requests that failed or were dropped, by cause ('' when none did). */
export function failureSummary(t: Pick<TraceResult, 'requests' | 'reqStatus' | 'reqCause'>): string {
  const byCause = new Map<string, number>();
  let failed = 0;
  for (let r = 0; r < t.requests; r++) {
    if (t.reqStatus[r] !== REQ_FAILED && t.reqStatus[r] !== REQ_DROPPED) continue;
    failed++;
    const c = t.reqCause?.[r] ?? -1;
    const name = c >= 0 ? CAUSE_NAMES[c] : t.reqStatus[r] === REQ_DROPPED ? 'dropped' : 'error';
    byCause.set(name, (byCause.get(name) ?? 0) + 1);
  }
  if (failed === 0) return '';
  return `${failed} failed: ${[...byCause].map(([name, n]) => `${name} ${n}`).join(', ')}`;
}
