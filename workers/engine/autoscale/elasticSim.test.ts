/**
 * The autoscalers THROUGH the simulator (ElasticSimulator): the issue's
 * numbers reproduced by documents run with runPoint / simulateDesign, not by
 * the controllers alone. Sources of the rules: docs/model.md, *Autoscaling*
 * (Kubernetes HPA "Algorithm details" and "Default Behavior"; Knative KPA
 * docs and autoscaler.go).
 */
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse';
import { replicationSeed, Rng, streamSeed } from '../rng';
import { runPoint, simulateDesign } from '../run';
import type { Topology } from '../schema';
import { COLD_START_STREAM_BASE, ColdStartSampler } from './coldStart';

function doc(node: object, workload: object, run: object, extra: object = {}): Topology {
  const r = parseTopology({
    format: 'loadsketch',
    version: 2,
    nodes: [{ id: 'api', kind: 'service', costPerReplicaHour: 0.36, ...node }],
    workload: { entry: 'api', ...workload },
    run: { warmupSec: 0, seed: 7, ...run },
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}
const at = (xs: Float64Array, ks: number[]) => ks.map((k) => xs[k]);

describe('HPA through the simulator', () => {
  it('50 replicas at 90% utilization against a 75% target → 60 (ceil(50 × 90 / 75))', () => {
    // Constant arrivals, deterministic 10 ms service, round-robin: each replica gets every 50th request,
    // one per 50/4500 s = 11.1 ms, so it is busy 10 / 11.1 = 90% of the time.
    const d = doc(
      { replicas: 50, concurrency: 1, serviceTime: { dist: 'deterministic', meanMs: 10 }, balancer: 'round-robin', autoscale: { policy: 'hpa', target: 0.75, maxReplicas: 100 } },
      { ratePerSec: 4500, arrival: 'constant' },
      { durationSec: 20 },
    );
    const n = simulateDesign(d, { windowSec: 1 }).nodes[0];
    expect(n.elasticity?.maxReplicas).toBe(60);
    expect(at(n.timeSeries!.replicas, [14, 16, 19])).toEqual([50, 60, 60]);
  });

  it('default scale-up from 1 under a sustained overload: 1 → 5 → 10 → 20 → 40 at 15 s steps', () => {
    // 1000 req/s against an rps target of 1 per replica: every sync wants far more; the default
    // behavior allows max(100%, 4 pods) per 15 s.
    const d = doc(
      { replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 1 }, autoscale: { policy: 'hpa', metric: 'rps', target: 1, maxReplicas: 200 }, coldStart: { dist: 'deterministic', meanSec: 1 } },
      { ratePerSec: 1000, arrival: 'constant' },
      { durationSec: 70 },
    );
    const n = simulateDesign(d, { windowSec: 1 }).nodes[0];
    expect(at(n.timeSeries!.replicas, [14, 15, 30, 45, 60])).toEqual([1, 5, 10, 20, 40]);
    // Each new replica takes traffic only after its 1 s cold start.
    expect(at(n.timeSeries!.readyReplicas, [15, 16, 30, 31])).toEqual([1, 5, 5, 10]);
    // Billed = ready + starting + draining: the new replicas are starting for their whole 1 s window, none drains.
    expect(at(n.timeSeries!.startingReplicas, [14, 15, 16, 30, 31])).toEqual([0, 4, 0, 5, 0]);
    expect(n.timeSeries!.drainingReplicas.every((x) => x === 0)).toBe(true);
    expect(n.elasticity?.coldStarts).toBe(39);
  });
});

describe('replica lifecycle through the simulator', () => {
  it('a starting replica takes no traffic: throughput stays at one replica until the cold start ends', () => {
    // 150 req/s on one 10 ms server (capacity 100/s): the sync at 15 s asks for 2 (100% / 80% → ceil(1.25)),
    // ready 10 s later. Until 25 s the queue grows at 50/s; then round-robin gives the new replica half the
    // arrivals (75/s, all served) while the first drains its backlog at 100/s: 175/s.
    const d = doc(
      { replicas: 1, concurrency: 1, serviceTime: { dist: 'deterministic', meanMs: 10 }, balancer: 'round-robin', autoscale: { policy: 'hpa', maxReplicas: 2 }, coldStart: { dist: 'deterministic', meanSec: 10 } },
      { ratePerSec: 150, arrival: 'constant' },
      { durationSec: 40 },
    );
    const r = simulateDesign(d, { windowSec: 1 });
    expect(at(r.nodes[0].timeSeries!.replicas, [14, 16])).toEqual([1, 2]);
    expect(at(r.nodes[0].timeSeries!.readyReplicas, [24, 26])).toEqual([1, 2]);
    for (const k of [16, 20, 24]) expect(r.timeSeries.throughputPerSec[k]).toBeCloseTo(100, 0);
    expect(r.timeSeries.throughputPerSec[27]).toBeCloseTo(175, 0);
  });
});

describe('KPA through the simulator', () => {
  it('containerConcurrency 10 at 70% with 100 concurrent requests → 15 pods (ceil(100 / 7))', () => {
    // 100 req/s, each held 1 s: 100 requests in the node at every moment (Little's law).
    const d = doc(
      { replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 1000 }, autoscale: { policy: 'kpa', target: 10, minReplicas: 1, maxReplicas: 50 }, coldStart: { dist: 'deterministic', meanSec: 1 } },
      { ratePerSec: 100, arrival: 'constant' },
      { durationSec: 180 },
    );
    const n = simulateDesign(d, { windowSec: 10 }).nodes[0];
    expect(n.elasticity?.maxReplicas).toBe(15);
    expect(at(n.timeSeries!.replicas, [10, 17])).toEqual([15, 15]);
  });

  it('scales to zero, then the one request waits exactly the drawn cold start (activator)', () => {
    // No traffic for 150 s (the KPA goes to 0 after its 60 s stable window and 30 s grace), then one
    // request at 210 s (constant arrivals: the cumulative rate reaches 1 there).
    const d = doc(
      { replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 10 }, autoscale: { policy: 'kpa', maxReplicas: 5 }, coldStart: { dist: 'lognormal', meanSec: 20, cv: 0.5 } },
      { ratePerSec: 1, arrival: 'constant', profile: [{ atSec: 0, ratePerSec: 0 }, { atSec: 150, ratePerSec: 0 }, { atSec: 150, ratePerSec: 1 / 60 }] },
      { durationSec: 240 },
    );
    const r = simulateDesign(d, { windowSec: 10 });
    const n = r.nodes[0];
    expect(at(n.timeSeries!.replicas, [0, 12, 20])).toEqual([1, 0, 0]);
    expect(r.endToEnd.completed).toBe(1);
    expect(n.elasticity?.coldStarts).toBe(1);
    // The first cold start drawn from the node's own stream is what the request waited.
    const drawn = new ColdStartSampler(d.nodes[0].coldStart!, new Rng(streamSeed(replicationSeed(7, 0), COLD_START_STREAM_BASE + 0))).nextMs();
    expect(r.endToEnd.maxMs).toBeCloseTo(drawn + 10, 6);
    expect(drawn).not.toBe(20_000);
  });
});

describe('cost, determinism, neutrality', () => {
  const autoscaled = doc(
    { replicas: 2, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 20 }, autoscale: { policy: 'hpa', maxReplicas: 30 } },
    { ratePerSec: 200, profile: [{ atSec: 0, ratePerSec: 50 }, { atSec: 300, ratePerSec: 400 }, { atSec: 600, ratePerSec: 50 }, { atSec: 1200, ratePerSec: 50 }] },
    { durationSec: 1200, warmupSec: 60 },
  );

  it('cost = replica-seconds × price per hour ÷ 3600, in total and per window', () => {
    const r = simulateDesign(autoscaled, { windowSec: 10 });
    const n = r.nodes[0];
    expect(r.coldStarts).toBeGreaterThan(0);
    expect(r.costTotal).toBeCloseTo(n.elasticity!.replicaHours * 0.36, 12);
    expect(r.replicaHours).toBeCloseTo(n.elasticity!.replicaHours, 12);
    // Window by window: mean replicas × window length × price.
    r.timeSeries.cost.forEach((c, k) => {
      expect(c).toBeCloseTo((n.timeSeries!.replicas[k] * 10 * 0.36) / 3600, 12);
    });
    // Measured interval only (the warm-up's 6 windows left out).
    const measured = r.timeSeries.cost.slice(6).reduce((a, b) => a + b, 0);
    expect(r.costTotal).toBeCloseTo(measured, 9);
  });

  it('scaling down loses nothing: draining replicas finish what they hold (arrivals = completed + errors + dropped + in flight)', () => {
    const r = simulateDesign(autoscaled, { windowSec: 10 });
    const e = r.endToEnd;
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
    expect(e.dropped + e.errors).toBe(0);
    const n = r.nodes[0];
    // It did scale down: fewer replicas at the end than at the peak.
    const last = n.timeSeries!.replicas[n.timeSeries!.replicas.length - 1];
    expect(last).toBeLessThan(n.elasticity!.maxReplicas);
  });

  it('starting and draining are separate: replicas = ready + starting + draining in every window, and a scale-down drains', () => {
    const balanced = { ...autoscaled, nodes: autoscaled.nodes.map((n) => ({ ...n, balancer: 'round-robin' as const })) };
    const t = simulateDesign(balanced, { windowSec: 10 }).nodes[0].timeSeries!;
    for (const [k, x] of t.replicas.entries()) expect(t.readyReplicas[k] + t.startingReplicas[k] + t.drainingReplicas[k]).toBeCloseTo(x, 9);
    // Up while the rate climbs to 300 s (cold starts of 10 s), down after the peak: a removed replica drains the
    // 20 ms requests it holds (a few ms per removal), and nothing drains while the count only grows.
    expect(Math.max(...t.startingReplicas.slice(10, 30))).toBeGreaterThan(0.3);
    expect(t.drainingReplicas.slice(60).some((x) => x > 0)).toBe(true);
    expect(Math.max(...t.drainingReplicas.slice(0, 60))).toBe(0);
  });

  it('a fixed design: costTotal = costPerHour × measured hours, replicaHours = replicas × hours, no cold starts', () => {
    const fixed = doc({ replicas: 3 }, { ratePerSec: 50 }, { durationSec: 100, warmupSec: 10 });
    const r = simulateDesign(fixed);
    expect(r.costTotal).toBeCloseTo((3 * 0.36 * 90) / 3600, 12);
    expect(r.replicaHours).toBeCloseTo((3 * 90) / 3600, 12);
    expect(r.coldStarts).toBe(0);
    expect(r.nodes[0].timeSeries).toBeUndefined();
  });

  it('the same seed gives the same results; another seed another trajectory', () => {
    const a = runPoint(autoscaled, { windowSec: 10 });
    const b = runPoint(autoscaled, { windowSec: 10 });
    expect(b).toEqual(a);
    const c = runPoint(autoscaled, { windowSec: 10, seed: 8 });
    expect(c.microservices.nodes[0].timeSeries!.replicas).not.toEqual(a.microservices.nodes[0].timeSeries!.replicas);
  });

  it('an HPA held at its replicas (min = max) serves exactly like the fixed node', () => {
    for (const balancer of ['pooled', 'round-robin', 'p2c', 'least-outstanding'] as const) {
      const base = { replicas: 4, concurrency: 2, balancer, serviceTime: { dist: 'exponential', meanMs: 30 } };
      const fixed = simulateDesign(doc(base, { ratePerSec: 200 }, { durationSec: 120 }));
      const held = simulateDesign(doc({ ...base, autoscale: { policy: 'hpa', minReplicas: 4, maxReplicas: 4 } }, { ratePerSec: 200 }, { durationSec: 120 }));
      expect(held.endToEnd).toEqual(fixed.endToEnd);
      expect(held.costTotal).toBeCloseTo(fixed.costTotal, 12);
    }
  });

  it('the monolith scales as a whole: its own autoscaler, whole units, cold starts of its heaviest component', () => {
    const d = doc(
      { replicas: 2, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 20 } },
      { ratePerSec: 300 },
      { durationSec: 300 },
      { monolith: { sizing: 'replicas', replicas: 1, threadsPerReplica: 2, autoscale: { policy: 'hpa', maxReplicas: 20 } } },
    );
    const r = runPoint(d, { windowSec: 10 });
    expect(r.monolith.coldStarts).toBeGreaterThan(0);
    expect(r.microservices.coldStarts).toBe(0);
    const reps = r.monolith.timeSeries.replicas;
    expect(reps[0]).toBe(1);
    expect(reps[reps.length - 1]).toBeGreaterThan(3);
    expect(Number.isInteger(reps[reps.length - 1])).toBe(true);
  });

  it("the monolith's unit has its own replica series, without the remote infra that the design's total counts", () => {
    const d = doc(
      { replicas: 2, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 20 } },
      { ratePerSec: 300 },
      { durationSec: 300 },
      {
        nodes: [
          { id: 'api', kind: 'service', costPerReplicaHour: 0.36, replicas: 2, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 20 } },
          { id: 'db', kind: 'database', costPerReplicaHour: 0.5, replicas: 3, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 } },
        ],
        edges: [{ id: 'api-db', source: 'api', target: 'db' }],
        monolith: { sizing: 'replicas', replicas: 1, threadsPerReplica: 2, autoscale: { policy: 'hpa', maxReplicas: 20 } },
      },
    );
    const r = runPoint(d, { windowSec: 10 });
    const unit = r.monolith.unit!;
    expect(r.microservices.unit).toBeUndefined();
    // + the database's 3 replicas
    for (const [k, x] of unit.timeSeries.replicas.entries()) expect(r.monolith.timeSeries.replicas[k]).toBeCloseTo(x + 3, 9);
    expect(unit.timeSeries.replicas[0]).toBe(1);
    expect(unit.elasticity.coldStarts).toBe(r.monolith.coldStarts);
    expect(unit.elasticity.maxReplicas).toBeGreaterThan(3);
    // The unit's cost is its replica-hours × the monolith's price; the design adds the database's.
    expect(r.monolith.costTotal - unit.elasticity.costTotal).toBeCloseTo(3 * 0.5 * (r.monolith.replicaHours - unit.elasticity.replicaHours) / 3, 9);
  });
});
