/**
 * Retry back-off on edges in the simulator (patternSim.ts, backoff.ts): the
 * wait before retry n is min(maxMs, baseMs × multiplier^(n−1)) without
 * jitter, uniform below it with full jitter (Envoy's router filter, gRPC A6);
 * defaults Envoy's 25 ms, × 2, 250 ms, full jitter.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { resolveRun, simSpec, simulateDesign } from '../run';
import type { Topology } from '../schema';
import { testDoc2 } from '../testing/docs';
import { replicationSeed } from '../rng';
import { backoffCeilingMs } from './backoff';
import { PatternSimulator } from './patternSim';

/** api → db; every db visit fails at once (an errors event over the whole run); a request each 1 s; 3 retries. */
function failing(backoff: Record<string, unknown>, extraEdge: Record<string, unknown> = {}): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, timeoutMs: 500, retries: 3, backoff, ...extraEdge }],
    workload: { entry: 'api', arrival: 'constant', ratePerSec: 1 },
    run: { durationSec: 400, warmupSec: 0, seed: 2 },
    scenario: { events: [{ atSec: 0, durationSec: 400, kind: 'errors', target: 'db', fraction: 1 }] },
  });
}

/** The times (ms) at which db is visited. */
class Visits extends PatternSimulator {
  readonly at: number[] = [];
  constructor(doc: Topology) {
    super(compileModel(doc), simSpec(doc, resolveRun(doc), replicationSeed(doc.run.seed, 0)));
  }
  protected override arrive(f: number): void {
    if (this.fNode[f] === 1) this.at.push(this.now);
    super.arrive(f);
  }
}

/** Per request (4 db visits each, 1 s apart): the gaps between its visits. */
function gaps(doc: Topology): number[][] {
  const sim = new Visits(doc);
  sim.run();
  const out: number[][] = [];
  for (let k = 0; k + 3 < sim.at.length; k += 4) out.push([1, 2, 3].map((j) => sim.at[k + j] - sim.at[k + j - 1]));
  return out;
}

describe('retry back-off', () => {
  it('waits min(maxMs, base × multiplier^(n−1)) before retry n without jitter', () => {
    const g = gaps(failing({ baseMs: 10, multiplier: 3, maxMs: 50, jitter: 'none' }));
    expect(g.length).toBeGreaterThan(390);
    for (const x of g) {
      expect(x[0]).toBeCloseTo(10, 9);
      expect(x[1]).toBeCloseTo(30, 9);
      expect(x[2]).toBeCloseTo(50, 9); // 90 capped at 50
    }
    expect([1, 2, 3].map((n) => backoffCeilingMs(n, 10, 3, 50))).toEqual([10, 30, 50]);
  });

  it('after a timeout, the retry goes out a back-off after the timeout fired', () => {
    // db takes 100 ms, the edge times out at 20 ms: visits at 0, 20 + 10, 30 + 20 + 20 (base 10, × 2).
    const doc = testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
        { id: 'db', kind: 'database', replicas: 1, concurrency: 8, serviceTime: { dist: 'deterministic', meanMs: 100 } },
      ],
      edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, timeoutMs: 20, retries: 2, backoff: { baseMs: 10, jitter: 'none' } }],
      workload: { entry: 'api', arrival: 'constant', ratePerSec: 1 },
      run: { durationSec: 10, warmupSec: 0, seed: 2 },
    });
    const sim = new Visits(doc);
    sim.run();
    expect(sim.at.slice(0, 3).map((t) => t - sim.at[0])).toEqual([0, 30, 70]);
    const e = simulateDesign(doc).endToEnd;
    expect(e.timeouts).toBe(3 * e.errors);
  });

  it('with full jitter (Envoy’s defaults 25 ms, × 2, 250 ms) draws each wait uniformly below its ceiling', () => {
    const doc = failing({});
    expect(doc.edges[0].backoff).toEqual({ baseMs: 25, multiplier: 2, maxMs: 250, jitter: 'full' });
    const g = gaps(doc);
    const ceilings = [25, 50, 100];
    for (let j = 0; j < 3; j++) {
      const xs = g.map((x) => x[j]);
      expect(Math.max(...xs)).toBeLessThan(ceilings[j]);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      // Mean of U(0, c) is c/2; 399 draws: standard error c/√(12·399) ≈ 0.0145c.
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(Math.abs(mean - ceilings[j] / 2)).toBeLessThan(0.06 * ceilings[j]);
    }
    // The same seed gives the same waits.
    expect(gaps(doc)).toEqual(g);
  });

  it('conserves requests; every failed request is counted with cause error; the plain simulator is not used', () => {
    const d = simulateDesign(failing({ jitter: 'none' }));
    const e = d.endToEnd;
    expect(e.errors).toBe(e.arrivals - e.inFlight);
    expect(e.errorsByCause?.error).toBe(e.errors);
    expect(compileModel(failing({})).patterns?.edgeBackoff[0]).toBe(1);
  });

  it('is refused without retries and on async edges', () => {
    expect(() => failing({}, { retries: 0 })).toThrow(/back-off applies to sync edges with retries only/);
  });
});
