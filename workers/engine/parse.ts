/**
 * Reading a topology document: migrate, validate the shape, fill defaults,
 * then check meaning. Never throws, never mutates its input.
 */
import { BATCH_COST_DEFAULT, EDGE_DEFAULTS, KINDS, MONOLITH_DEFAULTS, NODE_DEFAULTS, RUN_DEFAULTS, SLO_DEFAULT, WORKLOAD_DEFAULTS } from './kinds';
import { normalizeElasticity } from './autoscale/document';
import { issueToError, type TopologyError } from './errorText';
import { migrateDocument } from './migrate';
import { checkMeaning } from './semantics';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type BatchCost,
  type Batching,
  type EdgeSpec,
  type NodeSpec,
  type Topology,
  type TopologyEdge,
  type TopologyNode,
  type TopologySpec,
  TopologySpecSchema,
} from './schema';
import { snapshot } from './snapshot';
import type { Admission } from './resilience/patternSchema';
import { LLM_DEFAULT, normalizeLlm, TOKENS_DEFAULT, type Tokens } from './llm/schema';

export { formatPath, type TopologyError } from './errorText';

/** The outcome of {@link parseTopology}. */
export type ParseResult = { ok: true; doc: Topology } | { ok: false; errors: TopologyError[] };

/** Largest document text accepted, in UTF-16 code units (about 64 MB). */
export const MAX_FILE_CHARS = 64 * 1024 * 1024;
const MAX_ERRORS = 100;

/** A copy of a batch cost (its table points copied too). */
function structuredCopy(cost: BatchCost): BatchCost {
  return 'table' in cost ? { table: cost.table.map((p) => ({ ...p })) } : { ...cost };
}

/** A copy of a batching spec with its default cost (and its Triton block, when given) filled in. */
function batchingCopy(b: NonNullable<NodeSpec['batching']>): Batching {
  const out: Batching = { maxBatch: b.maxBatch, maxWaitMs: b.maxWaitMs, cost: structuredCopy(b.cost ?? BATCH_COST_DEFAULT) };
  if (b.triton !== undefined) out.triton = b.triton && { ...b.triton, preferredBatchSizes: [...b.triton.preferredBatchSizes] };
  return out;
}

/** The LLM fields of an edge, copied, only those the document gives (so documents without them serialize as before). */
function llmEdgeFields(e: EdgeSpec): Partial<TopologyEdge> {
  const out: Partial<TopologyEdge> = {};
  if (e.tokens !== undefined) {
    out.tokens = e.tokens && { ...(e.tokens.input ? { input: { ...e.tokens.input } } : {}), ...(e.tokens.output ? { output: { ...e.tokens.output } } : {}) };
  }
  if (e.streaming !== undefined) out.streaming = e.streaming;
  if (e.kvTransfer !== undefined) out.kvTransfer = e.kvTransfer && { ...e.kvTransfer };
  return out;
}

/** A copy of a node's admission control (its token bucket copied too). */
function admissionCopy(a: Admission): Admission {
  return { ...a, ...(a.rateLimit ? { rateLimit: { ...a.rateLimit } } : {}) };
}

/** `{tokens}` copied, or nothing (documents without llm-servers serialize as before). */
function tokensOf(t: Tokens | null): { tokens?: Tokens } {
  return t ? { tokens: { input: { ...t.input }, output: { ...t.output } } } : {};
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
      batching: n.batching ? batchingCopy(n.batching) : null,
      // Left out: the machine's price when the node names one, else the kind's default price.
      costPerReplicaHour: n.costPerReplicaHour !== undefined ? n.costPerReplicaHour : n.hardware != null ? null : k.costPerReplicaHour,
      pool: n.pool ?? null,
      hardware: n.hardware ?? null,
      modelMemoryGb: n.modelMemoryGb ?? null,
      balancer: n.balancer ?? NODE_DEFAULTS.balancer,
      routing: n.routing ?? NODE_DEFAULTS.routing,
      ...(n.llm ? { llm: normalizeLlm(n.llm) } : n.kind === 'llm-server' ? { llm: normalizeLlm(LLM_DEFAULT) } : {}),
      ...normalizeElasticity(n, n.concurrency ?? k.concurrency),
      ...(n.unit != null ? { unit: n.unit } : {}),
      ...(n.admission ? { admission: admissionCopy(n.admission) } : {}),
      ...(n.queueDiscipline !== undefined ? { queueDiscipline: n.queueDiscipline } : {}),
      ...(n.slowdown ? { slowdown: { ...n.slowdown } } : {}),
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
    stage: e.stage ?? EDGE_DEFAULTS.stage,
    ...llmEdgeFields(e),
    ...(e.circuitBreaker ? { circuitBreaker: { ...e.circuitBreaker } } : {}),
    ...(e.backoff ? { backoff: { ...e.backoff } } : {}),
    ...(e.hedging ? { hedging: { ...e.hedging } } : {}),
    ...(e.retryBudget ? { retryBudget: { ...e.retryBudget } } : {}),
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
      ...tokensOf(w.tokens ?? (spec.nodes.some((n) => n.kind === 'llm-server') ? TOKENS_DEFAULT : null)),
      ...(w.model !== undefined ? { model: w.model } : {}),
      ...(w.users !== undefined ? { users: w.users } : {}),
      ...(w.thinkTime !== undefined ? { thinkTime: { ...w.thinkTime } } : {}),
    },
    run: { ...RUN_DEFAULTS, ...spec.run },
    pools: (spec.pools ?? []).map((p) => ({
      id: p.id,
      label: p.label ?? p.id,
      servers: p.servers,
      costPerHour: p.costPerHour ?? 0,
      replicas: p.replicas ?? 1,
      balancer: p.balancer ?? 'pooled',
      unit: p.unit ?? null,
      hardware: p.hardware ?? null,
    })),
    slo: { ...(spec.slo ?? SLO_DEFAULT) },
    monolith: normalizeMonolith(spec.monolith),
    hardware: (spec.hardware ?? []).map((h) => ({
      id: h.id,
      label: h.label ?? h.id,
      cpuCores: h.cpuCores ?? 0,
      gpus: h.gpus ?? 0,
      gpuMemoryGb: h.gpuMemoryGb ?? 0,
      costPerHour: h.costPerHour ?? 0,
    })),
    ...(spec.scenario ? { scenario: { events: spec.scenario.events.map((e) => ({ ...e })) } } : {}),
  };
}

/** The monolith settings with defaults; `autoscale` / `coldStart` only when given (a KPA's default target: threadsPerReplica, else 1). */
function normalizeMonolith(m: TopologySpec['monolith']): Topology['monolith'] {
  const { autoscale, coldStart, ...rest } = m ?? {};
  const out = { ...MONOLITH_DEFAULTS, ...rest };
  return { ...out, ...normalizeElasticity({ autoscale, coldStart }, out.threadsPerReplica ?? 1) };
}

/**
 * Reads any value as a topology document (older versions are migrated), or says why it is not one.
 *
 * Returns the normalized document, or every problem found (at most 100),
 * each with a JSON path and a sentence a user understands. Never throws on
 * any input and never mutates it.
 */
export function parseTopology(raw: unknown): ParseResult {
  try {
    const copy = snapshot(raw);
    if (!copy.ok) {
      const where = copy.path || 'The document';
      const message =
        copy.reason === 'too-many-fields'
          ? `${where} has ${copy.count} fields, far more than any Loadsketch record`
          : `${where} could not be read (reading it raised an error)`;
      return { ok: false, errors: [{ path: copy.path, message }] };
    }
    const upgraded = migrateDocument(copy.value);
    if (!upgraded.ok) return upgraded;
    const migrated = upgraded.doc;
    const shaped = TopologySpecSchema.safeParse(migrated);
    if (!shaped.success) {
      return { ok: false, errors: shaped.error.issues.slice(0, MAX_ERRORS).map((i) => issueToError(migrated, i)) };
    }
    const errors = checkMeaning(shaped.data);
    if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
    return { ok: true, doc: normalizeTopology(shaped.data) };
  } catch {
    // Unreachable by design (the input is a plain-data snapshot); kept so no input can ever make this throw.
    return { ok: false, errors: [{ path: '', message: 'The document could not be read' }] };
  }
}

/** Parses document text (a file's contents); JSON syntax errors and oversize files become errors too. */
export function parseTopologyText(text: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) {
    return {
      ok: false,
      errors: [{ path: '', message: 'The file is larger than 64 MB, the most a Loadsketch document may be' }],
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

/** The document as current-version JSON file text, with every field written out. */
export function serializeTopology(doc: Topology): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
