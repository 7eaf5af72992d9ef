/**
 * A document's fault scenario compiled against its compiled stations: the
 * timeline of scenarioTimeline.ts (targets resolved to compiled node and
 * edge indices; a deployable `unit` name, such as the derived monolith's
 * `"monolith"`, is a target too: its replica set) plus, per replica group,
 * what the simulator needs to take replicas down or cut their concurrency:
 * the group's real replicas and servers per replica, and the timeline
 * columns that act on it (its member nodes' and its unit's). Null for a
 * document without events: such a design never reaches the scenario
 * simulator (resilience/scenarioSim.ts).
 */
import type { CompiledModel } from '../compile';
import { SPECIAL_LLM, SPECIAL_NONE, SPECIAL_TRITON } from '../compileEngines';
import type { CompiledStations } from '../compileStations';
import { LB_POOLED } from '../compileStations';
import type { Topology } from '../schema';
import { type CompiledScenario, compileScenario } from './scenarioTimeline';
import { lastEventEndSec } from './scenarioSchema';

/** The compiled scenario of one design. */
export interface CompiledFaults {
  timeline: CompiledScenario;
  /** Per group: replicas as deployed (a pooled group's one station holds them all) and servers of one replica. */
  groupReplicas: Int32Array;
  groupPerReplica: Int32Array;
  /** Per group: the timeline columns acting on its servers (crash, outage, capacity); empty when none. */
  groupColumns: Int32Array[];
  /** Per group: 1 when its servers cannot be faulted (a plain batcher, an autoscaled Triton node or llm-server: not simulated yet). */
  groupEngine: Uint8Array;
  /** End of the last event, ms (recovery is measured from it; the monolith takes the microservice design's). */
  lastEventEndMs: number;
}

/**
 * The monolith of a scenario run: compiled with a scenario even when the mapping left it no event (every
 * event was a partition of an in-process call), and measuring recovery from the same instant as the
 * microservice design (the end of the document's last event).
 */
export function monolithFaults(mono: CompiledModel, monoDoc: Topology, micro: CompiledFaults): CompiledFaults {
  const f = mono.scenario ?? compileFaults(monoDoc, mono, mono.edgeIds, (i) => unfaultedEngine(mono, i), true)!;
  return { ...f, lastEventEndMs: micro.lastEventEndMs };
}

/**
 * Whether node i of a compiled model runs an engine whose servers a scenario cannot fault yet: a
 * plain batcher, or a Triton node or llm-server of an autoscaled group (a fixed Triton node's model
 * instances crash and are cut: scenarioCore.ts; a fixed llm-server's engines crash: scenarioLlm.ts).
 */
export function unfaultedEngine(m: Pick<CompiledModel, 'nodeBatchMax' | 'nodeSpecial' | 'nodeGroup' | 'groupElastic'>, i: number): boolean {
  const special = m.nodeSpecial[i];
  // A fixed Triton node's model instances and a fixed llm-server's engines crash (scenarioCore.ts, scenarioLlm.ts).
  if (special === SPECIAL_TRITON || special === SPECIAL_LLM) return m.groupElastic[m.nodeGroup[i]] >= 0;
  return m.nodeBatchMax[i] > 0 || special !== SPECIAL_NONE;
}

/**
 * Compiles `doc.scenario` for a design whose stations and edges are compiled; null without events, unless
 * `always` (the derived monolith of a scenario run whose events all vanished in the mapping, or a design
 * with resilience patterns (compilePatterns.ts): it still reports the scenario's results, with a timeline of
 * no effect).
 */
export function compileFaults(doc: Topology, st: CompiledStations, edgeIds: readonly string[], engineNode: (i: number) => boolean, always = false): CompiledFaults | null {
  const events = doc.scenario?.events ?? [];
  if (events.length === 0 && !always) return null;
  const nodeIds = doc.nodes.map((n) => n.id);
  const taken = new Set(nodeIds);
  const units = [...new Set([...doc.pools.map((p) => p.unit), ...doc.nodes.map((n) => n.unit)].filter((u): u is string => u != null && !taken.has(u)))];
  const gc = st.groupCount;
  const groupReplicas = new Int32Array(gc);
  const groupPerReplica = new Int32Array(gc);
  const poolIndex = new Map(doc.pools.map((p, k) => [p.id, k]));
  const groupEngine = new Uint8Array(gc);
  doc.nodes.forEach((n, i) => {
    const g = st.nodeGroup[i];
    const pool = n.pool !== null ? poolIndex.get(n.pool) : undefined;
    groupReplicas[g] = pool !== undefined ? doc.pools[pool].replicas : n.replicas;
    if (engineNode(i)) groupEngine[g] = 1;
  });
  for (let g = 0; g < gc; g++) {
    const s0 = st.groupStation0[g];
    groupPerReplica[g] = st.groupBalancer[g] === LB_POOLED ? Math.round(st.stationServers[s0] / Math.max(1, groupReplicas[g])) : st.stationServers[s0];
  }
  // Replicas per timeline target: a node's are its group's; a unit's, its first group's.
  const unitReplicas = units.map((u) => {
    for (let g = 0; g < gc; g++) if (unitName(doc, st, g) === u) return groupReplicas[g];
    return 1;
  });
  const replicas = [...nodeIds.map((_, i) => groupReplicas[st.nodeGroup[i]]), ...unitReplicas];
  const timeline = compileScenario(events, { nodeIds: [...nodeIds, ...units], edgeIds, replicas });
  const groupColumns: Int32Array[] = [];
  for (let g = 0; g < gc; g++) {
    const cols = new Set<number>();
    for (let i = 0; i < nodeIds.length; i++) if (st.nodeGroup[i] === g && timeline.nodeColumn[i] >= 0) cols.add(timeline.nodeColumn[i]);
    const u = unitName(doc, st, g);
    const k = u === null ? -1 : units.indexOf(u);
    if (k >= 0 && timeline.nodeColumn[nodeIds.length + k] >= 0) cols.add(timeline.nodeColumn[nodeIds.length + k]);
    groupColumns.push(Int32Array.from([...cols].sort((a, b) => a - b)));
  }
  return { timeline, groupReplicas, groupPerReplica, groupColumns, groupEngine, lastEventEndMs: (lastEventEndSec(events) ?? 0) * 1000 };
}

/** The `unit` of group g (its pool's, or its node's), null for none. */
function unitName(doc: Topology, st: CompiledStations, g: number): string | null {
  const poolCount = doc.pools.length;
  if (g < poolCount) return doc.pools[g].unit;
  const i = st.nodeGroup.indexOf(g);
  return i >= 0 ? (doc.nodes[i].unit ?? null) : null;
}
