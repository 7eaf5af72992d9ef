import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates';
import { findCapacity, meetsSlo } from './capacity';
import type { DesignResult, RunResult } from './results';
import { runPoint } from './run';
import { sweep } from './sweep';

/** A design result whose only meaningful figures are latency, saturation and cost. */
function fakeDesign(p99Ms: number, saturated: boolean, throughput: number): DesignResult {
  const e2e = { completed: 1000, throughputPerSec: throughput, meanMs: p99Ms / 4, p50Ms: p99Ms / 5, p90Ms: p99Ms / 2, p95Ms: p99Ms / 1.5, p99Ms, p999Ms: p99Ms * 1.5, maxMs: p99Ms * 2, errors: 0, timeouts: 0, dropped: 0, arrivals: 1000, inFlight: 0 };
  return { endToEnd: e2e, nodes: [], saturated, saturatedNode: null, costPerHour: 1, costPerMillionRequests: 1e6 / (throughput * 3600), costTotal: 0, replicaHours: 0, sloViolationSec: 0, coldStarts: 0, timeSeries: {} as DesignResult['timeSeries'], latencyHistogram: { subBuckets: 128, counts: new Float64Array(0) } };
}

/** M/M/1 p99 of the response time: ln(100) / (μ − λ), in ms. */
const mm1P99Ms = (mu: number, lambda: number) => (lambda >= mu ? Number.POSITIVE_INFINITY : (Math.log(100) / (mu - lambda)) * 1000);

describe('findCapacity (bracket + bisection, as the studio runs it)', () => {
  const doc = loadTemplate('mm1'); // analytic saturation 100 req/s for both designs; SLO p99 ≤ 250 ms
  const fake = async (rate: number): Promise<RunResult> => ({
    ratePerSec: rate,
    seed: 1,
    replications: 1,
    microservices: fakeDesign(mm1P99Ms(100, rate), rate >= 100, rate),
    monolith: fakeDesign(mm1P99Ms(150, rate), rate >= 150, rate),
    analytic: {} as RunResult['analytic'],
  });

  it('finds λ* = μ − ln(100)/threshold for each design within the tolerance, and the ratio', async () => {
    const r = await findCapacity(doc, fake, { maxEvaluations: 14 });
    const micro = 100 - Math.log(100) / 0.25; // 81.58 req/s
    const mono = 150 - Math.log(100) / 0.25; // 131.58 req/s
    expect(r.microservices.ratePerSec!).toBeLessThanOrEqual(micro);
    expect(r.microservices.ratePerSec!).toBeGreaterThan(micro * 0.97);
    expect(r.microservices.failsAtPerSec!).toBeGreaterThan(micro);
    expect(r.monolith.ratePerSec!).toBeLessThanOrEqual(mono);
    expect(r.monolith.ratePerSec!).toBeGreaterThan(mono * 0.97);
    expect(r.ratio).toBeCloseTo(r.microservices.ratePerSec! / r.monolith.ratePerSec!, 12);
    expect(r.microservices.latencyMs!).toBeLessThanOrEqual(250);
    expect(r.microservices.costPerMillionRequests).toBeCloseTo(1e6 / (r.microservices.ratePerSec! * 3600), 9);
    expect(r.slo).toEqual({ percentile: 'p99', thresholdMs: 250 });
  });

  it('gives null (not 0) when no tried rate meets the SLO, and counts evaluations', async () => {
    let calls = 0;
    const never = async (rate: number) => {
      calls++;
      return { ...(await fake(rate)), microservices: fakeDesign(1e9, false, rate) };
    };
    const r = await findCapacity(doc, never, { maxEvaluations: 6 });
    expect(r.microservices.ratePerSec).toBeNull();
    expect(r.microservices.costPerHour).toBe(1);
    expect(r.ratio).toBeNull();
    expect(r.evaluations).toBe(calls);
  });

  it('an SLO override changes the answer', async () => {
    const tight = await findCapacity(doc, fake, { slo: { percentile: 'p99', thresholdMs: 100 }, maxEvaluations: 14 });
    const want = 100 - Math.log(100) / 0.1;
    expect(tight.microservices.ratePerSec!).toBeLessThanOrEqual(want);
    expect(tight.microservices.ratePerSec!).toBeGreaterThan(want * 0.97);
  });

  it('with the real engine: an M/M/1 design and its one-server monolith have the same capacity near theory; a sweep brackets it', async () => {
    const opts = { durationSec: 60, seed: 3 };
    const evaluate = async (rate: number) => runPoint(doc, { ...opts, ratePerSec: rate });
    const r = await findCapacity(doc, evaluate);
    const theory = 100 - Math.log(100) / 0.25;
    expect(r.microservices.ratePerSec!).toBeGreaterThan(theory * 0.9);
    expect(r.microservices.ratePerSec!).toBeLessThan(theory * 1.1);
    expect(r.ratio).toBe(1);
    expect(meetsSlo((await evaluate(r.microservices.ratePerSec!)).microservices, doc.slo)).toBe(true);
    expect(meetsSlo((await evaluate(r.microservices.failsAtPerSec!)).microservices, doc.slo)).toBe(false);
    const swept = sweep(doc, { steps: 6 }, opts).points;
    const fromSweep = await findCapacity(doc, evaluate, { sweep: swept });
    expect(fromSweep.microservices.ratePerSec!).toBeGreaterThan(theory * 0.9);
    expect(fromSweep.microservices.ratePerSec!).toBeLessThan(theory * 1.1);
  });
});
