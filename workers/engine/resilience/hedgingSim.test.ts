/**
 * Hedged requests in the simulator (patternSim.ts, hedging.ts; Dean & Barroso,
 * "The Tail at Scale", CACM 56(2), 2013: hedge after the 95th percentile;
 * gRPC A6 hedgingPolicy: maxAttempts counts the original, hedgingDelay).
 * A 10-way fan-out to a heavy-tailed leaf (lognormal, mean 10 ms, cv 2, no
 * queueing): the request waits for the slowest of 10, so its p99 is about the
 * leaf's p99.9. Hedging each call at the leaf's p95 cuts it.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { resolveRun, simSpec, simulateDesign } from '../run';
import type { Topology } from '../schema';
import { testDoc2 } from '../testing/docs';
import { replicationSeed } from '../rng';
import { PatternSimulator } from './patternSim';

/** p-quantile of a lognormal by mean and cv: exp(μ + zσ), σ² = ln(1 + cv²), μ = ln mean − σ²/2. */
function lognormalQuantile(meanMs: number, cv: number, z: number): number {
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(meanMs) - s2 / 2 + z * Math.sqrt(s2));
}
const Z95 = 1.6448536269514722;

function fanOut(hedging?: Record<string, unknown>): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'deterministic', meanMs: 1 }, callMode: 'parallel' },
      { id: 'leaf', kind: 'service', replicas: 10, concurrency: 200, serviceTime: { dist: 'lognormal', meanMs: 10, cv: 2 } },
    ],
    edges: [{ id: 'api-leaf', source: 'api', target: 'leaf', networkMs: 0.5, count: 10, ...(hedging ? { hedging } : {}) }],
    workload: { entry: 'api', ratePerSec: 100 },
    run: { durationSec: 200, warmupSec: 5, seed: 7 },
  });
}

describe('hedged requests', () => {
  it('hedging at the leaf’s p95 cuts the p99 of a 10-way fan-out, for about 5 % more attempts', () => {
    const p95 = lognormalQuantile(10, 2, Z95); // 36.0 ms
    expect(p95).toBeCloseTo(36.03, 1);
    const plain = simulateDesign(fanOut());
    const hedged = simulateDesign(fanOut({ hedgeAfterMs: p95, maxAttempts: 2 }));
    for (const d of [plain, hedged]) {
      const e = d.endToEnd;
      expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + (e.rejected ?? 0) + e.inFlight);
      expect(e.errors).toBe(0);
    }
    // Without hedging the p99 is near the leaf's p99.9 (225 ms) plus the hop; with it well under half that.
    expect(plain.endToEnd.p99Ms).toBeGreaterThan(150);
    expect(hedged.endToEnd.p99Ms).toBeLessThan(0.6 * plain.endToEnd.p99Ms);
    // Attempts: each call hedges when its first attempt is slower than the p95 (5 %).
    const leafRate = (d: typeof plain) => d.nodes.find((n) => n.id === 'leaf')!.arrivalRatePerSec;
    const extra = leafRate(hedged) / leafRate(plain) - 1;
    expect(extra).toBeGreaterThan(0.035);
    expect(extra).toBeLessThan(0.065);
  });

  it('cancels losers that have not started when their call wins; a loser already taken by a server runs to its end', () => {
    // One leaf server, deterministic 10 ms, hedges after 1 and 2 ms: both wait behind attempt 1. When it ends the
    // server frees before the win is known and takes attempt 2 (its work wasted); attempt 3, still queued when
    // the call has won, is cancelled: it never uses the server.
    const doc = testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 1 } },
        { id: 'leaf', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'deterministic', meanMs: 10 } },
      ],
      edges: [{ id: 'api-leaf', source: 'api', target: 'leaf', networkMs: 0, hedging: { hedgeAfterMs: 1, maxAttempts: 3 } }],
      workload: { entry: 'api', arrival: 'constant', ratePerSec: 20 },
      run: { durationSec: 20, warmupSec: 0, seed: 1 },
    });
    const sim = new PatternSimulator(compileModel(doc), simSpec(doc, resolveRun(doc), replicationSeed(doc.run.seed, 0)));
    sim.run();
    const e = simulateDesign(doc).endToEnd;
    expect(e.meanMs).toBeCloseTo(11, 9);
    expect(sim.hedgesCancelled).toBeGreaterThanOrEqual(e.completed - 1);
    expect(sim.hedgesCancelled).toBeLessThanOrEqual(e.completed + 1);
    // The leaf serves two attempts per call (1 and 2), 20 ms of work per 50 ms: utilisation 0.4.
    expect(simulateDesign(doc).nodes.find((n) => n.id === 'leaf')!.utilization).toBeCloseTo(0.4, 2);
  });

  it('is refused with retries, a timeout or a breaker on the edge', () => {
    expect(() =>
      testDoc2({
        nodes: [{ id: 'a', kind: 'service' }, { id: 'b', kind: 'service' }],
        edges: [{ id: 'a-b', source: 'a', target: 'b', timeoutMs: 50, retries: 1, hedging: { hedgeAfterMs: 5 } }],
        workload: { entry: 'a' },
      }),
    ).toThrow(/hedging applies to sync edges without retries/);
  });
});
