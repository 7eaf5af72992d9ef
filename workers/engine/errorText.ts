/**
 * Turning validator issues into sentences a user understands. Every message
 * names the field (and, under `nodes[i]`, `edges[i]` or `pools[i]`, the
 * record by its id) and never echoes more than 40 characters of user text.
 */
import type { z } from 'zod';
import { LIMITS } from './limits';

/** One problem with a document: where (a JSON path such as `nodes[2].replicas`) and what, in a sentence. */
export interface TopologyError {
  path: string;
  message: string;
}

/** Formats a zod/JSON path as `nodes[2].serviceTime.meanMs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** A top-level key as a path: `author`, or `["odd key"]` (quoted, at most 40 characters) when it is not a plain name. */
function keyPath(key: string): string {
  const k = key.slice(0, 40);
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : `[${JSON.stringify(k)}]`;
}

/** A short, safe description of any value: numbers in full, text only when short, otherwise its type. */
export function describeValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character text` : JSON.stringify(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The value at a zod/JSON path in raw input (own properties only), or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

const RECORDS: Record<string, string> = { nodes: 'Node', edges: 'Edge', pools: 'Pool' };
const SAFE_ID = /^[A-Za-z0-9_.:-]+$/;

/** `Node "ranker": ` for paths under nodes[i] (edges, pools alike), so a message names the record. */
function subjectOf(root: unknown, path: readonly PropertyKey[], minLength = 3): string {
  const [list, index] = path;
  const what = typeof list === 'string' ? RECORDS[list] : undefined;
  if (!what || typeof index !== 'number' || path.length < minLength) return '';
  const rid = valueAt(root, [list, index, 'id']);
  const named = typeof rid === 'string' && rid.length <= LIMITS.idChars && SAFE_ID.test(rid);
  return named ? `${what} "${rid}": ` : `${what} ${index + 1}: `;
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  number: 'a number',
  int: 'a whole number',
  string: 'a text string',
  boolean: 'true or false',
  null: 'null',
};

function mustBeType(expected: string, got: unknown): string {
  if (typeof got === 'number' && !Number.isFinite(got)) return `must be a finite number (got ${describeValue(got)})`;
  if (got === undefined) return 'is required';
  return `must be ${TYPE_WORDS[expected] ?? expected} (got ${describeValue(got)})`;
}

/** Converts one zod issue, found while validating `root`, to a {@link TopologyError}. */
export function issueToError(root: unknown, issue: z.core.$ZodIssue): TopologyError {
  const path = formatPath(issue.path);
  const subject = subjectOf(root, issue.path);
  // Under a record, name the field relative to it (`serviceTime.meanMs`); elsewhere the full path.
  const field = subject ? formatPath(issue.path.slice(2)) : path || 'The document';
  const got = valueAt(root, issue.path);
  let rule: string;
  switch (issue.code) {
    case 'invalid_type':
      // A fractional count fails `.int()` as a type issue; its own message states the range.
      rule =
        issue.expected === 'int' && typeof got === 'number' && Number.isFinite(got)
          ? `${issue.message} (got ${got})`
          : mustBeType(issue.expected, got);
      break;
    case 'unrecognized_keys': {
      const owner = subjectOf(root, issue.path, 2);
      const keys = issue.keys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      const where = owner ? (subject ? ` in ${field}` : '') : path ? ` in ${path}` : ' at the top level';
      return {
        // At the top level the path names the (first) unknown field itself, never the empty path.
        path: path || keyPath(issue.keys[0] ?? ''),
        message: `${owner}unknown field${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${more}${where}`,
      };
    }
    case 'invalid_value':
      rule = `must be ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(got)})`;
      break;
    case 'invalid_union':
      rule =
        issue.path[issue.path.length - 1] === 'dist'
          ? `must be one of "exponential", "deterministic", "lognormal", "gamma", "uniform" (got ${describeValue(got)})`
          : `is not valid (got ${describeValue(got)})`;
      break;
    case 'too_big':
    case 'too_small':
    case 'not_multiple_of':
    case 'invalid_format':
      rule = typeof got === 'number' || typeof got === 'string' ? `${issue.message} (got ${describeValue(got)})` : issue.message;
      break;
    default:
      rule = issue.message;
  }
  return { path, message: `${subject}${field} ${rule}` };
}
