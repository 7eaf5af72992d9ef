/**
 * The same scenario, as the derived monolith lives through it (issue 11, "The
 * monolith under the same scenario"). The monolith is one deployable unit
 * holding every merged (service-role) component, replicated whole, so every
 * monolith replica hosts every merged component:
 * - a crash of a merged component takes down the machines that run it; in the
 *   monolith those machines run the whole unit, so the same share of the
 *   monolith's replicas crashes (2 of 8 ranker replicas → a quarter of the
 *   monolith's replicas), taking every component on them down;
 * - an outage of a merged component (all its replicas) is an outage of the monolith;
 * - a capacity fault (CPU throttling, a noisy neighbour) on a merged component's
 *   machines throttles the monolith replicas on them: every replica, the same percent;
 * - a latency spike or an error fraction stays on the component: its code is
 *   slower (and holds the shared threads longer) or fails inside the monolith;
 * - a partition of a call between two merged components disappears: the call
 *   is in-process in the monolith; a partition of any other call stays;
 * - infra faults (stores, caches, brokers: deployed separately in both designs) are identical;
 * - a crash of k of n engines of a co-located llm-server (one engine in each monolith replica) crashes
 *   the same share of its engines in the monolith (the unit's replicas stay up; the engines left take
 *   the requests); its other faults stay on it.
 * Each rewrite is listed in `notes`, for the UI and the report.
 */
import type { ScenarioEvent } from './scenarioSchema';
import { crashedReplicas } from './scenarioValidate';

/** What the mapping needs from the microservice document. */
export interface MonolithMappingModel {
  /** Ids of the merged (service-role, on the request path) nodes: `mergedNodeIds(doc)`. */
  merged: ReadonlySet<string>;
  /** Replicas of each merged node in the microservice design. */
  replicasById: ReadonlyMap<string, number>;
  /** Every edge's endpoints, by edge id. */
  edgesById: ReadonlyMap<string, { source: string; target: string }>;
  /** The id the monolith scenario uses for the deployable unit (its replica set). */
  monolithId: string;
  /** Ids of the llm-servers co-located in the unit (`colocatedLlmIds(doc)`); absent = none. */
  colocated?: ReadonlySet<string>;
}

/** The monolith's events, and one sentence per event that was rewritten or dropped. */
export interface MonolithScenario {
  events: ScenarioEvent[];
  notes: string[];
}

/** Maps a microservice scenario onto the derived monolith (pure; events keep their times and labels). */
export function scenarioForMonolith(events: readonly ScenarioEvent[], m: MonolithMappingModel): MonolithScenario {
  const out: ScenarioEvent[] = [];
  const notes: string[] = [];
  const unit = m.monolithId;
  events.forEach((e, i) => {
    const name = `events[${i}] (${e.kind} of ${e.target})`;
    if (e.kind === 'partition') {
      const edge = m.edgesById.get(e.target);
      if (edge && m.merged.has(edge.source) && m.merged.has(edge.target)) {
        notes.push(`${name}: dropped, the call is in-process in the monolith`);
      } else out.push(e);
      return;
    }
    if (e.kind === 'crash' && m.colocated?.has(e.target)) {
      const have = m.replicasById.get(e.target) ?? 1;
      const fraction = crashedReplicas(e, have) / have;
      const { replicas: _count, ...rest } = e;
      out.push({ ...rest, fraction });
      notes.push(`${name}: ${crashedReplicas(e, have)} of ${have} engines → a ${round3(fraction)} share of its engines in the monolith (one in each replica) crash`);
      return;
    }
    if (!m.merged.has(e.target)) {
      out.push(e);
      return;
    }
    switch (e.kind) {
      case 'crash': {
        const have = m.replicasById.get(e.target) ?? 1;
        const fraction = crashedReplicas(e, have) / have;
        const { replicas: _count, ...rest } = e;
        out.push({ ...rest, target: unit, fraction });
        notes.push(`${name}: ${crashedReplicas(e, have)} of ${have} replicas → a ${round3(fraction)} share of the monolith's replicas crash, with every component on them`);
        return;
      }
      case 'outage':
        out.push({ ...e, target: unit });
        notes.push(`${name}: the whole monolith is down (every replica hosts the component)`);
        return;
      case 'capacity':
        out.push({ ...e, target: unit });
        notes.push(`${name}: every monolith replica loses ${e.percent}% of its threads (they run the component's machines)`);
        return;
      default:
        // latency, errors: the component's own code, inside the unit; a cacheFlush never targets a service node.
        out.push(e);
    }
  });
  return { events: out, notes };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

