/**
 * A defensive copy of untrusted input before it is validated.
 *
 * `parseTopology` accepts any value: JSON from a file or a share link, but
 * also objects built in code, Proxies and objects with getters. Copying it
 * into plain data first means each property is read exactly once (a getter
 * cannot answer differently to two readers), nothing is ever written to the
 * input, a property that throws when read becomes an error with its path,
 * and absurd shapes are cut down to a size the validator can handle.
 */
import { LIMITS } from './limits';

/**
 * Containers nested deeper than this are replaced by an empty container of
 * the same kind. The format itself is at most 4 levels deep
 * (`nodes[i].serviceTime.meanMs`), so anything deeper is already an error
 * and the validator still reports it ("must be a number (got a list)").
 */
export const MAX_SNAPSHOT_DEPTH = 8;

/**
 * Items copied from any one list. The longest list the format allows is
 * `edges` ({@link LIMITS.maxEdges}); one more item keeps a too-long list too
 * long, so the validator still reports it, without copying millions of items.
 */
export const MAX_SNAPSHOT_ITEMS = LIMITS.maxEdges + 1;

/**
 * The copy, or why it failed and where (a JSON path): a property raised an
 * error when read, or an object had more than {@link MAX_SNAPSHOT_ITEMS}
 * fields (no record of the format has more than 20).
 */
export type SnapshotResult =
  | { ok: true; value: unknown }
  | { ok: false; path: string; reason: 'unreadable' }
  | { ok: false; path: string; reason: 'too-many-fields'; count: number };

class Unreadable {
  constructor(
    readonly path: string,
    readonly count = 0,
  ) {}
}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Copies made so far, by source object: a shared reference (the same object
 * under many keys) is copied once and its copy reused, so the cost is linear
 * in the distinct objects, not in the paths to them (ten lists each holding
 * the same list of 10,000 items were copied 10,000ⁿ times). A copy is reused
 * only where it is at least as deep as needed (made at this depth or
 * shallower); an object met again while it is being copied (a cycle)
 * becomes an empty container, like one past the depth limit.
 */
type Memo = Map<object, { depth: number; out: unknown; done: boolean }>;

function copy(value: unknown, path: string, depth: number, memo: Memo): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof value === 'function') return value;
  let isList: boolean;
  try {
    isList = Array.isArray(value);
  } catch {
    throw new Unreadable(path);
  }
  if (depth >= MAX_SNAPSHOT_DEPTH) return isList ? [] : {};
  const seen = memo.get(value);
  if (seen && !seen.done) return isList ? [] : {};
  if (seen && seen.depth <= depth) return seen.out;
  const entry = { depth, out: undefined as unknown, done: false };
  memo.set(value, entry);
  entry.out = copyContainer(value, isList, path, depth, memo);
  entry.done = true;
  return entry.out;
}

function copyContainer(value: object, isList: boolean, path: string, depth: number, memo: Memo): unknown {
  if (isList) {
    const list = value as unknown[];
    let length: number;
    try {
      length = list.length;
    } catch {
      throw new Unreadable(path);
    }
    const n = Math.min(length, MAX_SNAPSHOT_ITEMS);
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      let item: unknown;
      try {
        item = list[i];
      } catch {
        throw new Unreadable(pathOf(path, i));
      }
      out[i] = copy(item, pathOf(path, i), depth + 1, memo);
    }
    return out;
  }
  let keys: string[];
  try {
    // Dates, boxed strings, typed arrays, Maps...: never a valid record, and
    // their index keys could number millions, so copy them as an empty object.
    if (Object.prototype.toString.call(value) !== '[object Object]') return {};
    keys = Object.keys(value);
  } catch {
    throw new Unreadable(path);
  }
  if (keys.length > MAX_SNAPSHOT_ITEMS) throw new Unreadable(path, keys.length);
  // defineProperty, not assignment: a "__proto__" key stays an ordinary own key.
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      throw new Unreadable(pathOf(path, key));
    }
    Object.defineProperty(out, key, {
      value: copy(item, pathOf(path, key), depth + 1, memo),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Copies any value into plain objects and arrays (own enumerable string keys only). Never throws. */
export function snapshot(value: unknown): SnapshotResult {
  try {
    return { ok: true, value: copy(value, '', 0, new Map()) };
  } catch (err) {
    if (!(err instanceof Unreadable)) return { ok: false, path: '', reason: 'unreadable' };
    if (err.count) return { ok: false, path: err.path, reason: 'too-many-fields', count: err.count };
    return { ok: false, path: err.path, reason: 'unreadable' };
  }
}
