/**
 * Meaning checks of a parsed scenario against its document: targets exist and
 * are of the right sort, counts fit the node, and overlapping events do not
 * contradict each other. Errors name the field (`scenario.events[3].target`).
 */
import { type TopologyError, formatPath } from '../errorText';
import type { ScenarioEvent } from './scenarioSchema';

/** What the checks need to know about the document. */
export interface ScenarioTargets {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  /** Ids of cache nodes (cacheFlush must target one); omitted: not checked. */
  cacheIds?: readonly string[];
  /** Replicas per node id (a crash may not take more); omitted: not checked. */
  replicasById?: ReadonlyMap<string, number>;
  /** Length of the run in seconds (an event must start before it ends); omitted: not checked. */
  runDurationSec?: number;
}

/** Whether [a.atSec, a.atSec + a.durationSec) and the same of b intersect. */
export function eventsOverlap(a: ScenarioEvent, b: ScenarioEvent): boolean {
  return a.atSec < b.atSec + b.durationSec && b.atSec < a.atSec + a.durationSec;
}

/** Replicas a crash event takes down from a node of `replicas`: `replicas`, or ⌈fraction × replicas⌉, at most all. */
export function crashedReplicas(e: { replicas?: number; fraction?: number }, replicas: number): number {
  const n = e.replicas ?? Math.ceil((e.fraction ?? 0) * replicas - 1e-9);
  return Math.min(replicas, n);
}

const at = (i: number, field: string) => formatPath(['scenario', 'events', i, field]);

/**
 * Every problem with the scenario's meaning (empty: fine). Checks: the target
 * is a node (an edge for `partition`, a cache for `cacheFlush`); an event other
 * than a cache flush lasts longer than 0 s; it starts before the run ends; a
 * crash takes at most the node's replicas, also summed over crashes that
 * overlap in time; two overlapping partitions of one edge have the same mode.
 */
export function validateScenario(events: readonly ScenarioEvent[], t: ScenarioTargets): TopologyError[] {
  const errors: TopologyError[] = [];
  const nodes = new Set(t.nodeIds);
  const edges = new Set(t.edgeIds);
  const caches = t.cacheIds ? new Set(t.cacheIds) : null;
  events.forEach((e, i) => {
    if (e.kind === 'partition') {
      if (!edges.has(e.target)) errors.push({ path: at(i, 'target'), message: 'must be the id of an edge (a partition cuts a call)' });
    } else if (!nodes.has(e.target)) {
      errors.push({ path: at(i, 'target'), message: `must be the id of a node (a ${e.kind} hits a node)` });
    } else if (e.kind === 'cacheFlush' && caches && !caches.has(e.target)) {
      errors.push({ path: at(i, 'target'), message: 'must be the id of a cache node (only a cache can be flushed)' });
    }
    if (e.kind !== 'cacheFlush' && e.durationSec === 0) {
      errors.push({ path: at(i, 'durationSec'), message: `must be greater than 0: a ${e.kind} of 0 s has no effect` });
    }
    if (t.runDurationSec !== undefined && e.atSec >= t.runDurationSec) {
      errors.push({ path: at(i, 'atSec'), message: `must be before the end of the run (${t.runDurationSec} s)` });
    }
    if (e.kind === 'crash' && e.replicas !== undefined) {
      const have = t.replicasById?.get(e.target);
      if (have !== undefined && e.replicas > have) {
        errors.push({ path: at(i, 'replicas'), message: `must be at most the node's ${have} replicas` });
      }
    }
  });
  checkOverlaps(events, t, errors);
  return errors;
}

function checkOverlaps(events: readonly ScenarioEvent[], t: ScenarioTargets, errors: TopologyError[]): void {
  for (let i = 0; i < events.length; i++) {
    const a = events[i];
    if (a.kind === 'partition') {
      for (let j = 0; j < i; j++) {
        const b = events[j];
        if (b.kind === 'partition' && b.target === a.target && b.mode !== a.mode && eventsOverlap(a, b)) {
          errors.push({ path: at(i, 'mode'), message: `overlaps events[${j}] on the same edge with mode "${b.mode}"; overlapping partitions of one edge must have one mode` });
        }
      }
    }
    if (a.kind === 'crash') {
      const have = t.replicasById?.get(a.target);
      if (have === undefined) continue;
      // The most replicas down at one instant while a is on, counting a and the earlier-listed crashes of
      // the same node: the sum only rises at a start, so the starts within a are the instants to try.
      const same: ScenarioEvent[] = [a];
      const with_: number[] = [];
      for (let j = 0; j < i; j++) {
        const b = events[j];
        if (b.kind === 'crash' && b.target === a.target && eventsOverlap(a, b)) {
          same.push(b);
          with_.push(j);
        }
      }
      let down = 0;
      for (const s of same) {
        const tSec = Math.max(s.atSec, a.atSec);
        let sum = 0;
        for (const c of same) if (c.kind === 'crash' && c.atSec <= tSec && tSec < c.atSec + c.durationSec) sum += crashedReplicas(c, have);
        down = Math.max(down, sum);
      }
      if (with_.length > 0 && down > have) {
        errors.push({
          path: at(i, 'replicas'),
          message: `with the overlapping crashes events[${with_.join('], events[')}] takes ${down} replicas down, more than the node's ${have} (use an outage for all)`,
        });
      }
    }
  }
}
