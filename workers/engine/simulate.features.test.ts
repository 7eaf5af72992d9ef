/** Each modelling feature does what docs/model.md says: timeouts and retries, bounded queues, held workers, batching, routing, arrivals, offline nodes, pools. */
import { describe, expect, it } from 'vitest';
import { simulateDesign } from './run';
import { BATCH_ALPHA } from './simulate';
import { lengthFor, stationDoc, testDoc } from './testing/docs';

const twoTier = (caller: Record<string, unknown>, callee: Record<string, unknown>, edge: Record<string, unknown>, ratePerSec: number, arrival = 'poisson') =>
  testDoc({
    nodes: [
      { id: 'a', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'deterministic', meanMs: 1 }, ...caller },
      { id: 'b', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'deterministic', meanMs: 10 }, ...callee },
    ],
    edges: [{ id: 'ab', source: 'a', target: 'b', networkMs: 0, ...edge }],
    workload: { entry: 'a', ratePerSec, arrival },
  });

describe('timeouts and retries', () => {
  it('a callee slower than the timeout: every attempt times out, each retry loads the callee again, the request fails', () => {
    const doc = twoTier({}, { serviceTime: { dist: 'deterministic', meanMs: 50 } }, { timeoutMs: 20, retries: 2 }, 10);
    const r = simulateDesign(doc, { durationSec: 100, warmupSec: 1 });
    const e = r.endToEnd;
    expect(e.completed).toBe(0);
    expect(e.errors).toBeGreaterThan(900);
    expect(e.timeouts).toBeGreaterThanOrEqual(3 * e.errors);
    // Timeouts are counted by when they fire, requests by when they arrived: allow the one request astride the warm-up.
    expect(e.timeouts).toBeLessThanOrEqual(3 * (e.errors + e.inFlight + 1));
    expect(r.nodes[1].arrivalRatePerSec / r.nodes[0].arrivalRatePerSec).toBeCloseTo(3, 1);
    expect(Number.isNaN(e.meanMs)).toBe(true);
  });

  it('a callee faster than the timeout never times out', () => {
    const e = simulateDesign(twoTier({}, {}, { timeoutMs: 20, retries: 2 }, 10), { durationSec: 50 }).endToEnd;
    expect(e.timeouts).toBe(0);
    expect(e.errors).toBe(0);
    expect(e.meanMs).toBeCloseTo(11, 9);
  });

  it('a retry that succeeds costs the timeout plus the second attempt', () => {
    // Uniform 5–35 ms callee, timeout 20: P(first attempt > 20) = 1/2; latencies are 1 + S₁ or 1 + 20 + S₂ (low load).
    const doc = twoTier({}, { serviceTime: { dist: 'uniform', minMs: 5, maxMs: 35 } }, { timeoutMs: 20, retries: 3 }, 5);
    const e = simulateDesign(doc, { durationSec: 2000 }).endToEnd;
    // Attempts are independent with P(success) = ½, at most 4. Given success after k timeouts (prob (½)^{k+1}, k ≤ 3):
    // E[k | success] = (1/4 + 2/8 + 3/16) / (15/16) = 11/15, so E[T] = 1 + 20·11/15 + E[S | S ≤ 20] = 1 + 44/3 + 12.5.
    expect(e.meanMs / (1 + 44 / 3 + 12.5)).toBeCloseTo(1, 2);
    // Failures (all 4 attempts time out) are 1/15 of successes; timeouts per success = 11/15 + 4/15 = 1.
    expect(e.errors / e.completed).toBeCloseTo(1 / 15, 2);
    expect(e.timeouts / e.completed).toBeCloseTo(1, 1);
  });
});

describe('bounded queues', () => {
  it('M/M/1/K blocks arrivals with probability (1 − ρ)ρ^K / (1 − ρ^{K+1}) (Kleinrock Vol. 1 §3.6)', () => {
    const K = 5; // waiting room 4 + 1 in service
    const rho = 0.9;
    const doc = testDoc({
      nodes: [{ id: 's', kind: 'service', replicas: 1, concurrency: 1, queueCapacity: K - 1, serviceTime: { dist: 'exponential', meanMs: 10 } }],
      workload: { entry: 's', ratePerSec: 90 },
    });
    const e = simulateDesign(doc, lengthFor(400_000, 90, 1)).endToEnd;
    const pK = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    expect(e.dropped / e.arrivals / pK).toBeCloseTo(1, 1);
    expect(e.arrivals).toBe(e.completed + e.dropped + e.inFlight);
  });

  it('a drop in a downstream sync call fails the request at once', () => {
    const doc = twoTier({}, { replicas: 1, concurrency: 1, queueCapacity: 0, serviceTime: { dist: 'deterministic', meanMs: 30 } }, {}, 100, 'constant');
    const r = simulateDesign(doc, { durationSec: 10, warmupSec: 1 });
    expect(r.endToEnd.errors).toBeGreaterThan(0);
    expect(r.nodes[1].dropped).toBe(r.endToEnd.errors);
    expect(r.endToEnd.dropped).toBe(0);
  });
});

describe('holdWorkerDuringCalls', () => {
  it('keeps the caller busy for its calls (thread per request)', () => {
    const held = simulateDesign(twoTier({ holdWorkerDuringCalls: true, concurrency: 1 }, {}, { networkMs: 2 }, 50, 'constant'), { durationSec: 100 });
    const freed = simulateDesign(twoTier({ concurrency: 1 }, {}, { networkMs: 2 }, 50, 'constant'), { durationSec: 100 });
    expect(held.nodes[0].utilization).toBeCloseTo(50 * 0.013, 3);
    expect(freed.nodes[0].utilization).toBeCloseTo(50 * 0.001, 3);
    expect(held.endToEnd.meanMs).toBeCloseTo(13, 9);
  });
});

describe('dynamic batching', () => {
  const batchDoc = (ratePerSec: number, maxBatch: number, maxWaitMs: number) =>
    testDoc({
      nodes: [
        { id: 'm', kind: 'model-server', replicas: 8, concurrency: 1, batching: { maxBatch, maxWaitMs }, serviceTime: { dist: 'deterministic', meanMs: 10 } },
      ],
      workload: { entry: 'm', ratePerSec, arrival: 'constant' },
    });

  it('a lone request waits maxWaitMs, then runs as a batch of one', () => {
    const e = simulateDesign(batchDoc(10, 8, 5), { durationSec: 20 }).endToEnd;
    expect(e.meanMs).toBeCloseTo(15, 9);
    expect(e.maxMs).toBeCloseTo(15, 9);
  });

  it(`a full batch starts at once and takes serviceTime × (1 + α(b − 1)), α = ${BATCH_ALPHA}`, () => {
    // One arrival per ms, batches of 4: waits of 3, 2, 1, 0 ms, then 10 × (1 + 3α) ms of service.
    const e = simulateDesign(batchDoc(1000, 4, 50), { durationSec: 10 }).endToEnd;
    const service = 10 * (1 + 3 * BATCH_ALPHA);
    expect(e.meanMs).toBeCloseTo(1.5 + service, 2);
    expect(e.maxMs).toBeCloseTo(3 + service, 6);
  });
});

describe('routing', () => {
  it('probability and count scale the callee load; parallel waits for the slowest branch', () => {
    const doc = testDoc({
      nodes: [
        { id: 'a', kind: 'service', replicas: 1, concurrency: 1000, callMode: 'parallel', serviceTime: { dist: 'deterministic', meanMs: 1 } },
        { id: 'b', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'uniform', minMs: 1, maxMs: 9 } },
        { id: 'c', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'deterministic', meanMs: 4 } },
      ],
      edges: [
        { id: 'ab', source: 'a', target: 'b', networkMs: 0, count: 3 },
        { id: 'ac', source: 'a', target: 'c', networkMs: 0, probability: 0.25 },
      ],
      workload: { entry: 'a', ratePerSec: 200 },
    });
    const r = simulateDesign(doc, { durationSec: 200 });
    const rate = (id: string) => r.nodes.find((n) => n.id === id)!.arrivalRatePerSec / r.nodes[0].arrivalRatePerSec;
    expect(rate('b')).toBeCloseTo(3, 2);
    expect(rate('c')).toBeCloseTo(0.25, 2);
    // E[max of 3 U(1,9), and 4 with prob ¼] = 1 + E[max(M, 4·1{c})], M = 1 + 8·max of 3 uniforms; E[M] = 1 + 8·3/4 = 7
    // E[max(M, 4)] = 7 + E[(4 − M)+] = 7 + ∫₁⁴ P(M ≤ x) dx = 7 + 8·(3/8)⁴/4
    const expected = 1 + 0.75 * 7 + 0.25 * (7 + (8 * (3 / 8) ** 4) / 4);
    expect(r.endToEnd.meanMs / expected).toBeCloseTo(1, 2);
  });

  it('offline nodes and their edges carry no traffic', () => {
    const doc = testDoc({
      nodes: [
        { id: 'a', kind: 'service', serviceTime: { dist: 'deterministic', meanMs: 1 } },
        { id: 'train', kind: 'offline' },
      ],
      edges: [{ id: 'at', source: 'a', target: 'train' }],
      workload: { entry: 'a', ratePerSec: 50 },
    });
    const r = simulateDesign(doc, { durationSec: 20 });
    expect(r.nodes[1].arrivalRatePerSec).toBe(0);
    expect(r.endToEnd.meanMs).toBeCloseTo(1, 9);
  });

  it('pool members share the pool servers FCFS (two members = one M/M/2 with the mixture)', () => {
    const doc = testDoc({
      nodes: [
        { id: 'a', kind: 'service', pool: 'p', serviceTime: { dist: 'exponential', meanMs: 10 } },
        { id: 'b', kind: 'service', pool: 'p', serviceTime: { dist: 'exponential', meanMs: 10 } },
      ],
      edges: [{ id: 'ab', source: 'a', target: 'b', networkMs: 0 }],
      pools: [{ id: 'p', servers: 2, costPerHour: 1.5 }],
      workload: { entry: 'a', ratePerSec: 60 },
    });
    const r = simulateDesign(doc, lengthFor(100_000, 60, 1));
    expect(r.nodes[0].utilization + r.nodes[1].utilization).toBeCloseTo(0.6, 2);
    expect(r.costPerHour).toBe(1.5);
  });
});

describe('arrivals', () => {
  const count = (arrival: string, extra: Record<string, unknown> = {}, opts: Record<string, unknown> = {}) =>
    simulateDesign(testDoc({ ...stationSpec(), workload: { entry: 's', ratePerSec: 100, arrival, ...extra } }), { durationSec: 1000, warmupSec: 0, windowSec: 10, ...opts });
  const stationSpec = () => ({ nodes: [{ id: 's', kind: 'service', replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 1 } }] });

  it('constant arrivals are evenly spaced', () => {
    expect(count('constant').endToEnd.arrivals).toBe(100_000);
  });

  it('bursty arrivals keep the long-run mean rate and are burstier than Poisson', () => {
    const bursty = count('bursty', { burst: { peakFactor: 5, burstFraction: 0.1, meanBurstMs: 2000 } });
    expect(bursty.endToEnd.arrivals / 100_000).toBeCloseTo(1, 1);
    const variance = (xs: Float64Array) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
    };
    const poisson = count('poisson');
    expect(variance(bursty.timeSeries.offeredPerSec)).toBeGreaterThan(10 * variance(poisson.timeSeries.offeredPerSec));
  });

  it('a profile ramps linearly and steps', () => {
    const profile = [
      { atSec: 0, ratePerSec: 0 },
      { atSec: 500, ratePerSec: 200 },
      { atSec: 500, ratePerSec: 50 },
    ];
    const r = count('poisson', {}, { profile });
    // Λ = ½·500·200 + 500·50 = 75 000 expected arrivals (sd ≈ 274)
    expect(Math.abs(r.endToEnd.arrivals - 75_000)).toBeLessThan(1000);
    const ts = r.timeSeries;
    expect(ts.offeredPerSec[24] / 100).toBeCloseTo(1, 0);
    expect(ts.offeredPerSec[75] / 50).toBeCloseTo(1, 0);
    const constant = count('constant', {}, { profile });
    expect(Math.abs(constant.endToEnd.arrivals - 75_000)).toBeLessThanOrEqual(1);
  });
});

it('a single M/M/1 at low load has no waiting: the mean is the service mean', () => {
  const e = simulateDesign(stationDoc(1, { dist: 'exponential', meanMs: 1 }, 1), { durationSec: 2000 }).endToEnd;
  expect(e.meanMs).toBeGreaterThan(0.95);
  expect(e.meanMs).toBeLessThan(1.05);
});
