/**
 * The monolith baseline, derived from a document as a document of its own:
 * the service-role nodes on the request path share one server pool with the
 * same total servers, calls between them cost no network time, and infra
 * nodes stay remote. The same engine simulates it. See docs/model.md.
 */
import { LIMITS } from './limits';
import type { Pool, Topology } from './schema';

/** Id of the merged nodes: service-role nodes reachable from the entry along sync traffic edges. */
export function mergedNodeIds(doc: Topology): Set<string> {
  const role = new Map(doc.nodes.map((n) => [n.id, n.role]));
  const out = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (e.mode !== 'sync' || role.get(e.source) === 'offline' || role.get(e.target) === 'offline') continue;
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  const seen = new Set<string>();
  const stack = role.get(doc.workload.entry) === 'offline' ? [] : [doc.workload.entry];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of out.get(id) ?? []) stack.push(t);
  }
  return new Set([...seen].filter((id) => role.get(id) === 'service'));
}

/**
 * The monolith version of a design (a valid version-1 document): every merged
 * node gets pool "monolith" with S = Σ replicas × concurrency servers (or
 * `doc.monolith.servers`) costing Σ replicas × costPerReplicaHour per hour
 * (scaled by S / Σ when overridden, or `doc.monolith.costPerHour`); edges between merged nodes get
 * networkMs 0. A merged node that was already in a pool brings that pool's
 * servers and cost (counted once). Everything else is unchanged.
 */
export function deriveMonolith(doc: Topology): Topology {
  const merged = mergedNodeIds(doc);
  const poolsById = new Map(doc.pools.map((p) => [p.id, p]));
  let servers = 0;
  let cost = 0;
  const countedPools = new Set<string>();
  for (const n of doc.nodes) {
    if (!merged.has(n.id)) continue;
    const pool = n.pool !== null ? poolsById.get(n.pool) : undefined;
    if (pool) {
      if (countedPools.has(pool.id)) continue;
      countedPools.add(pool.id);
      servers += pool.servers;
      cost += pool.costPerHour;
    } else {
      servers += n.replicas * n.concurrency;
      cost += n.replicas * (n.costPerReplicaHour ?? 0);
    }
  }
  let poolId = 'monolith';
  for (let k = 2; poolsById.has(poolId); k++) poolId = `monolith-${k}`;
  const override = doc.monolith.threadsPerReplica;
  const S = Math.min(LIMITS.maxServers, Math.max(1, override ?? servers));
  const C = doc.monolith.costPerHour ?? (servers > 0 ? (cost * S) / servers : 0);
  const pools: Pool[] = doc.pools.map((p) => ({ ...p }));
  if (merged.size > 0) {
    pools.push({
      id: poolId,
      label: 'Monolith',
      servers: S,
      costPerHour: Math.min(C, LIMITS.maxCostPerReplicaHour * LIMITS.maxReplicas),
      replicas: 1,
      balancer: 'pooled',
      unit: null,
      hardware: null,
    });
  }
  return {
    ...doc,
    name: `${doc.name} (monolith)`.slice(0, LIMITS.nameChars),
    nodes: doc.nodes.map((n) => ({
      ...n,
      position: { ...n.position },
      serviceTime: { ...n.serviceTime },
      batching: n.batching ? { ...n.batching, cost: 'table' in n.batching.cost ? { table: n.batching.cost.table.map((p) => ({ ...p })) } : { ...n.batching.cost } } : null,
      pool: merged.has(n.id) ? poolId : n.pool,
    })),
    edges: doc.edges.map((e) => ({ ...e, networkMs: merged.has(e.source) && merged.has(e.target) ? 0 : e.networkMs })),
    workload: { ...doc.workload, profile: doc.workload.profile?.map((p) => ({ ...p })) ?? null, burst: { ...doc.workload.burst } },
    run: { ...doc.run },
    pools,
    slo: { ...doc.slo },
    monolith: { ...doc.monolith },
    hardware: doc.hardware.map((h) => ({ ...h })),
  };
}
