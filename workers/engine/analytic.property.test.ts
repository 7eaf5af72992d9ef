/**
 * Properties of the analytic model on random acyclic designs (fast-check,
 * fixed seed so a failure replays): determinism, utilisation linear in the
 * rate, a mean that grows with the load and exists exactly below the
 * saturation rate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { makeDoc } from './analytic/testDoc';
import type { EdgeSpec, NodeSpec } from './schema';

const serviceTime = fc.oneof(
  fc.record({ dist: fc.constant('exponential' as const), meanMs: fc.double({ min: 0.1, max: 50, noNaN: true }) }),
  fc.record({ dist: fc.constant('deterministic' as const), meanMs: fc.double({ min: 0.1, max: 50, noNaN: true }) }),
  fc.record({
    dist: fc.constant('gamma' as const),
    meanMs: fc.double({ min: 0.1, max: 50, noNaN: true }),
    cv: fc.double({ min: 0.1, max: 3, noNaN: true }),
  }),
);

/** A random DAG: node i may call any node j > i, so there is no cycle. */
const design = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .record({
      nodes: fc.array(
        fc.record({
          servers: fc.integer({ min: 1, max: 40 }),
          serviceTime,
          callMode: fc.constantFrom('sequential' as const, 'parallel' as const),
          pooled: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      edges: fc.array(
        fc.record({
          from: fc.nat(n - 1),
          to: fc.nat(n - 1),
          mode: fc.constantFrom('sync' as const, 'sync' as const, 'async' as const),
          probability: fc.double({ min: 0, max: 1, noNaN: true }),
          count: fc.integer({ min: 1, max: 3 }),
          networkMs: fc.double({ min: 0, max: 5, noNaN: true }),
        }),
        { maxLength: 12 },
      ),
    })
    .map(({ nodes, edges }) => {
      const specs: NodeSpec[] = nodes.map((x, i) => ({
        id: `n${i}`,
        kind: 'service',
        replicas: x.servers,
        concurrency: 1,
        serviceTime: x.serviceTime,
        callMode: x.callMode,
        pool: x.pooled ? 'shared' : null,
      }));
      const seen = new Set<string>();
      const edgeSpecs: EdgeSpec[] = [];
      for (const e of edges) {
        const [s, t] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
        if (s === t || seen.has(`${s}-${t}`)) continue;
        seen.add(`${s}-${t}`);
        const { from: _f, to: _t, ...rest } = e;
        edgeSpecs.push({ id: `e${s}-${t}`, source: `n${s}`, target: `n${t}`, ...rest });
      }
      return makeDoc(specs, edgeSpecs, { entry: 'n0', ratePerSec: 1 }, [{ id: 'shared', servers: 8 }]);
    }),
);

const params = { seed: 20260301, numRuns: 200 };

describe('analytic model properties', () => {
  it('is deterministic and its utilisation is linear in the rate', () => {
    fc.assert(
      fc.property(design, (doc) => {
        const a = analyze(doc, 3);
        expect(analyze(doc, 3)).toEqual(a);
        const b = analyze(doc, 6);
        a.nodes.forEach((n, i) => {
          expect(b.nodes[i].utilization).toBeCloseTo(2 * n.utilization, 9);
          expect(b.nodes[i].arrivalRatePerSec).toBeCloseTo(2 * n.arrivalRatePerSec, 9);
        });
      }),
      params,
    );
  });

  it('has a mean exactly below the saturation rate, growing with the load', () => {
    fc.assert(
      fc.property(design, (doc) => {
        const sat = analyze(doc).saturationRatePerSec!;
        expect(sat).toBeGreaterThan(0);
        const rates = [1e-9, 0.2, 0.5, 0.8, 0.95, 0.999].map((f) => f * sat);
        const means = rates.map((r) => analyze(doc, r).meanMs!);
        for (let k = 1; k < means.length; k++) expect(means[k]).toBeGreaterThanOrEqual(means[k - 1] * (1 - 1e-12));
        expect(analyze(doc, 1.001 * sat).meanMs).toBeNull();
        expect(analyze(doc, 1.001 * sat).notCovered.join(' ')).toMatch(/The design is saturated/);
        expect(analyze(doc, 0.999 * sat).notCovered).toEqual([]);
      }),
      params,
    );
  });
});
