/**
 * Properties over random format-2 documents that use the mechanisms of
 * balancers, routing, call stages, batch cost and pool units (fast-check):
 * a run is a pure function of its inputs; requests are conserved
 * (arrivals = completed + errors + dropped + in flight); per-replica
 * utilisation brackets the node's mean.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse';
import { simulateDesign } from './run';
import { BALANCERS, type Topology } from './schema';

const node = fc.record({
  kind: fc.constantFrom('service', 'model-server', 'gateway'),
  replicas: fc.integer({ min: 1, max: 4 }),
  concurrency: fc.integer({ min: 1, max: 3 }),
  meanMs: fc.double({ min: 0.5, max: 10, noNaN: true }),
  balancer: fc.constantFrom(...BALANCERS),
  routing: fc.constantFrom('each', 'one'),
  callMode: fc.constantFrom('sequential', 'parallel'),
  hold: fc.boolean(),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 10 })),
  batch: fc.option(
    fc.record({
      maxBatch: fc.integer({ min: 2, max: 6 }),
      maxWaitMs: fc.double({ min: 0, max: 5, noNaN: true }),
      cost: fc.oneof(
        fc.record({ alpha: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ table: fc.constant([{ size: 1, ms: 2 }, { size: 4, ms: 5 }]) }),
      ),
    }),
  ),
  pool: fc.option(fc.constantFrom('p', 'q')),
});

const edge = fc.record({
  mode: fc.constantFrom('sync', 'sync', 'async'),
  probability: fc.double({ min: 0, max: 1, noNaN: true }),
  count: fc.integer({ min: 1, max: 2 }),
  networkMs: fc.double({ min: 0, max: 2, noNaN: true }),
  stage: fc.option(fc.integer({ min: 0, max: 2 })),
  timeout: fc.option(fc.record({ timeoutMs: fc.double({ min: 1, max: 30, noNaN: true }), retries: fc.integer({ min: 0, max: 1 }) })),
});

const pool = fc.record({
  servers: fc.integer({ min: 1, max: 3 }),
  replicas: fc.integer({ min: 1, max: 3 }),
  balancer: fc.constantFrom(...BALANCERS),
  unit: fc.option(fc.constant('u')),
});

const documents = fc
  .record({
    nodes: fc.array(node, { minLength: 1, maxLength: 5 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), edge), { maxLength: 8 }),
    pools: fc.tuple(pool, pool),
    ratePerSec: fc.double({ min: 5, max: 300, noNaN: true }),
  })
  .map(({ nodes, edges, pools, ratePerSec }): Topology => {
    const seen = new Set<string>();
    const r = parseTopology({
      format: 'loadsketch',
      version: 2,
      nodes: nodes.map((n, i) => ({
        id: `n${i}`,
        kind: n.kind,
        replicas: n.replicas,
        concurrency: n.concurrency,
        serviceTime: { dist: 'exponential', meanMs: n.meanMs },
        balancer: n.balancer,
        routing: n.routing,
        callMode: n.callMode,
        holdWorkerDuringCalls: n.hold,
        queueCapacity: n.queueCapacity,
        pool: n.pool,
        ...(n.kind === 'model-server' && n.batch ? { batching: n.batch } : {}),
      })),
      edges: edges.flatMap(([a, b, e], k) => {
        const s = a % nodes.length;
        const t = b % nodes.length;
        if (s >= t || seen.has(`${s}-${t}`)) return [];
        seen.add(`${s}-${t}`);
        const timeout = e.mode === 'sync' && e.timeout ? e.timeout : {};
        return [{ id: `e${k}`, source: `n${s}`, target: `n${t}`, mode: e.mode, probability: e.probability, count: e.count, networkMs: e.networkMs, stage: e.stage, ...timeout }];
      }),
      pools: pools.map((p, k) => ({ id: k === 0 ? 'p' : 'q', ...p })),
      workload: { entry: 'n0', ratePerSec },
      run: { durationSec: 2, warmupSec: 0.3, seed: 1, replications: 1 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.doc;
  });

const bytes = (r: unknown) => JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

describe('mechanism properties on random format-2 documents', () => {
  it('same seed, same bytes; requests conserved; replica spread brackets the mean, under every balancer / routing / stage combination', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (doc, seed) => {
        const a = simulateDesign(doc, { seed });
        expect(bytes(a)).toBe(bytes(simulateDesign(doc, { seed })));
        const e = a.endToEnd;
        expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
        for (const n of a.nodes) {
          expect(n.utilizationMin).toBeLessThanOrEqual(n.utilization + 1e-9);
          expect(n.utilizationMax).toBeGreaterThanOrEqual(n.utilization - 1e-9);
          expect(n.utilizationMin).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
