/**
 * Resilience patterns on autoscaled designs (patternSim.ts's ElasticPatternSimulator; docs/model.md,
 * "Patterns with autoscaling"): a circuit breaker in front of an HPA-scaled callee, a closed workload on a
 * KPA-scaled node (the interactive response-time law), an in-flight cap that counts the whole node (Envoy's
 * cluster `max_requests`, so it does not grow with the replicas), hedging into autoscaled nodes (a cancelled
 * hedge leaves the autoscaler's count), 1 vs 4 workers, the trace, and the combinations still refused.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../templates';
import { compileModel } from '../compile';
import { parseTopology } from '../parse';
import type { ReplicationResult } from '../raw';
import { replicationSeed } from '../rng';
import { combineReplications, resolveRun, runPoint, simSpec, simulateDesign, simulateReplication } from '../run';
import type { Topology } from '../schema';
import { conserved } from '../testing/conservation';
import { testDoc2 } from '../testing/docs';
import { REQ_OK, traceDocument } from '../trace';
import { ElasticPatternSimulator, PatternSimulator, simulateDesignRaw } from './patternSim';


/** The retry-storm-breaker template with an HPA (in-flight requests per replica, target 2) on its feature store. */
function breakerHpa(): Topology {
  const t = loadTemplate('retry-storm-breaker');
  const r = parseTopology({
    ...t,
    nodes: t.nodes.map((n) => (n.id === 'features' ? { ...n, autoscale: { policy: 'hpa', metric: 'concurrency', target: 2, minReplicas: 1, maxReplicas: 4 }, coldStart: { dist: 'deterministic', meanSec: 5 } } : n)),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

/** One node (`concurrency` 1, exponential 10 ms) at `rate` req/s with an in-flight cap, fixed or under an HPA on concurrency (target 1). */
function capped(maxInFlight: number, rate: number, maxReplicas: number | null): Topology {
  return testDoc2({
    nodes: [
      {
        id: 'api',
        kind: 'service',
        replicas: 1,
        concurrency: 1,
        serviceTime: { dist: 'exponential', meanMs: 10 },
        balancer: 'least-outstanding',
        admission: { maxInFlight },
        ...(maxReplicas !== null ? { autoscale: { policy: 'hpa', metric: 'concurrency', target: 1, minReplicas: 1, maxReplicas, syncPeriodSec: 5 }, coldStart: { dist: 'deterministic', meanSec: 2 } } : {}),
      },
    ],
    edges: [],
    workload: { entry: 'api', ratePerSec: rate },
    slo: { percentile: 'p99', thresholdMs: 200 },
    run: { durationSec: 240, warmupSec: 0, seed: 5 },
  });
}

describe('patterns with autoscaling', () => {
  it('runs the elastic pattern simulator only for a design with patterns and autoscalers', () => {
    const m = compileModel(breakerHpa());
    expect(m.patterns).not.toBeNull();
    expect(m.anyElastic).toBe(true);
    const spec = simSpec(breakerHpa(), resolveRun(breakerHpa()), replicationSeed(1, 0));
    const sim = new ElasticPatternSimulator(m, spec);
    expect(sim.run()).toEqual(simulateDesignRaw(m, spec));
    expect(new ElasticPatternSimulator(m, spec)).not.toBeInstanceOf(PatternSimulator);
  });

  it('a breaker into an HPA-scaled feature store: requests conserved by cause, the HPA adds replicas in the storm and the design recovers', () => {
    const d = simulateDesign(breakerHpa(), { windowSec: 1 });
    conserved(d);
    const ts = d.nodes.find((n) => n.id === 'features')!.timeSeries!;
    // One replica (ρ 0.3, about 0.4 in flight) before the 4× slowdown at 20 s; the slowdown and its retries fill the queue,
    // the HPA (in flight / 2 per replica) scales up at a sync after it.
    expect(Math.max(...ts.replicas.slice(5, 20))).toBe(1);
    expect(Math.max(...ts.replicas.slice(20, 60))).toBeGreaterThan(1);
    expect(d.nodes.find((n) => n.id === 'features')!.elasticity!.coldStarts).toBeGreaterThan(0);
    expect(d.endToEnd.errorsByCause?.timeout).toBeGreaterThan(0);
    expect(d.breakers?.[0].edge).toBe('gateway-features');
    expect(d.recovered).toBe(true);
  });

  it('a closed workload on a KPA-scaled node obeys X·(Z + R) = N on the run’s own X, R and think times', () => {
    const doc = testDoc2({
      nodes: [
        {
          id: 'api',
          kind: 'service',
          replicas: 1,
          concurrency: 1,
          serviceTime: { dist: 'exponential', meanMs: 20 },
          balancer: 'least-outstanding',
          autoscale: { policy: 'kpa', target: 2, minReplicas: 1, maxReplicas: 10 },
          coldStart: { dist: 'deterministic', meanSec: 3 },
        },
      ],
      edges: [],
      workload: { entry: 'api', ratePerSec: 1, model: 'closed', users: 30, thinkTime: { dist: 'exponential', meanMs: 100 } },
      run: { durationSec: 600, warmupSec: 60, seed: 7 },
    });
    const d = simulateDesign(doc);
    const e = d.endToEnd;
    const X = e.throughputPerSec / 1000;
    const sim = new ElasticPatternSimulator(compileModel(doc), simSpec(doc, resolveRun(doc), replicationSeed(doc.run.seed, 0)));
    sim.run();
    const Z = sim.users!.thinkMsTotal / sim.users!.thinks;
    // N = 30 users at Z = 100 ms offer up to 300 req/s; one replica serves 50: the KPA must scale out.
    expect(d.nodes[0].elasticity!.coldStarts).toBeGreaterThan(0);
    expect(Math.abs(X * (Z + e.meanMs) - 30) / 30).toBeLessThan(0.02);
    expect(e.inFlight).toBeLessThanOrEqual(30);
    conserved(d);
  });

  it('an in-flight cap counts the whole node (Envoy cluster max_requests): rejections fall as the HPA adds replicas', () => {
    const fixed = simulateDesign(capped(8, 300, null), { windowSec: 5 });
    const auto = simulateDesign(capped(8, 300, 8), { windowSec: 5 });
    conserved(fixed);
    conserved(auto);
    const rej = auto.nodes[0].faultSeries!.errors;
    const reps = auto.nodes[0].timeSeries!.replicas;
    // One replica at 300 req/s against 100: about two thirds rejected, in the fixed design all run long.
    expect(fixed.endToEnd.rejected! / fixed.endToEnd.arrivals).toBeGreaterThan(0.6);
    // The first window (one replica) rejects as the fixed design does; the last ones, with the replicas the HPA added, far fewer.
    expect(reps[0]).toBe(1);
    expect(Math.min(...reps.slice(-10))).toBeGreaterThan(2);
    const late = rej.slice(-10).reduce((a, b) => a + b, 0) / 10;
    expect(late).toBeLessThan(rej[0] / 4);
    expect(auto.endToEnd.rejected!).toBeLessThan(fixed.endToEnd.rejected! / 3);
  });

  it('the cap does not grow with the replicas: with at most 4 in flight an HPA on concurrency (target 1) never wants more than 4 of its 8', () => {
    // 600 req/s against 100 per replica: unbounded, the HPA would go to its maximum 8; the node-wide cap of 4 holds the
    // in-flight sum, so desired = ⌈sum / target⌉ ≤ 4 and the node keeps rejecting what 4 replicas cannot take.
    const auto = simulateDesign(capped(4, 600, 8), { windowSec: 5 });
    const reps = auto.nodes[0].timeSeries!.replicas;
    expect(Math.max(...reps)).toBeLessThanOrEqual(4);
    expect(Math.max(...reps)).toBeGreaterThan(1);
    expect(auto.endToEnd.rejected! / auto.endToEnd.arrivals).toBeGreaterThan(0.2);
    conserved(auto);
  });

  it('gives identical results from 1 or 4 workers, and the same bits twice', () => {
    const doc = breakerHpa();
    const opts = { replications: 4, durationSec: 60 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [2, 0, 3, 1].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    expect(combineReplications(doc, opts, reps)).toEqual(one);
    expect(runPoint(doc, opts)).toEqual(one);
  });

  it('traces with the elastic pattern simulator: each sampled request has the latency a normal run gives it', () => {
    const base = breakerHpa();
    const doc = { ...base, workload: { ...base.workload, profile: [{ atSec: 0, ratePerSec: 60 }, { atSec: 2, ratePerSec: 0 }] } };
    const t = traceDocument(doc, { startSec: 0, requests: 200 });
    const engine = simulateDesign(doc, { durationSec: 5, warmupSec: 0, replications: 1 }).endToEnd;
    const lat = [...t.reqEndMs.keys()].filter((r) => t.reqStatus[r] === REQ_OK).map((r) => t.reqEndMs[r] - t.reqArriveMs[r]);
    expect(engine.arrivals).toBe(t.requests);
    expect(engine.completed).toBe(lat.length);
    expect(engine.maxMs).toBe(Math.max(...lat));
  });

  it.each([
    ['hpa', 'least-outstanding'],
    ['kpa', 'round-robin'],
    ['hpa', 'pooled'],
  ])('hedging into a %s-scaled node (%s): a cancelled hedge leaves the autoscaler’s count and its replica’s hold', (policy, balancer) => {
    // Bursts, then a lull (a KPA scales to zero and its activator hands the requests over), then traffic again.
    const doc = testDoc2({
      nodes: [
        { id: 'a', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 1 } },
        {
          id: 'b',
          kind: 'service',
          replicas: 2,
          concurrency: 1,
          balancer,
          serviceTime: { dist: 'exponential', meanMs: 10 },
          autoscale: policy === 'hpa' ? { policy, metric: 'concurrency', target: 2, minReplicas: 1, maxReplicas: 6 } : { policy, target: 2, minReplicas: 0, maxReplicas: 6 },
          coldStart: { dist: 'deterministic', meanSec: 2 },
        },
      ],
      edges: [{ id: 'ab', source: 'a', target: 'b', hedging: { hedgeAfterMs: 5, maxAttempts: 3 } }],
      workload: { entry: 'a', ratePerSec: 150, profile: [{ atSec: 0, ratePerSec: 150 }, { atSec: 20, ratePerSec: 0.05 }, { atSec: 40, ratePerSec: 100 }] },
      run: { durationSec: 60, warmupSec: 0, seed: 3 },
    });
    const sim = new ElasticPatternSimulator(compileModel(doc), simSpec(doc, resolveRun(doc), replicationSeed(3, 0)));
    sim.run();
    const s = sim as unknown as { groups: { inSystem: number; balanced: boolean; rs: { held: Int32Array } }[]; nBusy: Int32Array; nQueued: Int32Array };
    expect(sim.hedgesCancelled).toBeGreaterThan(500);
    // What the autoscaler counts is what is in the node (without the fix it counted every cancelled hedge: thousands).
    const inNode = s.nBusy[1] + s.nQueued[1];
    expect(s.groups[0].inSystem).toBe(inNode);
    if (s.groups[0].balanced) expect(s.groups[0].rs.held.reduce((x, y) => x + y, 0)).toBe(inNode);
    const d = simulateDesign(doc);
    conserved(d);
    expect(d.nodes[1].elasticity!.coldStarts).toBeGreaterThan(0);
  });

  it('refuses, with a sentence each, a rate limit on an autoscaled node and slowdown on a pooled one', () => {
    const hpa = { policy: 'hpa', maxReplicas: 4 };
    const r = parseTopology({
      format: 'loadsketch',
      version: 2,
      nodes: [
        { id: 'a', kind: 'service', autoscale: hpa },
        { id: 'b', kind: 'service', autoscale: hpa, balancer: 'pooled', slowdown: { shape: 'linear', basis: 'utilization', coefficient: 1, maxFactor: 3 }, admission: { rateLimit: { maxTokens: 10, tokensPerFill: 1, fillIntervalMs: 10 } } },
      ],
      edges: [{ id: 'ab', source: 'a', target: 'b', hedging: { hedgeAfterMs: 5, maxAttempts: 2 } }],
      workload: { entry: 'a', ratePerSec: 10 },
    });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['nodes[1].admission.rateLimit', 'nodes[1].slowdown']);
    // The rest runs: breakers, back-off, budgets, maxInFlight, lifo, slowdown behind a balancer, a closed workload.
    const ok = parseTopology({
      format: 'loadsketch',
      version: 2,
      nodes: [
        { id: 'a', kind: 'service', autoscale: hpa, queueDiscipline: 'lifo', admission: { maxInFlight: 50 } },
        { id: 'b', kind: 'service', autoscale: hpa, balancer: 'p2c', slowdown: { shape: 'linear', basis: 'utilization', coefficient: 1, maxFactor: 3 } },
      ],
      edges: [{ id: 'ab', source: 'a', target: 'b', timeoutMs: 50, retries: 2, backoff: { baseMs: 5 }, retryBudget: { kind: 'envoy' }, circuitBreaker: {} }],
      workload: { entry: 'a', ratePerSec: 1, model: 'closed', users: 10, thinkTime: { dist: 'exponential', meanMs: 100 } },
    });
    expect(ok.ok ? [] : ok.errors).toEqual([]);
  });
});
