/**
 * The fault scenario in the simulator (issue 11, "Done when"), against exact
 * results: the outage law (≈ λ·d failures), the retry visit-rate law
 * λ(1 − p^(r+1))/(1 − p) (visitRate.ts), conservation under every fault kind,
 * a crash doubling the survivors' utilisation, a latency factor, the
 * monolith's mapping, determinism across workers, and the plain simulator's
 * bits kept for documents without events.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { deriveMonolithDeployment } from '../monolith';
import type { ReplicationResult } from '../raw';
import { replicationSeed } from '../rng';
import { combineReplications, resolveRun, runPoint, simSpec, simulateDesign, simulateReplication } from '../run';
import type { Topology } from '../schema';
import { simulate } from '../simulate';
import { conserved } from '../testing/conservation';
import { testDoc2 } from '../testing/docs';
import type { ScenarioEventSpec } from './scenarioSchema';
import { ScenarioSimulator } from './scenarioSim';
import { calleeVisitRate, callFailureProbability } from './visitRate';

/** api → db (sync), both fast; λ = 50 req/s, 60 s, warm-up 5 s. */
function chain(events: ScenarioEventSpec[], extra: { edge?: Record<string, unknown>; db?: Record<string, unknown>; api?: Record<string, unknown>; ratePerSec?: number; durationSec?: number } = {}): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 }, ...extra.api },
      { id: 'db', kind: 'database', replicas: 4, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 3 }, balancer: 'round-robin', ...extra.db },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 1, ...extra.edge }],
    workload: { entry: 'api', ratePerSec: extra.ratePerSec ?? 50 },
    run: { durationSec: extra.durationSec ?? 60, warmupSec: 5, seed: 3 },
    scenario: { events },
  });
}


describe('fault scenarios in the simulator', () => {
  it('a full outage of a sync dependency for d seconds at low load fails about λ·d requests, all by cause outage', () => {
    const d = simulateDesign(chain([{ atSec: 20, durationSec: 10, kind: 'outage', target: 'db' }]));
    // λ·d = 50 × 10 = 500 (Poisson: sd ≈ 22), plus the few in flight at the db when it went down.
    expect(d.endToEnd.errors).toBeGreaterThan(500 - 90);
    expect(d.endToEnd.errors).toBeLessThan(500 + 90);
    expect(d.endToEnd.errorsByCause?.outage).toBe(d.endToEnd.errors);
    expect(d.availability).toBeCloseTo(d.endToEnd.completed / d.endToEnd.arrivals, 12);
    expect(d.recovered).toBe(true);
    expect(d.recoverySec).toBe(0);
    conserved(d);
  });

  it('constant errors p with r retries: the callee sees λ(1 − p^(r+1))/(1 − p) visits and p^(r+1) of calls fail', () => {
    const p = 0.3;
    const r = 2;
    const lambda = 200;
    const doc = chain([{ atSec: 0, durationSec: 100, kind: 'errors', target: 'db', fraction: p }], {
      edge: { timeoutMs: 10_000, retries: r },
      ratePerSec: lambda,
      durationSec: 100,
    });
    const d = simulateDesign(doc);
    const db = d.nodes.find((n) => n.id === 'db')!;
    expect(db.arrivalRatePerSec / calleeVisitRate(lambda, p, r)).toBeCloseTo(1, 1);
    expect(Math.abs(db.arrivalRatePerSec / calleeVisitRate(lambda, p, r) - 1)).toBeLessThan(0.02);
    const failedShare = d.endToEnd.errors / d.endToEnd.arrivals;
    expect(Math.abs(failedShare - callFailureProbability(p, r))).toBeLessThan(0.006);
    expect(d.endToEnd.errorsByCause?.error).toBe(d.endToEnd.errors);
    conserved(d);
  });

  const kinds: [string, ScenarioEventSpec[], Parameters<typeof chain>[1]][] = [
    ['crash', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'db', replicas: 3 }], { ratePerSec: 400 }],
    ['crash holding workers', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'api', replicas: 1 }], { api: { holdWorkerDuringCalls: true }, ratePerSec: 400 }],
    ['crash of a pooled node', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'db', fraction: 0.75 }], { db: { balancer: 'pooled' }, ratePerSec: 400 }],
    ['outage', [{ atSec: 10, durationSec: 5, kind: 'outage', target: 'db' }], { edge: { timeoutMs: 50, retries: 2 } }],
    ['latency', [{ atSec: 10, durationSec: 20, kind: 'latency', target: 'db', factor: 20, addMs: 5 }], { db: { queueCapacity: 5 }, ratePerSec: 400 }],
    ['capacity', [{ atSec: 10, durationSec: 20, kind: 'capacity', target: 'db', percent: 75 }], { ratePerSec: 400 }],
    ['errors', [{ atSec: 10, durationSec: 20, kind: 'errors', target: 'db', fraction: 0.5 }], {}],
    ['partition fail', [{ atSec: 10, durationSec: 20, kind: 'partition', target: 'api-db', mode: 'fail' }], { edge: { timeoutMs: 50, retries: 1 } }],
    ['partition hang with a timeout', [{ atSec: 10, durationSec: 20, kind: 'partition', target: 'api-db', mode: 'hang' }], { edge: { timeoutMs: 50, retries: 1 } }],
    ['partition hang without a timeout', [{ atSec: 10, durationSec: 20, kind: 'partition', target: 'api-db', mode: 'hang' }], {}],
    ['outage of the entry', [{ atSec: 10, durationSec: 5, kind: 'outage', target: 'api' }], {}],
  ];
  for (const [name, events, extra] of kinds) {
    it(`conservation under ${name}: arrivals = completed + errors + dropped + rejected + in flight, Σ by cause = errors + dropped + rejected`, () => {
      const d = simulateDesign(chain(events, extra));
      conserved(d);
      expect(d.endToEnd.errors + d.endToEnd.dropped + d.endToEnd.inFlight).toBeGreaterThan(0);
    });
  }

  it('conservation under a cache flush (the misses reach the store)', () => {
    const doc = testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 } },
        { id: 'cache', kind: 'cache', hitRatio: 0.9 },
        { id: 'db', kind: 'database', replicas: 1, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 5 }, queueCapacity: 20 },
      ],
      edges: [
        { id: 'api-cache', source: 'api', target: 'cache' },
        { id: 'cache-db', source: 'cache', target: 'db' },
      ],
      workload: { entry: 'api', ratePerSec: 200 },
      run: { durationSec: 60, warmupSec: 5, seed: 3 },
      scenario: { events: [{ atSec: 20, durationSec: 5, kind: 'cacheFlush', target: 'cache', warmSec: 10 }] },
    });
    const d = simulateDesign(doc);
    conserved(d);
    const db = d.nodes.find((n) => n.id === 'db')!.faultSeries!;
    // Windows of 1 s: the store's load jumps while the cache is empty (20–25 s), then falls back.
    expect(db.utilization[22]).toBeGreaterThan(3 * db.utilization[10]);
    expect(db.utilization[50]).toBeLessThan(1.5 * db.utilization[10]);
  });

  it('a partitioned async edge loses its messages for the partition and only then', () => {
    const doc = testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 } },
        { id: 'log', kind: 'queue', replicas: 1, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 1 } },
      ],
      edges: [{ id: 'api-log', source: 'api', target: 'log', mode: 'async' }],
      workload: { entry: 'api', ratePerSec: 100 },
      run: { durationSec: 60, warmupSec: 0, seed: 3 },
      scenario: { events: [{ atSec: 0, durationSec: 30, kind: 'partition', target: 'api-log' }] },
    });
    const d = simulateDesign(doc);
    const log = d.nodes.find((n) => n.id === 'log')!;
    // Messages arrive in the second half only: about half the requests' rate over the run.
    expect(log.arrivalRatePerSec / d.nodes[0].arrivalRatePerSec).toBeGreaterThan(0.45);
    expect(log.arrivalRatePerSec / d.nodes[0].arrivalRatePerSec).toBeLessThan(0.55);
    expect(d.endToEnd.errors).toBe(0);
    expect(Math.max(...log.faultSeries!.errors.slice(0, 29))).toBeGreaterThan(0);
  });

  it('a crash of 2 of 4 balanced replicas doubles the survivors’ utilisation; the crashed ones serve nothing', () => {
    const events: ScenarioEventSpec[] = [{ atSec: 0, durationSec: 100, kind: 'crash', target: 'db', replicas: 2 }];
    const healthy = simulateDesign({ ...chain(events, { ratePerSec: 200 }), scenario: undefined });
    const crashed = simulateDesign(chain(events, { ratePerSec: 200 }));
    const h = healthy.nodes.find((n) => n.id === 'db')!;
    const c = crashed.nodes.find((n) => n.id === 'db')!;
    expect(c.utilizationMin).toBe(0);
    expect(c.utilizationMax / h.utilizationMax).toBeGreaterThan(1.85);
    expect(c.utilizationMax / h.utilizationMax).toBeLessThan(2.15);
    expect(crashed.endToEnd.errors).toBe(0);
  });

  it('a latency factor × 3 + 4 ms triples a deterministic service time and adds 4 ms', () => {
    const doc = chain([{ atSec: 0, durationSec: 100, kind: 'latency', target: 'db', factor: 3, addMs: 4 }], {
      db: { serviceTime: { dist: 'deterministic', meanMs: 2 }, concurrency: 64 },
    });
    const db = simulateDesign(doc).nodes.find((n) => n.id === 'db')!;
    expect(db.meanTimeInNodeMs).toBeCloseTo(3 * 2 + 4, 9);
  });

  it('the monolith: a crash of a merged component takes monolith replicas down, with every component on them', () => {
    const doc = testDoc2({
      nodes: [
        { id: 'a', kind: 'service', replicas: 2, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 2 }, balancer: 'round-robin' },
        { id: 'b', kind: 'service', replicas: 2, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 2 }, balancer: 'round-robin' },
        { id: 'db', kind: 'database', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 } },
      ],
      edges: [
        { id: 'a-b', source: 'a', target: 'b' },
        { id: 'b-db', source: 'b', target: 'db' },
      ],
      workload: { entry: 'a', ratePerSec: 100 },
      run: { durationSec: 40, warmupSec: 2, seed: 5 },
      monolith: { sizing: 'replicas', replicas: 2, threadsPerReplica: 8 },
      scenario: { events: [{ atSec: 0, durationSec: 100, kind: 'crash', target: 'b', replicas: 1 }] },
    });
    const { doc: mono, deployment } = deriveMonolithDeployment(doc);
    expect(mono.scenario?.events).toEqual([{ atSec: 0, durationSec: 100, kind: 'crash', target: 'monolith', fraction: 0.5 }]);
    expect(deployment.scenarioNotes).toHaveLength(1);
    expect(deployment.scenarioNotes?.[0]).toMatch(/1 of 2 replicas → a 0\.5 share of the monolith's replicas crash/);
    const r = runPoint(doc, {});
    const microA = r.microservices.nodes.find((n) => n.id === 'a')!;
    const monoA = r.monolith.nodes.find((n) => n.id === 'a')!;
    // Microservices: only b lost a replica; a keeps both. Monolith: the replica hosting b hosted a too.
    expect(microA.utilizationMin).toBeGreaterThan(0);
    expect(monoA.utilizationMin).toBe(0);
    expect(r.monolith.deployment?.scenarioNotes).toEqual(deployment.scenarioNotes);
    conserved(r.microservices);
    conserved(r.monolith);
  });

  it('per-node in flight = busy servers + waiting, and its time-average is M/M/1\'s L = ρ/(1 − ρ)', () => {
    // One exponential server (10 ms) at 50 req/s: ρ = 0.5, L = 1. The scenario is a no-op latency factor.
    const doc = testDoc2({
      nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } }],
      edges: [],
      workload: { entry: 'api', ratePerSec: 50 },
      run: { durationSec: 400, warmupSec: 0, seed: 5 },
      scenario: { events: [{ atSec: 1, durationSec: 1, kind: 'latency', target: 'api', factor: 1 }] },
    });
    const s = simulateDesign(doc).nodes[0]!.faultSeries!;
    for (let k = 0; k < s.inFlight.length; k++) expect(s.inFlight[k]).toBeCloseTo(s.utilization[k]! + s.queueLength[k]!, 9);
    const mean = s.inFlight.reduce((a, b) => a + b, 0) / s.inFlight.length;
    expect(mean).toBeGreaterThan(0.9);
    expect(mean).toBeLessThan(1.1);
  });

  it('a drop by a full queue is a failed attempt: retried while the call\'s retries allow (issue 11), at once or after its back-off', () => {
    // db: one server, 10 ms, at most 2 waiting, at 80 req/s: drops; the edge's timeout never fires (10 s). A no-op event.
    const doc = (edge: Record<string, unknown>) => {
      const d = chain([{ atSec: 1, durationSec: 1, kind: 'latency', target: 'api', factor: 1 }], {
        db: { replicas: 1, concurrency: 1, queueCapacity: 2, serviceTime: { dist: 'exponential', meanMs: 10 }, balancer: 'pooled' },
        edge: { networkMs: 0, timeoutMs: 10_000, ...edge },
        ratePerSec: 80,
        durationSec: 200,
      });
      return { ...d, run: { ...d.run, warmupSec: 0 } };
    };
    const run = (edge: Record<string, unknown>) => {
      const d = simulateDesign(doc(edge));
      conserved(d);
      const db = d.nodes.find((n) => n.id === 'db')!;
      const failedByDrop = d.endToEnd.errorsByCause!.dropped!;
      expect(db.dropped).toBeGreaterThan(100);
      expect(d.endToEnd.errors).toBe(failedByDrop);
      // db's visits = first attempts (one per request) + one retry per drop that was not its call's last attempt.
      expect(Math.abs(db.arrivalRatePerSec * 200 - (d.endToEnd.arrivals + db.dropped - failedByDrop))).toBeLessThanOrEqual(5);
      return { drops: db.dropped, failed: failedByDrop };
    };
    // No retries: every drop fails its call.
    const none = run({ retries: 0 });
    expect(none.failed).toBe(none.drops);
    // Two retries at once: they find the same full queue, so a failed call is 3 drops at one instant.
    const atOnce = run({ retries: 2 });
    expect(atOnce.failed * 3).toBe(atOnce.drops);
    // Two retries after a back-off (20 ms, × 2): the queue has moved on, many retries are served (the retries' own
    // load keeps the queue fuller, so not all: about 1 100 failures against 2 800 without retries).
    const later = run({ retries: 2, backoff: { baseMs: 20, multiplier: 2, maxMs: 250, jitter: 'none' } });
    expect(later.failed).toBeLessThan(none.failed / 2);
    expect(later.failed).toBeLessThan(atOnce.failed / 2);
  });

  it('gives identical results from 1 or 4 workers (replications computed apart, moved, merged in any order)', () => {
    const doc = chain(
      [
        { atSec: 10, durationSec: 10, kind: 'crash', target: 'db', replicas: 2 },
        { atSec: 15, durationSec: 10, kind: 'errors', target: 'db', fraction: 0.2 },
      ],
      { edge: { timeoutMs: 40, retries: 1 }, ratePerSec: 300, durationSec: 30 },
    );
    const opts = { replications: 4 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [3, 1, 0, 2].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    const four = combineReplications(doc, opts, reps);
    expect(four).toEqual(one);
    expect(one.microservices.availability).toBeLessThan(1);
  });

  it('before its first event a scenario run is the plain run, bit for bit (a no-op latency factor)', () => {
    const events: ScenarioEventSpec[] = [{ atSec: 30, durationSec: 10, kind: 'latency', target: 'db', factor: 1 }];
    const doc = chain(events, { ratePerSec: 300 });
    const plainDoc = { ...doc, scenario: undefined };
    const m = compileModel(doc);
    const run = resolveRun(doc);
    const spec = simSpec(doc, run, replicationSeed(run.seed, 0));
    const a = new ScenarioSimulator(m, spec).run();
    const b = simulate(compileModel(plainDoc), spec);
    expect(Array.from(a.latency)).toEqual(Array.from(b.latency));
    expect(Array.from(a.nodeStats)).toEqual(Array.from(b.nodeStats));
    expect(Array.from(a.series)).toEqual(Array.from(b.series));
    expect(b.fault).toBeUndefined();
  });
});
