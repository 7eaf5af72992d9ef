import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { call, expNode, makeDoc } from './analytic/testDoc';
import type { EdgeSpec, NodeSpec, WorkloadSpec } from './schema';

const node = (a: ReturnType<typeof analyze>, id: string) => a.nodes.find((n) => n.id === id)!;

// api → (ranker → store), plus api ⇢ sink (async). 100 req/s.
function design(
  patch: { api?: Partial<NodeSpec>; ranker?: Partial<NodeSpec>; sink?: Partial<NodeSpec>; rankerEdge?: Partial<EdgeSpec> } = {},
  workload: Partial<WorkloadSpec> = {},
) {
  return makeDoc(
    [
      expNode('api', 2, 4, patch.api),
      expNode('ranker', 10, 2, patch.ranker),
      expNode('store', 3, 4),
      expNode('sink', 5, 2, patch.sink),
    ],
    [call('api', 'ranker', patch.rankerEdge), call('ranker', 'store'), call('api', 'sink', { mode: 'async' })],
    { entry: 'api', ratePerSec: 100, ...workload },
  );
}

describe('notCovered: features the formulas do not cover', () => {
  it('the plain design is fully covered', () => {
    const a = analyze(design());
    expect(a.notCovered).toEqual([]);
    expect(a.meanMs).not.toBeNull();
    for (const n of a.nodes) expect(n.meanWaitMs).not.toBeNull();
  });

  it('holding the worker during calls: that node and its callers are not predicted; utilisation counts the calls', () => {
    const plain = analyze(design());
    const a = analyze(design({ ranker: { holdWorkerDuringCalls: true } }));
    expect(a.meanMs).toBeNull();
    expect(node(a, 'ranker').meanWaitMs).toBeNull();
    expect(node(a, 'ranker').meanTimeInNodeMs).toBeNull();
    expect(node(a, 'store').meanTimeInNodeMs).toBeCloseTo(node(plain, 'store').meanTimeInNodeMs!, 12);
    // Busy for service + the store call: (10 + T_store) ms per visit on 2 servers.
    const tStore = node(plain, 'store').meanTimeInNodeMs!;
    expect(node(a, 'ranker').utilization).toBeCloseTo((100 * (10 + tStore)) / 1000 / 2, 10);
    expect(a.notCovered.join('\n')).toMatch(/Node "ranker" holds its worker during calls/);
    expect(a.notCovered.join('\n')).toMatch(/saturation rate counts only service time at "ranker"/);
  });

  it('dynamic batching: that node and its callers are not predicted (a batch of 1 is no batching)', () => {
    const model = { kind: 'model-server' as const, batching: { maxBatch: 8, maxWaitMs: 2 } };
    const a = analyze(design({ ranker: model }));
    expect(a.meanMs).toBeNull();
    expect(node(a, 'ranker').meanWaitMs).toBeNull();
    // One request per batch keeps up at ρ₁ = 0.5, so that is the estimate (not full batches, ρ₁ × f(8)/8).
    expect(node(a, 'ranker').utilization).toBeCloseTo(0.5, 12);
    // Saturation: full batches, 1 / (ρ₁ per req/s × f(b)/b) with f(b) = 1 + α(b − 1), α = 0.1, b = 8.
    const plain = analyze(design()).saturationRatePerSec!;
    expect(a.saturationRatePerSec!).toBeGreaterThanOrEqual(plain);
    expect(a.notCovered.join('\n')).toMatch(/Node "ranker" batches requests \(up to 8, waiting at most 2 ms\)/);
    const one = analyze(design({ ranker: { ...model, batching: { maxBatch: 1, maxWaitMs: 2 } } }));
    expect(one.notCovered).toEqual([]);
    expect(one.meanMs).toBeCloseTo(analyze(design()).meanMs!, 12);
  });

  it('timeouts with retries: the caller’s response and the callee’s load are not predicted', () => {
    const a = analyze(design({ rankerEdge: { timeoutMs: 50, retries: 2 } }));
    expect(a.meanMs).toBeNull();
    expect(node(a, 'api').meanTimeInNodeMs).not.toBeNull();
    expect(node(a, 'ranker').meanWaitMs).toBeNull();
    expect(node(a, 'store').meanWaitMs).toBeNull();
    expect(a.notCovered.join('\n')).toMatch(/Edge "api-ranker" \(api → ranker\) times out after 50 ms with 2 retries/);
  });

  it('bounded queues: that node and everything after it; a bounded async consumer leaves the mean intact', () => {
    const a = analyze(design({ ranker: { queueCapacity: 100 } }));
    expect(a.meanMs).toBeNull();
    expect(node(a, 'ranker').meanWaitMs).toBeNull();
    expect(node(a, 'store').meanWaitMs).toBeNull();
    expect(node(a, 'api').meanWaitMs).not.toBeNull();
    expect(a.notCovered.join('\n')).toMatch(/Node "ranker" has a bounded queue \(100 waiting places\)/);
    const sinkOnly = analyze(design({ sink: { queueCapacity: 10 } }));
    expect(sinkOnly.meanMs).toBeCloseTo(analyze(design()).meanMs!, 12);
    expect(node(sinkOnly, 'sink').meanWaitMs).toBeNull();
    expect(sinkOnly.notCovered).toHaveLength(1);
  });

  it('bursty arrivals: no wait or mean anywhere, utilisation still given', () => {
    const a = analyze(design({}, { arrival: 'bursty' }));
    expect(a.meanMs).toBeNull();
    for (const n of a.nodes) expect(n.meanWaitMs).toBeNull();
    // One request per batch keeps up at ρ₁ = 0.5, so that is the estimate (not full batches, ρ₁ × f(8)/8).
    expect(node(a, 'ranker').utilization).toBeCloseTo(0.5, 12);
    // Saturation: full batches, 1 / (ρ₁ per req/s × f(b)/b) with f(b) = 1 + α(b − 1), α = 0.1, b = 8.
    const plain = analyze(design()).saturationRatePerSec!;
    expect(a.saturationRatePerSec!).toBeGreaterThanOrEqual(plain);
    expect(a.saturationRatePerSec).toBeCloseTo(200, 9);
    expect(a.notCovered.join('\n')).toMatch(/Arrivals are bursty/);
  });

  it('constant arrivals: numbers are still given (treated as Poisson) and the note says so', () => {
    const a = analyze(design({}, { arrival: 'constant' }));
    expect(a.meanMs).toBeCloseTo(analyze(design()).meanMs!, 12);
    expect(a.notCovered).toEqual([expect.stringMatching(/constant-rate: the M\/G\/c figures treat them as Poisson/)]);
  });

  it('a load profile is ignored: the figures are for the rate given', () => {
    const a = analyze(design({}, { profile: [{ atSec: 0, ratePerSec: 10 }, { atSec: 60, ratePerSec: 500 }] }), 100);
    expect(a.meanMs).toBeCloseTo(analyze(design()).meanMs!, 12);
    expect(a.notCovered).toEqual([expect.stringMatching(/steady 100 req\/s/)]);
  });

  it('features on nodes that carry no traffic, or that change nothing, are not reported', () => {
    // sink holds its worker but makes no calls: holding changes nothing.
    const a = analyze(design({ sink: { holdWorkerDuringCalls: true } }));
    expect(a.notCovered).toEqual([]);
    expect(a.meanMs).toBeCloseTo(analyze(design()).meanMs!, 12);
    const b = analyze(design({ ranker: { queueCapacity: 5 }, rankerEdge: { probability: 0 } }));
    expect(b.notCovered).toEqual([]);
    expect(node(b, 'ranker').arrivalRatePerSec).toBe(0);
  });
});
