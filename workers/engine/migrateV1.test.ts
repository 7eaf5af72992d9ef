import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds';
import { V1_KIND_DEFAULTS } from './migrateV1';
import { parseTopology } from './parse';
import { NODE_KINDS } from './schema';

const v1 = {
  format: 'loadsketch',
  version: 1,
  nodes: [
    { id: 'gw', kind: 'gateway' },
    { id: 'm', kind: 'model-server', batching: { maxBatch: 8, maxWaitMs: 2 }, callMode: 'parallel' },
    { id: 'db', kind: 'database', costPerReplicaHour: 2 },
  ],
  edges: [
    { id: 'e1', source: 'gw', target: 'm' },
    { id: 'e2', source: 'm', target: 'db' },
  ],
  workload: { entry: 'gw' },
  pools: [{ id: 'p', servers: 6, costPerHour: 1 }],
  monolith: { servers: 12, costPerHour: 3 },
};

describe('version 1 → 2 migration', () => {
  it('keeps the version-1 meaning: pooled replicas, independent edges, alpha 0.1, version-1 prices', () => {
    const r = parseTopology(structuredClone(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.doc;
    expect(d.version).toBe(2);
    expect(d.nodes.map((n) => n.balancer)).toEqual(['pooled', 'pooled', 'pooled']);
    expect(d.nodes.map((n) => n.routing)).toEqual(['each', 'each', 'each']);
    expect(d.nodes[1].batching).toEqual({ maxBatch: 8, maxWaitMs: 2, cost: { alpha: 0.1 } });
    expect(d.nodes.map((n) => n.costPerReplicaHour)).toEqual([0.1, 0.9, 2]);
    expect(d.nodes.map((n) => n.hardware)).toEqual([null, null, null]);
    expect(d.edges.map((e) => e.stage)).toEqual([null, null]);
    expect(d.pools[0]).toMatchObject({ servers: 6, replicas: 1, balancer: 'pooled', unit: null });
    expect(d.monolith).toMatchObject({ sizing: 'replicas', replicas: 1, threadsPerReplica: 12, costPerHour: 3 });
    expect(d.hardware).toEqual([]);
  });

  it('fills version 1 defaults from a frozen table, for every kind', () => {
    // llm-server came with format 2 (issue 13): a version-1 file cannot use it.
    const v1Kinds = NODE_KINDS.filter((k) => k !== 'llm-server');
    for (const kind of v1Kinds) {
      const r = parseTopology({ format: 'loadsketch', version: 1, nodes: [{ id: 'a', kind }, { id: 'b', kind: 'service' }], workload: { entry: 'b' } });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const n = r.doc.nodes[0];
      const d = V1_KIND_DEFAULTS[kind];
      expect({ replicas: n.replicas, concurrency: n.concurrency, serviceTime: n.serviceTime, costPerReplicaHour: n.costPerReplicaHour }).toEqual(d);
    }
    // The frozen table equals version 1's KINDS where kinds.ts has not changed them since.
    expect(Object.keys(V1_KIND_DEFAULTS).sort()).toEqual([...v1Kinds].sort());
    expect(V1_KIND_DEFAULTS.gateway.replicas).toBe(2);
    expect(KINDS.gateway.title).toBe('Gateway');
  });

  it('leaves a malformed version-1 document for the validator to name', () => {
    const r = parseTopology({ format: 'loadsketch', version: 1, nodes: [{ id: 'a', kind: 'service', replicas: 'x' }, 7], workload: { entry: 'a' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['nodes[0].replicas', 'nodes[1]']));
  });

  it('gives a current-version document without the new fields the version-2 defaults', () => {
    const r = parseTopology({ format: 'loadsketch', version: 2, nodes: [{ id: 'a', kind: 'service' }], workload: { entry: 'a' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes[0]).toMatchObject({ balancer: 'p2c', routing: 'each', hardware: null });
    expect(r.doc.monolith.sizing).toBe('equal-budget');
  });
});
