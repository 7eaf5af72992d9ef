/**
 * Inline validation through the engine's own parser: an edit is accepted only
 * if it introduces no problem that the current document does not already
 * have. Errors keep their JSON paths (`nodes[2].replicas`) so the inspector
 * shows each message on its field.
 */
import { parseTopology, type TopologyError } from '../../workers/engine/parse';
import type { Topology } from '../../workers/engine/schema';

const cache = new WeakMap<Topology, TopologyError[]>();

/** Every problem the engine's parser finds in `doc` (memoised per document object). */
export function documentErrors(doc: Topology): TopologyError[] {
  let errors = cache.get(doc);
  if (!errors) {
    const r = parseTopology(doc);
    errors = r.ok ? [] : r.errors;
    cache.set(doc, errors);
  }
  return errors;
}

/** Problems of `after` that `before` does not have. */
export function newErrors(before: Topology, after: Topology): TopologyError[] {
  const old = new Set(documentErrors(before).map((e) => `${e.path}\n${e.message}`));
  return documentErrors(after).filter((e) => !old.has(`${e.path}\n${e.message}`));
}

/** True when `path` is `field` or lies under it (`nodes[0].serviceTime.meanMs` is under `nodes[0].serviceTime`). */
export function pathIsUnder(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}
