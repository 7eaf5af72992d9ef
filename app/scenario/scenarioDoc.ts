/**
 * The document's scenario (`doc.scenario.events[]`, issue 11) as the studio
 * edits it: read, replace, create and move events, and which nodes and edges
 * they hit. Pure functions over the document; the store applies them.
 */
import type { Topology } from '../../workers/engine/schema';
import type { ScenarioEvent, ScenarioEventKind } from '../../workers/engine/resilience/scenarioSchema';

export type { ScenarioEvent, ScenarioEventKind };
/** The kinds' names, an event's effect in words and its name on charts: the report's (one wording for both). */
export { describeEffect, eventName, KIND_LABEL } from '../../workers/report/scenarioText';

const NONE: readonly ScenarioEvent[] = [];

/** Every kind, in the order the editor offers them. */
export const EVENT_KINDS: readonly ScenarioEventKind[] = ['crash', 'latency', 'capacity', 'errors', 'partition', 'outage', 'cacheFlush'];

/** The document's events (none when it has no scenario). */
export function scenarioEvents(doc: Topology): readonly ScenarioEvent[] {
  return doc.scenario?.events ?? NONE;
}

/** The document with `events` as its scenario; no events removes the scenario, so the file stays as it was. */
export function withEvents(doc: Topology, events: readonly ScenarioEvent[]): Topology {
  const { scenario: _drop, ...rest } = doc;
  return events.length === 0 ? rest : { ...rest, scenario: { events: [...events] } };
}

/** Whether a kind targets an edge (a partition cuts a call) rather than a node. */
export function targetsEdge(kind: ScenarioEventKind): boolean {
  return kind === 'partition';
}

/** Nodes (or edges) an event of `kind` may hit, as {value, label} for a select. */
export function targetOptions(doc: Topology, kind: ScenarioEventKind): { value: string; label: string }[] {
  if (targetsEdge(kind)) {
    const label = new Map(doc.nodes.map((n) => [n.id, n.label]));
    return doc.edges.map((e) => ({ value: e.id, label: `${label.get(e.source) ?? e.source} → ${label.get(e.target) ?? e.target}` }));
  }
  const nodes = doc.nodes.filter((n) => n.role !== 'offline' && (kind !== 'cacheFlush' || n.kind === 'cache'));
  return nodes.map((n) => ({ value: n.id, label: n.label }));
}

/** The magnitude fields a new event of `kind` starts with. */
function magnitude(kind: ScenarioEventKind) {
  switch (kind) {
    case 'crash':
      return { kind, replicas: 1 } as const;
    case 'latency':
      return { kind, factor: 4 } as const;
    case 'capacity':
      return { kind, percent: 50 } as const;
    case 'errors':
      return { kind, fraction: 0.5 } as const;
    case 'partition':
      return { kind, mode: 'fail' } as const;
    case 'outage':
      return { kind } as const;
    case 'cacheFlush':
      return { kind, warmSec: 10 } as const;
  }
}

/** A new event of `kind` on `target`: a fifth of the run long, starting a third of the way into the measured part. */
export function newEvent(doc: Topology, kind: ScenarioEventKind, target: string): ScenarioEvent {
  const { durationSec, warmupSec } = doc.run;
  const atSec = Math.floor(warmupSec + (durationSec - warmupSec) / 3);
  const length = Math.max(1, Math.round(durationSec / 5));
  return { atSec, durationSec: kind === 'cacheFlush' ? 0 : length, target, ...magnitude(kind) };
}

/** The event turned into another kind: its time, target (when it still fits) and label kept, magnitude reset. */
export function changeKind(doc: Topology, e: ScenarioEvent, kind: ScenarioEventKind): ScenarioEvent {
  if (e.kind === kind) return e;
  const options = targetOptions(doc, kind);
  const target = options.some((o) => o.value === e.target) ? e.target : (options[0]?.value ?? e.target);
  const durationSec = kind !== 'cacheFlush' && e.durationSec === 0 ? Math.max(1, Math.round(doc.run.durationSec / 5)) : e.durationSec;
  return { atSec: e.atSec, durationSec, target, ...(e.label !== undefined ? { label: e.label } : {}), ...magnitude(kind) };
}

/** The event moved by `dSec`, kept inside the run: it starts at 0 at the earliest and before the run's end. */
export function shiftEvent(e: ScenarioEvent, dSec: number, runSec: number): ScenarioEvent {
  const latest = Math.max(0, Math.ceil(runSec) - 1);
  const atSec = Math.min(latest, Math.max(0, Math.round(e.atSec + dSec)));
  return atSec === e.atSec ? e : { ...e, atSec };
}

/** The events with event `i` replaced (or removed, for null). */
export function replaceAt(events: readonly ScenarioEvent[], i: number, next: ScenarioEvent | null): ScenarioEvent[] {
  return next === null ? events.filter((_, j) => j !== i) : events.map((e, j) => (j === i ? next : e));
}

/** The kinds of fault that hit each node or edge id, in event order without repeats. */
export function faultsByTarget(events: readonly ScenarioEvent[]): Map<string, ScenarioEventKind[]> {
  const out = new Map<string, ScenarioEventKind[]>();
  for (const e of events) {
    const kinds = out.get(e.target) ?? [];
    if (!kinds.includes(e.kind)) kinds.push(e.kind);
    out.set(e.target, kinds);
  }
  return out;
}
