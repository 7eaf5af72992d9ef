/**
 * The migration from format version 1 to version 2 (machines, balancers,
 * routing, call stages, batching cost tables, the deployed monolith).
 *
 * A version-1 document keeps exactly its meaning: every node gets
 * `balancer: "pooled"` (one shared queue, version 1's only model) and
 * `routing: "each"`; batching gets the affine cost with alpha 0.1 that
 * version 1 hard-coded; and every per-kind default that version 1 filled in
 * (replicas, concurrency, service time, hit ratio, price) is written out
 * from a frozen copy of version 1's defaults, so later changes to the
 * defaults of new nodes never change an old file. The migration works on
 * unvalidated data: it only fills fields that are absent and leaves
 * anything malformed for the validator to name.
 */
import type { Migration } from './migrate';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Version 1's per-kind defaults, frozen (see kinds.ts for the current ones). */
export const V1_KIND_DEFAULTS: Readonly<Record<string, Readonly<Obj>>> = {
  gateway: { replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 1 }, costPerReplicaHour: 0.1 },
  service: { replicas: 3, concurrency: 4, serviceTime: { dist: 'lognormal', meanMs: 10, cv: 1 }, costPerReplicaHour: 0.2 },
  'model-server': { replicas: 4, concurrency: 1, serviceTime: { dist: 'gamma', meanMs: 25, cv: 0.5 }, costPerReplicaHour: 0.9 },
  'feature-store': { replicas: 3, concurrency: 16, serviceTime: { dist: 'lognormal', meanMs: 3, cv: 0.8 }, costPerReplicaHour: 0.35 },
  'vector-index': { replicas: 2, concurrency: 4, serviceTime: { dist: 'gamma', meanMs: 8, cv: 0.5 }, costPerReplicaHour: 0.5 },
  cache: { replicas: 3, concurrency: 32, serviceTime: { dist: 'exponential', meanMs: 0.5 }, costPerReplicaHour: 0.15 },
  database: { replicas: 3, concurrency: 16, serviceTime: { dist: 'lognormal', meanMs: 6, cv: 1.2 }, costPerReplicaHour: 0.45 },
  queue: { replicas: 3, concurrency: 32, serviceTime: { dist: 'exponential', meanMs: 0.5 }, costPerReplicaHour: 0.2 },
  'stream-processor': { replicas: 2, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 15 }, costPerReplicaHour: 0.3 },
  offline: { replicas: 1, concurrency: 1, serviceTime: { dist: 'deterministic', meanMs: 1000 }, costPerReplicaHour: 0 },
};
/** Version 1's hard-coded batch cost: a batch of b takes one service time × (1 + 0.1 × (b − 1)). */
export const V1_BATCH_ALPHA = 0.1;

function migrateNode(n: unknown): unknown {
  if (!isObj(n)) return n;
  const out: Obj = { ...n };
  const defaults = typeof n.kind === 'string' && Object.hasOwn(V1_KIND_DEFAULTS, n.kind) ? V1_KIND_DEFAULTS[n.kind] : null;
  if (defaults) {
    for (const [key, value] of Object.entries(defaults)) {
      if (out[key] === undefined) out[key] = isObj(value) ? { ...value } : value;
    }
  }
  if (out.balancer === undefined) out.balancer = 'pooled';
  if (out.routing === undefined) out.routing = 'each';
  if (isObj(out.batching) && out.batching.cost === undefined) out.batching = { ...out.batching, cost: { alpha: V1_BATCH_ALPHA } };
  return out;
}

function migratePool(p: unknown): unknown {
  if (!isObj(p)) return p;
  return { replicas: 1, balancer: 'pooled', ...p };
}

/**
 * Version 1's monolith overrides: `servers` (one pool of that many servers)
 * becomes one replica with that many threads; `costPerHour` (the monolith's
 * price) is the price of that one replica.
 */
function migrateMonolith(m: unknown): unknown {
  if (!isObj(m)) return m;
  const { servers, costPerHour, ...rest } = m;
  const out: Obj = { ...rest };
  if (servers !== undefined && servers !== null) {
    out.sizing = 'replicas';
    out.replicas = 1;
    out.threadsPerReplica = servers;
  } else if (costPerHour !== undefined && costPerHour !== null) {
    out.sizing = 'replicas';
    out.replicas = 1;
  }
  if (costPerHour !== undefined) out.costPerHour = costPerHour;
  return out;
}

/** Upgrades a version-1 document (plain data, possibly malformed) to version 2 with the same meaning. */
export const migrateV1toV2: Migration = (doc) => {
  const out: Obj = { ...doc };
  if (Array.isArray(doc.nodes)) out.nodes = doc.nodes.map(migrateNode);
  if (Array.isArray(doc.pools)) out.pools = doc.pools.map(migratePool);
  if (doc.monolith !== undefined) out.monolith = migrateMonolith(doc.monolith);
  return out;
};
