/**
 * Reading a topology document: migrate, validate the shape, fill defaults,
 * then check meaning. Never throws, never mutates its input.
 */
import type { z } from 'zod';
import { EDGE_DEFAULTS, KINDS, RUN_DEFAULTS, SLO_DEFAULT, WORKLOAD_DEFAULTS } from './kinds';
import { LIMITS } from './limits';
import { checkMeaning } from './semantics';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type Topology,
  type TopologyEdge,
  type TopologyNode,
  type TopologySpec,
  TopologySpecSchema,
} from './schema';

/** One problem with a document: where (a JSON path such as `nodes[2].replicas`) and what, in a sentence. */
export interface TopologyError {
  path: string;
  message: string;
}

/** The outcome of {@link parseTopology}. */
export type ParseResult = { ok: true; doc: Topology } | { ok: false; errors: TopologyError[] };

/** Largest document text accepted, in bytes (UTF-16 code units). */
export const MAX_FILE_CHARS = 64 * 1024 * 1024;
const MAX_ERRORS = 100;

/** Formats a zod/JSON path as `nodes[2].serviceTime.meanMs`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

function describeValue(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character text` : JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** "Node "ranker": " for paths under nodes[i] or edges[i], so a message names the record. */
function subjectOf(root: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if ((list === 'nodes' || list === 'edges') && typeof index === 'number') {
    const rid = valueAt(root, [list, index, 'id']);
    const what = list === 'nodes' ? 'Node' : 'Edge';
    return typeof rid === 'string' && rid.length <= LIMITS.idChars ? `${what} "${rid}": ` : `${what} ${index + 1}: `;
  }
  return '';
}

function issueToError(root: unknown, issue: z.core.$ZodIssue): TopologyError {
  const path = formatPath(issue.path);
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : 'document';
  const subject = subjectOf(root, issue.path);
  const got = valueAt(root, issue.path);
  let rule: string;
  switch (issue.code) {
    case 'invalid_type':
      rule =
        got === undefined
          ? `is required (${issue.expected})`
          : `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`} (got ${describeValue(got)})`;
      break;
    case 'unrecognized_keys':
      return {
        path,
        message: `${subject}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
          .slice(0, 5)
          .map((k) => `"${k.slice(0, 40)}"`)
          .join(', ')}${path ? ` in ${path}` : ''}`,
      };
    case 'invalid_value':
      rule = `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} (got ${describeValue(got)})`;
      break;
    case 'invalid_union':
      rule =
        field === 'dist'
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

function readHeader(raw: unknown): TopologyError[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return [{ path: '', message: `A Loadsketch document must be a JSON object (got ${describeValue(raw)})` }];
  }
  const { format, version } = raw as Record<string, unknown>;
  if (format !== FORMAT_NAME) {
    return [{ path: 'format', message: `format must be "${FORMAT_NAME}": this is not a Loadsketch document` }];
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    return [
      {
        path: 'version',
        message: `version ${version} was written by a newer Loadsketch; this one reads up to version ${FORMAT_VERSION}`,
      },
    ];
  }
  if (version !== FORMAT_VERSION) {
    return [{ path: 'version', message: `version must be ${FORMAT_VERSION} (got ${describeValue(version)})` }];
  }
  return [];
}

/**
 * Migrations from older versions, keyed by the version they upgrade from.
 * Version 1 is the first, so there are none yet; a version-2 format adds
 * `1: (doc) => upgraded` here and bumps FORMAT_VERSION.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let doc = raw;
  for (let v = Number(doc.version); MIGRATIONS[v]; v++) doc = MIGRATIONS[v](doc);
  return doc;
}

/** Fills every optional field from the kind's and the format's defaults. */
export function normalizeTopology(spec: TopologySpec): Topology {
  const nodes: TopologyNode[] = spec.nodes.map((n) => {
    const k = KINDS[n.kind];
    return {
      id: n.id,
      kind: n.kind,
      label: n.label ?? n.id,
      position: n.position ? { ...n.position } : { x: 0, y: 0 },
      role: n.role ?? k.role,
      replicas: n.replicas ?? k.replicas,
      concurrency: n.concurrency ?? k.concurrency,
      serviceTime: { ...(n.serviceTime ?? k.serviceTime) },
      queueCapacity: n.queueCapacity ?? null,
      callMode: n.callMode ?? 'sequential',
      holdWorkerDuringCalls: n.holdWorkerDuringCalls ?? false,
      hitRatio: n.hitRatio === undefined ? k.hitRatio : n.hitRatio,
      batching: n.batching ? { ...n.batching } : null,
      costPerReplicaHour: n.costPerReplicaHour ?? k.costPerReplicaHour,
      pool: n.pool ?? null,
    };
  });
  const edges: TopologyEdge[] = (spec.edges ?? []).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    mode: e.mode ?? EDGE_DEFAULTS.mode,
    probability: e.probability ?? EDGE_DEFAULTS.probability,
    count: e.count ?? EDGE_DEFAULTS.count,
    networkMs: e.networkMs ?? EDGE_DEFAULTS.networkMs,
    timeoutMs: e.timeoutMs ?? EDGE_DEFAULTS.timeoutMs,
    retries: e.retries ?? EDGE_DEFAULTS.retries,
  }));
  const w = spec.workload;
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    name: spec.name ?? 'Untitled',
    description: spec.description ?? '',
    nodes,
    edges,
    workload: {
      entry: w.entry,
      arrival: w.arrival ?? WORKLOAD_DEFAULTS.arrival,
      ratePerSec: w.ratePerSec ?? WORKLOAD_DEFAULTS.ratePerSec,
      profile: w.profile ? w.profile.map((p) => ({ ...p })) : null,
      burst: { ...(w.burst ?? WORKLOAD_DEFAULTS.burst) },
    },
    run: { ...RUN_DEFAULTS, ...spec.run },
    pools: (spec.pools ?? []).map((p) => ({ id: p.id, label: p.label ?? p.id, servers: p.servers, costPerHour: p.costPerHour ?? 0 })),
    slo: { ...(spec.slo ?? SLO_DEFAULT) },
    monolith: { servers: spec.monolith?.servers ?? null },
  };
}

/**
 * Reads any value as a version-1 topology document.
 *
 * Returns the normalized document, or every problem found (at most 100),
 * each with a JSON path and a sentence a user understands. Never throws on
 * any input and never mutates it.
 */
export function parseTopology(raw: unknown): ParseResult {
  try {
    const header = readHeader(raw);
    if (header.length) return { ok: false, errors: header };
    const migrated = migrate(raw as Record<string, unknown>);
    const shaped = TopologySpecSchema.safeParse(migrated);
    if (!shaped.success) {
      return { ok: false, errors: shaped.error.issues.slice(0, MAX_ERRORS).map((i) => issueToError(migrated, i)) };
    }
    const errors = checkMeaning(shaped.data);
    if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
    return { ok: true, doc: normalizeTopology(shaped.data) };
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `The document could not be read: ${String(err).slice(0, 200)}` }] };
  }
}

/** Parses document text (a file's contents); JSON syntax errors and oversize files become errors too. */
export function parseTopologyText(text: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) {
    return {
      ok: false,
      errors: [{ path: '', message: `The file is too large (${(text.length / 1048576).toFixed(0)} MB; at most 64 MB)` }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `The file is not valid JSON: ${(err as Error).message}` }] };
  }
  return parseTopology(raw);
}

/** The document as the version-1 JSON file text, with every field written out. */
export function serializeTopology(doc: Topology): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
