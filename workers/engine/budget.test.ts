/**
 * Runs that always end: the degenerate documents of issue 16 either are
 * refused with an error naming the field, or end within their work budget
 * with `cutShort` saying why.
 */
import { describe, expect, it } from 'vitest';
import { ARRIVAL_BURSTY, ArrivalProcess, RateCurve } from './arrivals';
import { LIMITS } from './limits';
import { parseTopology } from './parse';
import { resolveRun, runPoint } from './run';
import { Rng } from './rng';
import { stationDoc, testDoc } from './testing/docs';

/** A gateway calling `fan` leaf services in parallel: about 3·fan events per request. */
function fanDoc(fan: number, ratePerSec: number) {
  const leaves = Array.from({ length: fan }, (_, i) => ({ id: `l${i}`, kind: 'service', replicas: 1, concurrency: 100, serviceTime: { dist: 'exponential', meanMs: 1 } }));
  return testDoc({
    nodes: [{ id: 'g', kind: 'gateway', replicas: 1, concurrency: 10000, callMode: 'parallel', serviceTime: { dist: 'deterministic', meanMs: 0.01 } }, ...leaves],
    edges: leaves.map((l) => ({ id: `g-${l.id}`, source: 'g', target: l.id, mode: 'sync', networkMs: 0 })),
    workload: { entry: 'g', ratePerSec },
    run: { durationSec: 1, warmupSec: 0.1, seed: 3, replications: 1 },
  });
}

function conserved(e: { arrivals: number; completed: number; errors: number; dropped: number; inFlight: number }) {
  expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
}

describe('work budget', () => {
  it('stops a run of 1000 parallel calls per request at its event budget, says so, and keeps its numbers consistent', () => {
    const doc = fanDoc(1000, 1_000_000);
    const r = runPoint(doc, { maxEventsPerReplication: 300_000 });
    expect(r.cutShort?.reason).toBe('work-budget');
    expect(r.cutShort?.replicationsCut).toBeGreaterThan(0);
    expect(r.cutShort?.simulatedSec).toBeLessThan(1);
    expect(r.cutShort?.message).toMatch(/Cut short: the run reached its work budget of 300,000 events/);
    for (const d of [r.microservices, r.monolith]) {
      conserved(d.endToEnd);
      expect(Number.isFinite(d.endToEnd.throughputPerSec)).toBe(true);
      for (const n of d.nodes) expect(Number.isFinite(n.utilization)).toBe(true);
    }
  });

  it('leaves a run within its budget alone (no cutShort field at all)', () => {
    const r = runPoint(stationDoc(1, { dist: 'exponential', meanMs: 5 }, 100), { durationSec: 5, warmupSec: 1, replications: 2 });
    expect('cutShort' in r).toBe(false);
  });

  it('refuses a budget above the limit, naming the option', () => {
    expect(() => resolveRun(stationDoc(1, { dist: 'exponential', meanMs: 5 }, 100), { maxEventsPerReplication: LIMITS.maxEventsPerReplication + 1 })).toThrow(/maxEventsPerReplication/);
  });
});

describe('wall-clock deadline (a callback: the engine reads no clock)', () => {
  it('cuts the running replication and skips those not started', () => {
    let asked = 0;
    const doc = fanDoc(50, 200_000);
    const r = runPoint(doc, { replications: 4 }, { expired: () => ++asked > 3 });
    expect(r.cutShort?.reason).toBe('deadline');
    expect(r.replications).toBe(1);
    expect(r.cutShort?.replicationsSkipped).toBe(3);
    expect(r.cutShort?.message).toMatch(/wall-clock deadline.*1 of 4 replications ran/);
    conserved(r.microservices.endToEnd);
  });
});

describe('bursty arrivals are bounded by the run, not by their parameters', () => {
  const bursty = (ratePerSec: number, meanBurstMs: number) =>
    ({ nodes: [{ id: 's', kind: 'service' }], workload: { entry: 's', arrival: 'bursty', ratePerSec, burst: { peakFactor: 5, burstFraction: 0.1, meanBurstMs } } }) as const;

  it('refuses bursts shorter than the floor, naming the field (1e-6 ms and 1e-7 ms took 35 s and 120 s per simulated second)', () => {
    for (const ms of [1e-6, 1e-7, 0.5]) {
      const r = parseTopology({ format: 'loadsketch', version: 1, ...bursty(100, ms) });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].path).toBe('workload.burst.meanBurstMs');
    }
    const quiet = parseTopology({ format: 'loadsketch', version: 1, ...bursty(100, 2), workload: { ...bursty(100, 2).workload, burst: { peakFactor: 1, burstFraction: 0.9999, meanBurstMs: 2 } } });
    expect(!quiet.ok && quiet.errors[0].path).toBe('workload.burst.burstFraction');
  });

  it('stops at the run end with a tiny rate (1e-9 req/s took 112 s for one simulated second)', () => {
    // 1 s run with 1 ms bursts: at most ~1000/(1+9) state switches before the run's end, then +∞.
    const p = new ArrivalProcess(ARRIVAL_BURSTY, new RateCurve(1e-9, null), { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 1 }, new Rng(5), 1000);
    expect(p.next()).toBe(Number.POSITIVE_INFINITY);
    expect(p.steps).toBeLessThan(1000);
    const r = runPoint(testDoc(bursty(1e-9, 1)), { durationSec: 1, warmupSec: 0 });
    expect(r.microservices.endToEnd.arrivals).toBe(0);
    expect('cutShort' in r).toBe(false);
  });

  it('counts each state switch against the work budget', () => {
    const p = new ArrivalProcess(ARRIVAL_BURSTY, new RateCurve(1e-9, null), { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 1 }, new Rng(5), 1e12, 500);
    expect(p.next()).toBe(Number.POSITIVE_INFINITY);
    expect(p.exhausted).toBe(true);
    expect(p.steps).toBe(501);
  });
});

describe('confidence intervals', () => {
  it('are never NaN when a replication completes nothing (the figure is left out instead)', () => {
    // 0.2 req/s for 5 s: some of 6 replications see no request at all.
    const r = runPoint(stationDoc(1, { dist: 'exponential', meanMs: 5 }, 0.2), { durationSec: 5, warmupSec: 0, replications: 6, seed: 11 });
    const ci = r.microservices.endToEnd.ci95 ?? {};
    for (const v of Object.values(ci)) expect(Number.isFinite(v)).toBe(true);
    expect(ci.throughputPerSec).toBeGreaterThan(0);
    expect(ci.meanMs).toBeUndefined();
  });
});
