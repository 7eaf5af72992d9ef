/**
 * Properties of scenario runs over random small documents and random
 * overlapping events of every kind (fast-check): the run is a pure function
 * of its inputs (tested in scenarioSim.test.ts), requests are conserved with every loss counted by its cause,
 * the clock never goes back (the simulator checks it on every event), and
 * the monolith's mapped scenario runs too (determinism: scenarioSim.test.ts);
 * the same with autoscalers on random nodes and on the monolith.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse';
import type { DesignResult } from '../results';
import { runPoint } from '../run';
import type { Topology } from '../schema';
import { conserved } from '../testing/conservation';

const node = fc.record({
  kind: fc.constantFrom('service', 'cache', 'database', 'gateway'),
  replicas: fc.integer({ min: 1, max: 4 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  meanMs: fc.double({ min: 0.5, max: 15, noNaN: true }),
  callMode: fc.constantFrom('sequential', 'parallel'),
  holdWorkerDuringCalls: fc.boolean(),
  queueCapacity: fc.option(fc.integer({ min: 0, max: 20 })),
  balancer: fc.constantFrom('pooled', 'round-robin', 'random', 'least-outstanding', 'p2c'),
});

const edge = fc.record({
  mode: fc.constantFrom('sync', 'sync', 'async'),
  networkMs: fc.double({ min: 0, max: 3, noNaN: true }),
  timeout: fc.option(fc.record({ timeoutMs: fc.double({ min: 5, max: 80, noNaN: true }), retries: fc.integer({ min: 0, max: 2 }) })),
});

const event = fc.record({
  kind: fc.constantFrom('crash', 'latency', 'capacity', 'errors', 'partition', 'outage', 'cacheFlush'),
  atSec: fc.integer({ min: 0, max: 10 }),
  durationSec: fc.integer({ min: 1, max: 5 }),
  target: fc.nat(),
  x: fc.double({ min: 0.05, max: 1, noNaN: true }),
});

const documents = fc
  .record({
    nodes: fc.array(node, { minLength: 2, maxLength: 4 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), edge), { minLength: 1, maxLength: 5 }),
    events: fc.array(event, { minLength: 1, maxLength: 5 }),
    ratePerSec: fc.double({ min: 20, max: 150, noNaN: true }),
  })
  .map(({ nodes, edges, events, ratePerSec }): Topology | null => {
    const seen = new Set<string>();
    const es = edges
      .map(([a, b, e], k) => {
        const s = a % nodes.length;
        const t = s + 1 + (b % Math.max(1, nodes.length - s - 1));
        if (t >= nodes.length || seen.has(`${s}-${t}`)) return null;
        seen.add(`${s}-${t}`);
        return { id: `e${k}`, source: `n${s}`, target: `n${t}`, mode: e.mode, networkMs: e.networkMs, ...(e.mode === 'sync' && e.timeout ? e.timeout : {}) };
      })
      .filter((e) => e !== null);
    if (es.length === 0) return null;
    const crashTaken = new Set<number>();
    const evs = events.flatMap((e) => {
      const base = { atSec: e.atSec, durationSec: e.durationSec };
      // One mode per edge (overlapping partitions of an edge must agree): hang on odd edges.
      if (e.kind === 'partition') return [{ ...base, kind: 'partition', target: es[e.target % es.length].id, mode: (e.target % es.length) % 2 ? 'hang' : 'fail' }];
      const i = e.target % nodes.length;
      const id = `n${i}`;
      switch (e.kind) {
        case 'crash':
          if (crashTaken.has(i)) return [];
          crashTaken.add(i);
          return [{ ...base, kind: 'crash', target: id, fraction: e.x }];
        case 'latency':
          return [{ ...base, kind: 'latency', target: id, factor: 1 + 9 * e.x, addMs: 3 * e.x }];
        case 'capacity':
          return [{ ...base, kind: 'capacity', target: id, percent: 90 * e.x }];
        case 'errors':
          return [{ ...base, kind: 'errors', target: id, fraction: e.x }];
        case 'outage':
          return [{ ...base, kind: 'outage', target: id }];
        default:
          return nodes[i].kind === 'cache' ? [{ ...base, kind: 'cacheFlush', target: id, warmSec: 5 * e.x }] : [];
      }
    });
    if (evs.length === 0) return null;
    const r = parseTopology({
      format: 'loadsketch',
      version: 2,
      nodes: nodes.map((n, i) => ({
        id: `n${i}`,
        kind: n.kind,
        replicas: n.replicas,
        concurrency: n.concurrency,
        serviceTime: { dist: 'exponential', meanMs: n.meanMs },
        callMode: n.callMode,
        holdWorkerDuringCalls: n.holdWorkerDuringCalls,
        queueCapacity: n.queueCapacity,
        balancer: n.balancer,
        costPerReplicaHour: 0.1,
      })),
      edges: es,
      workload: { entry: 'n0', ratePerSec },
      run: { durationSec: 12, warmupSec: 1 },
      scenario: { events: evs },
    });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return r.doc;
  })
  .filter((d): d is Topology => d !== null);

/** The same documents with autoscalers on some service nodes (HPA or KPA) and maybe on the monolith; capacity faults on them dropped (refused). */
const autoscaler = fc.oneof(
  fc.record({ policy: fc.constant('hpa'), metric: fc.constantFrom('utilization', 'concurrency'), target: fc.constantFrom(0.5, 2), minReplicas: fc.integer({ min: 1, max: 2 }), maxReplicas: fc.integer({ min: 3, max: 6 }), syncPeriodSec: fc.constant(2) }),
  fc.record({ policy: fc.constant('kpa'), target: fc.constantFrom(1, 3), minReplicas: fc.integer({ min: 0, max: 1 }), maxReplicas: fc.integer({ min: 2, max: 6 }) }),
);
const elasticDocuments = fc
  .tuple(documents, fc.array(fc.option(autoscaler), { minLength: 4, maxLength: 4 }), fc.option(autoscaler))
  .map(([doc, scalers, mono]): Topology | null => {
    const auto = new Set(doc.nodes.filter((n, i) => scalers[i] != null && n.kind !== 'cache').map((n) => n.id));
    if (auto.size === 0 && mono == null) return null;
    const monolith = mono != null ? { ...doc.monolith, autoscale: { ...mono, minReplicas: Math.max(1, mono.minReplicas) } } : doc.monolith;
    const events = doc.scenario!.events.filter((e) => e.kind !== 'capacity' || (!auto.has(e.target) && mono == null));
    if (events.length === 0) return null;
    const r = parseTopology({
      ...doc,
      nodes: doc.nodes.map((n, i) => (auto.has(n.id) ? { ...n, autoscale: scalers[i], coldStart: { dist: 'deterministic', meanSec: 0.5 + (i % 3) } } : n)),
      monolith,
      scenario: { events },
    });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return r.doc;
  })
  .filter((d): d is Topology => d !== null);

function conservedAndBounded(d: DesignResult): void {
  conserved(d);
  expect(d.availability).toBeGreaterThanOrEqual(0);
  expect(d.availability).toBeLessThanOrEqual(1);
  for (const n of d.nodes) for (const u of n.faultSeries!.utilization) expect(u).toBeLessThanOrEqual(1 + 1e-6);
}

describe('scenario runs on random documents and events', () => {
  it('conserve requests in both designs (every loss by its cause) and keep the clock monotone', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 1000 }), (doc, seed) => {
        const a = runPoint(doc, { seed });
        conservedAndBounded(a.microservices);
        conservedAndBounded(a.monolith);
      }),
      { numRuns: 12, seed: 11, endOnFailure: true },
    );
  });

  it('with autoscalers too (elasticScenarioSim.ts): conserve requests, every loss by its cause, in both designs', () => {
    fc.assert(
      fc.property(elasticDocuments, fc.integer({ min: 0, max: 1000 }), (doc, seed) => {
        const a = runPoint(doc, { seed });
        conservedAndBounded(a.microservices);
        conservedAndBounded(a.monolith);
      }),
      { numRuns: 16, seed: 12, endOnFailure: true },
    );
  });
});
