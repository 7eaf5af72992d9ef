/**
 * Fault scenarios on autoscaled nodes (elasticScenarioSim.ts), against the
 * Kubernetes rules they follow (docs/model.md, "Faults with autoscaling"):
 * crashed pods stay counted and are not ready, so an HPA on a custom
 * concurrency metric replaces their capacity while one on CPU utilization
 * does not (not-ready pods count 0 % on a scale-up, and saturated survivors
 * cannot report more than 100 %); added replicas pay their cold start; the
 * crashed ones come back at the event's end. Plus conservation, 1 vs 4
 * workers, determinism, and the autoscaled monolith's mapping.
 */
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse';
import type { ReplicationResult } from '../raw';
import { combineReplications, runPoint, simulateDesign, simulateReplication } from '../run';
import type { Topology } from '../schema';
import { conserved } from '../testing/conservation';

const CRASH_AT = 62;
const CRASH_SEC = 120;

/**
 * One GPU ranker: 4 replicas × 1 server, exponential 10 ms, λ = 300 req/s (ρ = 0.75). Two replicas crash
 * from 62 s to 182 s: the two survivors get 300 req/s against 200 of capacity.
 */
function ranker(autoscale: object | null, extra: { rate?: number; monolith?: object; events?: object[] } = {}): Topology {
  const r = parseTopology({
    format: 'loadsketch',
    version: 2,
    nodes: [
      {
        id: 'ranker',
        kind: 'model-server',
        replicas: 4,
        concurrency: 1,
        serviceTime: { dist: 'exponential', meanMs: 10 },
        balancer: 'least-outstanding',
        costPerReplicaHour: 1,
        coldStart: { dist: 'deterministic', meanSec: 10 },
        ...(autoscale ? { autoscale } : {}),
      },
    ],
    workload: { entry: 'ranker', ratePerSec: extra.rate ?? 300 },
    slo: { percentile: 'p99', thresholdMs: 200 },
    run: { durationSec: 360, warmupSec: 0, seed: 11 },
    scenario: { events: extra.events ?? [{ atSec: CRASH_AT, durationSec: CRASH_SEC, kind: 'crash', target: 'ranker', replicas: 2 }] },
    ...(extra.monolith ? { monolith: extra.monolith } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

const HPA_CONCURRENCY = { policy: 'hpa', metric: 'concurrency', target: 2, minReplicas: 4, maxReplicas: 8 };


describe('a fault scenario with autoscaling', () => {
  it('an HPA on concurrency replaces two crashed ranker replicas: 4 → 8 at the first sync, 6 ready after the 10 s cold start, back within the SLO long before the fixed design', () => {
    const auto = simulateDesign(ranker(HPA_CONCURRENCY), { windowSec: 1 });
    const fixed = simulateDesign(ranker(null), { windowSec: 1 });
    const ts = auto.nodes[0].timeSeries!;
    // Before the crash the HPA holds its minimum (M/M/4 at ρ 0.75: about 4.4 in the system, ceil(4.4 / 2) < 4).
    expect([ts.replicas[60], ts.readyReplicas[60]]).toEqual([4, 4]);
    // The crash: 2 of 4 ready; the crashed pods still exist, so the count stays 4 until the sync at 75 s.
    expect([ts.replicas[70], ts.readyReplicas[70]]).toEqual([4, 2]);
    // Sync at 75 s: the survivors' queues (ρ 1.5) give far more than 8 even with the crashed pods at 0 %,
    // capped by maxReplicas 8 (and the default max(100 %, 4 pods) per 15 s): 4 new replicas, cold 10 s.
    expect(ts.replicas[75]).toBe(8);
    expect(ts.startingReplicas[80]).toBe(4);
    expect(ts.readyReplicas[84]).toBe(2);
    expect(ts.readyReplicas[86]).toBe(6);
    // At the event's end the two crashed replicas come back ready at once: 8 ready.
    expect(ts.readyReplicas[CRASH_AT + CRASH_SEC + 1]).toBe(8);
    expect(auto.nodes[0].elasticity?.coldStarts).toBe(4);
    // The fixed design runs at ρ 1.5 for 120 s (a backlog of about 12 000 requests) and drains it at
    // 100 req/s after the replicas return: it recovers about 2 minutes after the event; the HPA's design
    // drained its backlog during the event (6 ready replicas: ρ 0.5).
    expect(fixed.recovered).toBe(true);
    expect(fixed.recoverySec!).toBeGreaterThan(60);
    expect(auto.recoverySec).toBe(0);
    expect(auto.endToEnd.errorsByCause?.crash).toBeGreaterThan(0);
    expect(auto.endToEnd.p99Ms).toBeLessThan(fixed.endToEnd.p99Ms);
    conserved(auto);
    conserved(fixed);
  });

  it('an HPA on CPU utilization does not replace them: the crashed pods count 0 % on a scale-up and the survivors cannot report above 100 %', () => {
    // Sync at 75 s: the 2 ready survivors at (about) 100 % against 80 % want a scale-up; recomputed with the
    // 2 crashed pods at 0 %: (2 × 100 % + 2 × 0 %) / 4 = 50 % < 80 %, the direction reverses: no change.
    const auto = simulateDesign(ranker({ policy: 'hpa', metric: 'utilization', target: 0.8, minReplicas: 4, maxReplicas: 8 }), { windowSec: 1 });
    const ts = auto.nodes[0].timeSeries!;
    for (let k = 0; k < CRASH_AT + CRASH_SEC; k++) {
      expect(ts.replicas[k]).toBe(4);
      expect(ts.startingReplicas[k]).toBe(0);
    }
    expect(ts.readyReplicas[100]).toBe(2);
    // Only once the crashed pods are back and ready, all 4 saturated by the backlog (100 % > 80 %), does it scale up.
    expect(auto.nodes[0].elasticity!.coldStarts).toBeGreaterThan(0);
    expect(auto.recoverySec!).toBeGreaterThan(30);
    conserved(auto);
  });

  it('crashed pods are billed (they exist); the ready series is what takes traffic', () => {
    const auto = simulateDesign(ranker({ policy: 'hpa', metric: 'utilization', target: 0.8, minReplicas: 4, maxReplicas: 8 }), { windowSec: 1 });
    const ts = auto.nodes[0].timeSeries!;
    // Billed (replicas) stays 4 during the crash; the ready series drops to 2.
    expect([ts.replicas[100], ts.readyReplicas[100]]).toEqual([4, 2]);
    // The 2 survivors run saturated (ρ 1.5): 2 busy servers of the node's 8 configured (maxReplicas × 1).
    expect(auto.nodes[0].faultSeries!.utilization[100]).toBe(0.25);
  });

  it('an outage of an autoscaled node fails every arrival (cause outage) and the node serves again at its end', () => {
    const d = simulateDesign(ranker(HPA_CONCURRENCY, { events: [{ atSec: 30, durationSec: 10, kind: 'outage', target: 'ranker' }] }), { windowSec: 1 });
    // λ·d = 3000 (Poisson sd ≈ 55) plus the few in flight when it went down.
    expect(d.endToEnd.errors).toBeGreaterThan(3000 - 250);
    expect(d.endToEnd.errors).toBeLessThan(3000 + 250);
    expect(d.endToEnd.errorsByCause?.outage).toBe(d.endToEnd.errors);
    expect(d.nodes[0].timeSeries!.readyReplicas[35]).toBe(0);
    expect(d.nodes[0].timeSeries!.readyReplicas[41]).toBe(4);
    conserved(d);
  });

  it('an HPA group with every replica crashed refuses arrivals (no ready endpoint, cause crash); a KPA activator holds them until a replica is ready', () => {
    const events = [{ atSec: 30, durationSec: 20, kind: 'crash', target: 'ranker', replicas: 4 }];
    const hpa = simulateDesign(ranker({ policy: 'hpa', metric: 'utilization', target: 0.8, minReplicas: 4, maxReplicas: 8 }, { events }), { windowSec: 1 });
    expect(hpa.endToEnd.errorsByCause?.crash).toBeGreaterThan(300 * 20 - 400);
    conserved(hpa);
    const kpa = simulateDesign(ranker({ policy: 'kpa', target: 2, minReplicas: 1, maxReplicas: 12 }, { events }), { windowSec: 1 });
    // The activator buffers: nothing fails by crash on arrival; only what the crashed replicas held fails.
    expect(kpa.endToEnd.errorsByCause?.crash ?? 0).toBeLessThan(100);
    expect(kpa.nodes[0].elasticity!.coldStarts).toBeGreaterThan(0);
    conserved(kpa);
  });

  it('a KPA activator\'s held requests go to the crashed replicas when they come back (no scale-up to release them)', () => {
    // All 4 replicas crash for 20 s and the KPA may not add any (max 4): the activator holds ~6 000 requests, and the
    // restart at 50 s must hand them over, as a replica becoming ready after a cold start does.
    const events = [{ atSec: 30, durationSec: 20, kind: 'crash', target: 'ranker', replicas: 4 }];
    const d = simulateDesign(ranker({ policy: 'kpa', target: 2, minReplicas: 4, maxReplicas: 4 }, { events }), { windowSec: 1 });
    expect(d.nodes[0].elasticity!.coldStarts).toBe(0);
    expect(d.endToEnd.errorsByCause?.crash ?? 0).toBeLessThan(100);
    expect(d.endToEnd.inFlight).toBeLessThan(50);
    expect(d.endToEnd.completed).toBeGreaterThan(300 * 360 * 0.98);
    conserved(d);
  });

  it('gives identical results from 1 or 4 workers, and the same bits twice', () => {
    const doc = ranker(HPA_CONCURRENCY, {
      events: [
        { atSec: 40, durationSec: 40, kind: 'crash', target: 'ranker', replicas: 2 },
        { atSec: 60, durationSec: 10, kind: 'errors', target: 'ranker', fraction: 0.1 },
      ],
    });
    const opts = { replications: 4, durationSec: 120 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [3, 1, 0, 2].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    expect(combineReplications(doc, opts, reps)).toEqual(one);
    expect(runPoint(doc, opts)).toEqual(one);
    conserved(one.microservices);
  });

  it('the autoscaled monolith lives the same share of crashed replicas: 2 of 4 ranker replicas → half of its units, still billed', () => {
    const doc = ranker(HPA_CONCURRENCY, { monolith: { sizing: 'replicas', replicas: 4, threadsPerReplica: 1, autoscale: { policy: 'hpa', metric: 'concurrency', target: 2, minReplicas: 4, maxReplicas: 8 } } });
    const r = runPoint(doc, { windowSec: 1 });
    const notes = r.monolith.deployment?.scenarioNotes ?? [];
    expect(notes.some((n) => /2 of 4 replicas → a 0\.5 share/.test(n))).toBe(true);
    const ts = r.monolith.unit!.timeSeries;
    expect(ts.readyReplicas[60]).toBe(4);
    expect(ts.readyReplicas[70]).toBe(2);
    expect(ts.readyReplicas[CRASH_AT + CRASH_SEC + 1]).toBe(4);
    // Each unit holds the ranker's 4 GPUs (same GPUs per request path): the 2 left carry 300 req/s at ρ 0.375,
    // so its HPA (concurrency ≈ 3 < 2 × its minimum 4) keeps the 4 units, the 2 crashed ones billed.
    expect(Array.from(ts.replicas).every((x) => x === 4)).toBe(true);
    expect(r.monolith.endToEnd.errorsByCause?.crash).toBeGreaterThan(0);
    expect(r.monolith.recoverySec).toBe(0);
    conserved(r.monolith);
  });
});
