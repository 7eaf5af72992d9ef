/**
 * Load-dependent service time in the simulator (patternSim.ts, slowdown.ts),
 * against the formula at a fixed load: factor = min(maxFactor, 1 + k·x)
 * (linear) or min(maxFactor, e^(k·x)) (exponential), x = busy/servers at
 * service start (this visit included) or the visits still waiting.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { simulateDesign } from '../run';
import type { Topology } from '../schema';
import { testDoc2 } from '../testing/docs';
import { slowdownFactor } from './slowdown';

/** One node, deterministic 10 ms service; constant arrivals 100 ms apart: every request finds the node empty. */
function alone(concurrency: number, slowdown: Record<string, unknown> | undefined): Topology {
  return testDoc2({
    nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency, serviceTime: { dist: 'deterministic', meanMs: 10 }, ...(slowdown ? { slowdown } : {}) }],
    edges: [],
    workload: { entry: 'api', arrival: 'constant', ratePerSec: 10 },
    run: { durationSec: 60, warmupSec: 1, seed: 1 },
  });
}

describe('load-dependent service time', () => {
  it('slows a lone request by the factor at its own utilisation (1 of c servers busy)', () => {
    // Linear, c = 4: x = 1/4, factor 1 + 2/4 = 1.5 → 15 ms.
    expect(simulateDesign(alone(4, { shape: 'linear', coefficient: 2 })).endToEnd.meanMs).toBeCloseTo(15, 9);
    // Exponential, c = 1: x = 1, factor e^1 → 27.18… ms.
    expect(simulateDesign(alone(1, { shape: 'exponential', coefficient: 1 })).endToEnd.meanMs).toBeCloseTo(10 * slowdownFactor(true, 1, 100, 1), 9);
    expect(slowdownFactor(true, 1, 100, 1)).toBeCloseTo(Math.E, 12);
    // Capped: 1 + 100 × 1 = 101 > maxFactor 5 → 50 ms.
    expect(simulateDesign(alone(1, { shape: 'linear', coefficient: 100, maxFactor: 5 })).endToEnd.meanMs).toBeCloseTo(50, 9);
    // Queue-length basis with nobody waiting: factor 1, the plain 10 ms.
    expect(simulateDesign(alone(1, { shape: 'linear', basis: 'queueLength', coefficient: 3 })).endToEnd.meanMs).toBeCloseTo(10, 9);
  });

  it('by queue length: N users who never think keep N − 2 waiting at each service start (factor 1 + k(N − 2))', () => {
    // N = 5, k = 0.5: every service after the first takes 10 × 2.5 = 25 ms, so X = 40/s and R = N/X = 125 ms.
    const doc = testDoc2({
      nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'deterministic', meanMs: 10 }, slowdown: { shape: 'linear', basis: 'queueLength', coefficient: 0.5 } }],
      edges: [],
      workload: { entry: 'api', model: 'closed', users: 5, thinkTime: { dist: 'deterministic', meanMs: 0 } },
      run: { durationSec: 101, warmupSec: 1, seed: 1 },
    });
    const e = simulateDesign(doc).endToEnd;
    expect(Math.abs(e.throughputPerSec - 40)).toBeLessThanOrEqual(0.1); // ± a few requests at the window edges
    expect(e.meanMs).toBeCloseTo(125, 6);
  });

  it('the GC death spiral: below the base capacity an exponential queue slowdown runs away once the queue builds', () => {
    // Base μ = 100/s, λ = 90/s (ρ = 0.9): without slowdown the queue stays short; with e^(0.2·queue) a burst makes
    // service slower, the queue longer, service slower still — the node saturates.
    const base = (slowdown?: Record<string, unknown>) =>
      testDoc2({
        nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 }, ...(slowdown ? { slowdown } : {}) }],
        edges: [],
        workload: { entry: 'api', ratePerSec: 90 },
        run: { durationSec: 120, warmupSec: 10, seed: 4 },
      });
    const calm = simulateDesign(base());
    const spiral = simulateDesign(base({ shape: 'exponential', basis: 'queueLength', coefficient: 0.2, maxFactor: 50 }));
    expect(calm.saturated).toBe(false);
    expect(spiral.saturated).toBe(true);
    expect(spiral.endToEnd.throughputPerSec).toBeLessThan(0.5 * calm.endToEnd.throughputPerSec);
  });

  it('is refused on llm-servers; a document without it compiles without patterns', () => {
    expect(compileModel(alone(1, undefined)).patterns).toBeNull();
    expect(compileModel(alone(1, { shape: 'linear', coefficient: 1 })).patterns?.nodeSlowShape[0]).toBe(1);
  });
});
