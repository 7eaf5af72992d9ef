/**
 * Properties over random small documents (fast-check): a run is a pure
 * function of its inputs, latencies are never negative, requests are
 * conserved, and splitting replications across workers changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from './parse';
import type { RunResult } from './results';
import { combineReplications, runPoint, simulateReplication } from './run';
import type { Topology } from './schema';

const dist = fc.oneof(
  fc.record({ dist: fc.constant('exponential'), meanMs: fc.double({ min: 0.1, max: 20, noNaN: true }) }),
  fc.record({ dist: fc.constant('deterministic'), meanMs: fc.double({ min: 0, max: 20, noNaN: true }) }),
  fc.record({ dist: fc.constantFrom('lognormal', 'gamma'), meanMs: fc.double({ min: 0.1, max: 20, noNaN: true }), cv: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
  fc.record({ dist: fc.constant('uniform'), minMs: fc.constant(1), maxMs: fc.double({ min: 1, max: 20, noNaN: true }) }),
);

const node = fc.record({
  kind: fc.constantFrom('service', 'cache', 'model-server', 'database', 'gateway'),
  replicas: fc.integer({ min: 1, max: 3 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  serviceTime: dist,
  callMode: fc.constantFrom('sequential', 'parallel'),
  holdWorkerDuringCalls: fc.boolean(),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 20 })),
  batch: fc.option(fc.record({ maxBatch: fc.integer({ min: 2, max: 8 }), maxWaitMs: fc.double({ min: 0, max: 10, noNaN: true }) })),
});

const edge = fc.record({
  mode: fc.constantFrom('sync', 'sync', 'async'),
  probability: fc.double({ min: 0, max: 1, noNaN: true }),
  count: fc.integer({ min: 1, max: 2 }),
  networkMs: fc.double({ min: 0, max: 3, noNaN: true }),
  timeout: fc.option(fc.record({ timeoutMs: fc.double({ min: 1, max: 50, noNaN: true }), retries: fc.integer({ min: 0, max: 2 }) })),
});

/** A random acyclic document: edges only go from a node to a later one. */
const documents = fc
  .record({
    nodes: fc.array(node, { minLength: 1, maxLength: 4 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), edge), { maxLength: 6 }),
    ratePerSec: fc.double({ min: 5, max: 400, noNaN: true }),
    arrival: fc.constantFrom('poisson', 'constant', 'bursty'),
  })
  .map(({ nodes, edges, ratePerSec, arrival }): Topology => {
    const seen = new Set<string>();
    const spec = {
      format: 'loadsketch',
      version: 1,
      nodes: nodes.map((n, i) => ({
        id: `n${i}`,
        kind: n.kind,
        replicas: n.replicas,
        concurrency: n.concurrency,
        serviceTime: n.serviceTime,
        callMode: n.callMode,
        holdWorkerDuringCalls: n.holdWorkerDuringCalls,
        queueCapacity: n.queueCapacity,
        ...(n.kind === 'model-server' && n.batch ? { batching: n.batch } : {}),
      })),
      edges: edges.flatMap(([a, b, e], k) => {
        const s = a % nodes.length;
        const t = b % nodes.length;
        if (s >= t || seen.has(`${s}-${t}`)) return [];
        seen.add(`${s}-${t}`);
        const timeout = e.mode === 'sync' && e.timeout ? e.timeout : {};
        return [{ id: `e${k}`, source: `n${s}`, target: `n${t}`, mode: e.mode, probability: e.probability, count: e.count, networkMs: e.networkMs, ...timeout }];
      }),
      workload: { entry: 'n0', ratePerSec, arrival },
      run: { durationSec: 3, warmupSec: 0.5, seed: 1, replications: 2 },
    };
    const r = parseTopology(spec);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.doc;
  });

/** The result as bytes: typed arrays as lists, NaN as null (what the CLI prints). */
const bytes = (r: unknown) => JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

function checkDesign(r: RunResult['microservices']): void {
  const e = r.endToEnd;
  expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
  for (const v of [e.meanMs, e.p50Ms, e.p90Ms, e.p99Ms, e.p999Ms, e.maxMs]) if (e.completed > 0) expect(v).toBeGreaterThanOrEqual(0);
  if (e.completed > 0) expect(e.p50Ms).toBeLessThanOrEqual(e.p99Ms);
  for (const n of r.nodes) {
    for (const v of [n.meanWaitMs, n.meanTimeInNodeMs, n.p99TimeInNodeMs, n.utilization, n.meanQueueLength]) expect(v).toBeGreaterThanOrEqual(0);
    expect(n.meanWaitMs).toBeLessThanOrEqual(n.meanTimeInNodeMs + 1e-9);
  }
}

describe('simulation properties on random documents', () => {
  it('same document, options and seed give the same bytes; latencies are non-negative; requests are conserved; the clock never goes back (checked on every event by the simulator)', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (doc, seed) => {
        const a = runPoint(doc, { seed });
        const b = runPoint(doc, { seed });
        expect(bytes(a)).toBe(bytes(b));
        checkDesign(a.microservices);
        checkDesign(a.monolith);
      }),
      { numRuns: 40 },
    );
  });

  it('replications split across workers, in any order, combine to the same bytes as one thread', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 2, max: 4 }), (doc, replications) => {
        const opts = { replications, durationSec: 2, warmupSec: 0.2 };
        const reps = Array.from({ length: replications }, (_, r) => simulateReplication(doc, opts, r)).reverse();
        // A worker sends its result through structured clone: simulate that too.
        expect(bytes(combineReplications(doc, opts, structuredClone(reps)))).toBe(bytes(runPoint(doc, opts)));
      }),
      { numRuns: 25 },
    );
  });
});
