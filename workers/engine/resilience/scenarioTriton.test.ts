/**
 * Fault scenarios on Triton model servers (dynamic batcher, model instances per replica):
 * a crash of 2 of 4 replicas fails only inside its window (cause crash) and recovers; an outage
 * at low load fails ≈ λ·d; a latency factor multiplies the whole batch's time; a capacity cut
 * halves a replica's throughput ceiling; conservation with causes; the same bits from 1 or 4
 * workers; a no-op event leaves the run the plain run, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import type { ReplicationResult } from '../raw';
import { replicationSeed } from '../rng';
import { combineReplications, resolveRun, runPoint, simSpec, simulateDesign, simulateReplication } from '../run';
import type { Topology } from '../schema';
import { simulate } from '../simulate';
import { conserved } from '../testing/conservation';
import { testDoc2 } from '../testing/docs';
import type { ScenarioEventSpec } from './scenarioSchema';
import { ScenarioSimulator } from './scenarioSim';

interface Opts {
  ratePerSec?: number;
  durationSec?: number;
  replicas?: number;
  instances?: number;
  maxBatch?: number;
  maxWaitMs?: number;
  maxQueueSize?: number;
  serviceTime?: Record<string, unknown>;
  alpha?: number;
  balancer?: string;
  edge?: Record<string, unknown>;
  /** An autoscaler on api (the scenario then runs on the elastic simulator). */
  apiAutoscale?: boolean;
}

/** api → ranker (a Triton model server; 4 replicas × 2 instances by default), warm-up 5 s, windows of 1 s for 60 s. */
function rankerDoc(events: ScenarioEventSpec[], o: Opts = {}): Topology {
  return testDoc2({
    nodes: [
      {
        id: 'api',
        kind: 'service',
        replicas: 2,
        concurrency: 256,
        serviceTime: { dist: 'exponential', meanMs: 0.5 },
        ...(o.apiAutoscale ? { autoscale: { policy: 'hpa', minReplicas: 2, maxReplicas: 4 } } : {}),
      },
      {
        id: 'ranker',
        kind: 'model-server',
        replicas: o.replicas ?? 4,
        concurrency: 1,
        serviceTime: o.serviceTime ?? { dist: 'gamma', meanMs: 10, cv: 0.2 },
        balancer: o.balancer ?? 'least-outstanding',
        batching: {
          maxBatch: o.maxBatch ?? 8,
          maxWaitMs: o.maxWaitMs ?? 2,
          cost: { alpha: o.alpha ?? 0.1 },
          triton: { instancesPerReplica: o.instances ?? 2, maxQueueSize: o.maxQueueSize ?? 0 },
        },
      },
    ],
    edges: [{ id: 'api-ranker', source: 'api', target: 'ranker', networkMs: 1, ...o.edge }],
    workload: { entry: 'api', ratePerSec: o.ratePerSec ?? 300 },
    run: { durationSec: o.durationSec ?? 60, warmupSec: 5, seed: 7 },
    scenario: { events },
  });
}


const sum = (xs: ArrayLike<number>, from: number, to: number) => Array.from(xs).slice(from, to).reduce((a, b) => a + b, 0);

describe('fault scenarios on Triton model servers', () => {
  it('a crash of 2 of 4 replicas fails what they held (cause crash) only at the crash, and the node recovers', () => {
    const d = simulateDesign(rankerDoc([{ atSec: 20, durationSec: 10, kind: 'crash', target: 'ranker', replicas: 2 }], { ratePerSec: 600 }));
    const errs = d.nodes.find((n) => n.id === 'ranker')!.faultSeries!.errors;
    expect(errs.length).toBe(60);
    // Running batches and queued requests of replicas 2 and 3 fail at 20 s; nothing fails before or after.
    expect(sum(errs, 0, 20)).toBe(0);
    expect(errs[20]).toBeGreaterThan(0);
    expect(sum(errs, 21, 60)).toBe(0);
    expect(d.endToEnd.errors).toBeGreaterThan(0);
    expect(d.endToEnd.errors).toBeLessThan(60);
    expect(d.endToEnd.errorsByCause?.crash).toBe(d.endToEnd.errors);
    expect(d.recovered).toBe(true);
    conserved(d);
  });

  it('with a retry the crashed replicas’ requests go to the survivors: no request fails, the survivors carry twice the load', () => {
    const events: ScenarioEventSpec[] = [{ atSec: 0, durationSec: 100, kind: 'crash', target: 'ranker', replicas: 2 }];
    const opts: Opts = { ratePerSec: 200, edge: { timeoutMs: 10_000, retries: 1 }, maxWaitMs: 0, balancer: 'round-robin' };
    const crashed = simulateDesign(rankerDoc(events, opts));
    const healthy = simulateDesign({ ...rankerDoc(events, opts), scenario: undefined });
    expect(crashed.endToEnd.errors).toBe(0);
    const c = crashed.nodes.find((n) => n.id === 'ranker')!;
    const h = healthy.nodes.find((n) => n.id === 'ranker')!;
    // Replicas 2 and 3 run nothing; at low load (batches of ~1) the survivors' busy time doubles.
    expect(c.utilizationMin).toBe(0);
    expect(c.utilizationMax / h.utilizationMax).toBeGreaterThan(1.8);
    expect(c.utilizationMax / h.utilizationMax).toBeLessThan(2.2);
  });

  it('a queue-policy timeout (default_timeout_microseconds, REJECT) fails with cause timeout, never a reused frame\'s crash', () => {
    // A crash at 10 s fails what replicas 2 and 3 held (cause crash); a latency spike from 30 s makes requests outwait the 20 ms queue timeout.
    const doc = rankerDoc(
      [
        { atSec: 10, durationSec: 5, kind: 'crash', target: 'ranker', replicas: 2 },
        { atSec: 30, durationSec: 10, kind: 'latency', target: 'ranker', factor: 4 },
      ],
      { ratePerSec: 600 },
    );
    const triton = doc.nodes[1]!.batching!.triton!;
    triton.defaultTimeoutMs = 20;
    const d = simulateDesign(doc);
    const by = d.endToEnd.errorsByCause!;
    expect(by.crash).toBeGreaterThan(0);
    expect(by.crash).toBeLessThan(100); // only what the two replicas held at 10 s
    expect(by.timeout).toBeGreaterThan(200);
    expect(by.error).toBe(0);
    expect(by.crash + by.timeout).toBe(d.endToEnd.errors + d.endToEnd.dropped);
    conserved(d);
  });

  it('an outage of d seconds at low load fails about λ·d requests, all by cause outage', () => {
    const d = simulateDesign(rankerDoc([{ atSec: 20, durationSec: 10, kind: 'outage', target: 'ranker' }], { ratePerSec: 50 }));
    // λ·d = 500 (Poisson: sd ≈ 22), plus the few queued or running at 20 s.
    expect(d.endToEnd.errors).toBeGreaterThan(500 - 90);
    expect(d.endToEnd.errors).toBeLessThan(500 + 90);
    expect(d.endToEnd.errorsByCause?.outage).toBe(d.endToEnd.errors);
    const errs = d.nodes.find((n) => n.id === 'ranker')!.faultSeries!.errors;
    expect(sum(errs, 0, 20)).toBe(0);
    expect(sum(errs, 30, 60)).toBe(0);
    expect(d.recovered).toBe(true);
    conserved(d);
  });

  it('a latency factor 2 + 3 ms multiplies the whole batch’s time: at low load the time in the node ≈ 2 × 10 + 3 ms', () => {
    const opts: Opts = { ratePerSec: 20, maxWaitMs: 0, serviceTime: { dist: 'deterministic', meanMs: 10 } };
    const events: ScenarioEventSpec[] = [{ atSec: 0, durationSec: 100, kind: 'latency', target: 'ranker', factor: 2, addMs: 3 }];
    const slow = simulateDesign(rankerDoc(events, opts)).nodes.find((n) => n.id === 'ranker')!;
    const base = simulateDesign({ ...rankerDoc(events, opts), scenario: undefined }).nodes.find((n) => n.id === 'ranker')!;
    // Batches of one (λ = 20/s over 8 instances, no delay): a batch takes exactly the service time.
    expect(base.meanTimeInNodeMs).toBeCloseTo(10, 6);
    expect(slow.meanTimeInNodeMs).toBeCloseTo(2 * 10 + 3, 6);
  });

  it('a capacity cut of 50% on a replica of 2 instances halves its throughput ceiling (saturated)', () => {
    // One replica, 2 instances, batches of 4 taking 10 ms whatever their size: the ceiling is 2 × 4 / 10 ms = 800 req/s.
    const opts: Opts = { replicas: 1, instances: 2, maxBatch: 4, maxWaitMs: 0, alpha: 0, maxQueueSize: 64, serviceTime: { dist: 'deterministic', meanMs: 10 }, ratePerSec: 2000 };
    const events: ScenarioEventSpec[] = [{ atSec: 0, durationSec: 100, kind: 'capacity', target: 'ranker', percent: 50 }];
    const full = simulateDesign({ ...rankerDoc(events, opts), scenario: undefined });
    const cut = simulateDesign(rankerDoc(events, opts));
    expect(full.endToEnd.throughputPerSec / 800).toBeGreaterThan(0.98);
    expect(full.endToEnd.throughputPerSec / 800).toBeLessThan(1.01);
    expect(cut.endToEnd.throughputPerSec / 400).toBeGreaterThan(0.98);
    expect(cut.endToEnd.throughputPerSec / 400).toBeLessThan(1.01);
    conserved(cut);
  });

  it('a pooled node losing 3 of 4 replicas fails only the latest batches beyond the 2 instances left (≤ 6 batches of 8); its queue stays', () => {
    // Saturated (the queue is full at the crash): all 8 instances run batches of 8.
    const opts: Opts = { ratePerSec: 5000, maxQueueSize: 64, balancer: 'pooled' };
    const d = simulateDesign(rankerDoc([{ atSec: 20, durationSec: 10, kind: 'crash', target: 'ranker', replicas: 3 }], opts));
    const crashed = d.endToEnd.errorsByCause?.crash ?? 0;
    expect(crashed).toBeGreaterThan(8);
    expect(crashed).toBeLessThanOrEqual(6 * 8);
    conserved(d);
  });

  const kinds: [string, ScenarioEventSpec[], Opts][] = [
    ['a crash with retries', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'ranker', replicas: 3 }], { ratePerSec: 900, edge: { timeoutMs: 200, retries: 2 } }],
    ['a crash of a pooled node', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'ranker', fraction: 0.75 }], { ratePerSec: 3000, maxQueueSize: 64, balancer: 'pooled' }],
    ['a crash in a design with an autoscaler (the elastic simulator)', [{ atSec: 10, durationSec: 20, kind: 'crash', target: 'ranker', replicas: 2 }], { ratePerSec: 900, apiAutoscale: true }],
    ['an outage of a pooled node', [{ atSec: 10, durationSec: 5, kind: 'outage', target: 'ranker' }], { ratePerSec: 300, balancer: 'pooled' }],
    ['overlapping crash, capacity and latency', [
      { atSec: 10, durationSec: 20, kind: 'capacity', target: 'ranker', percent: 50 },
      { atSec: 15, durationSec: 10, kind: 'crash', target: 'ranker', replicas: 1 },
      { atSec: 12, durationSec: 20, kind: 'latency', target: 'ranker', factor: 3 },
    ], { ratePerSec: 900, maxQueueSize: 32 }],
  ];
  for (const [name, events, opts] of kinds) {
    it(`conservation under ${name}: arrivals = completed + errors + dropped + rejected + in flight, Σ by cause = errors + dropped + rejected`, () => {
      const d = simulateDesign(rankerDoc(events, opts));
      conserved(d);
      // Failed visits at the ranker (a retried attempt fails there without failing its request).
      expect(sum(d.nodes.find((n) => n.id === 'ranker')!.faultSeries!.errors, 0, 60)).toBeGreaterThan(0);
    });
  }

  it('gives identical results from 1 or 4 workers', () => {
    const doc = rankerDoc([{ atSec: 10, durationSec: 10, kind: 'crash', target: 'ranker', replicas: 2 }], { ratePerSec: 900, durationSec: 30, edge: { timeoutMs: 100, retries: 1 } });
    const opts = { replications: 4 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [3, 1, 0, 2].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    expect(combineReplications(doc, opts, reps)).toEqual(one);
    expect(sum(one.microservices.nodes.find((n) => n.id === 'ranker')!.faultSeries!.errors, 0, 60)).toBeGreaterThan(0);
  });

  it('before its first event a scenario run on a Triton node is the plain run, bit for bit', () => {
    const doc = rankerDoc([{ atSec: 30, durationSec: 10, kind: 'latency', target: 'ranker', factor: 1 }], { ratePerSec: 900 });
    const m = compileModel(doc);
    const run = resolveRun(doc);
    const spec = simSpec(doc, run, replicationSeed(run.seed, 0));
    const a = new ScenarioSimulator(m, spec).run();
    const b = simulate(compileModel({ ...doc, scenario: undefined }), spec);
    expect(Array.from(a.latency)).toEqual(Array.from(b.latency));
    expect(Array.from(a.nodeStats)).toEqual(Array.from(b.nodeStats));
    expect(Array.from(a.series)).toEqual(Array.from(b.series));
  });
});
