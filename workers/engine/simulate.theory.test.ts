/**
 * The simulation against closed forms of queueing theory (formula and source
 * beside each case, in testing/queueingTheory.ts). Means within 2%, p99
 * within 3% (fork–join within 5% of Nelson–Tantawi), and the 95% confidence
 * interval from 10 replications covers the true mean. Fixed seeds: the runs
 * are deterministic.
 */
import { describe, expect, it } from 'vitest';
import type { EndToEndResult } from './results';
import { simulateDesign } from './run';
import { lengthFor, stationDoc, testDoc } from './testing/docs';
import {
  hypoexpTail,
  mmcMeanMs,
  mmcTail,
  nelsonTantawi2Ms,
  pkMeanMs,
  quantileOfTail,
} from './testing/queueingTheory';

function expectMean(e: EndToEndResult, theory: number, tol = 0.02): void {
  expect(Math.abs(e.meanMs / theory - 1), `mean ${e.meanMs} vs ${theory}`).toBeLessThan(tol);
  const half = e.ci95?.meanMs ?? 0;
  expect(Math.abs(e.meanMs - theory), `95% CI ±${half} must cover ${theory}`).toBeLessThanOrEqual(half);
}

function expectP99(e: EndToEndResult, theory: number, tol = 0.03): void {
  expect(Math.abs(e.p99Ms / theory - 1), `p99 ${e.p99Ms} vs ${theory}`).toBeLessThan(tol);
}

describe('M/M/1 (response time ~ Exp(μ − λ): mean 1/(μ−λ), p99 ln(100)/(μ−λ); Kleinrock Vol. 1 §3.2)', () => {
  for (const rho of [0.5, 0.8]) {
    it(`at ρ = ${rho}`, () => {
      const mu = 1 / 10;
      const lambda = rho * mu;
      const e = simulateDesign(stationDoc(1, { dist: 'exponential', meanMs: 10 }, lambda * 1000), lengthFor(rho < 0.6 ? 100_000 : 400_000, lambda * 1000, 10)).endToEnd;
      expectMean(e, 1 / (mu - lambda));
      expectP99(e, Math.log(100) / (mu - lambda));
    });
  }
});

describe('M/M/c (Erlang C; Kleinrock Vol. 1 §3.5, tail from Gross & Harris §2.3.2)', () => {
  it('c = 4 at ρ = 0.8', () => {
    const c = 4;
    const mu = 1 / 10;
    const lambda = 0.8 * c * mu;
    const e = simulateDesign(stationDoc(c, { dist: 'exponential', meanMs: 10 }, lambda * 1000), lengthFor(400_000, lambda * 1000, 10)).endToEnd;
    expectMean(e, mmcMeanMs(c, lambda, mu));
    expectP99(e, quantileOfTail((t) => mmcTail(c, lambda, mu, t), 0.99));
  });
  it('c = 16 at ρ = 0.8 (replicas × concurrency = 4 × 4)', () => {
    const doc = testDoc({
      nodes: [{ id: 's', kind: 'service', replicas: 4, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 20 } }],
      workload: { entry: 's', ratePerSec: 640 },
    });
    const e = simulateDesign(doc, lengthFor(300_000, 640, 10)).endToEnd;
    expectMean(e, mmcMeanMs(16, 0.64, 0.05));
    expectP99(e, quantileOfTail((t) => mmcTail(16, 0.64, 0.05, t), 0.99));
  });
});

describe('M/G/1 (Pollaczek–Khinchine mean E[T] = E[S] + ρE[S](1 + c_s²)/(2(1 − ρ)); Kleinrock Vol. 1 eq. 5.70)', () => {
  const cases = [
    { name: 'M/D/1 (c_s² = 0)', st: { dist: 'deterministic', meanMs: 10 }, scv: 0, rho: 0.8 },
    { name: 'gamma, cv 0.5', st: { dist: 'gamma', meanMs: 10, cv: 0.5 }, scv: 0.25, rho: 0.8 },
    { name: 'lognormal, cv 1', st: { dist: 'lognormal', meanMs: 10, cv: 1 }, scv: 1, rho: 0.7 },
    { name: 'uniform 5–15 ms (c_s² = 1/12)', st: { dist: 'uniform', minMs: 5, maxMs: 15 }, scv: 1 / 12, rho: 0.8 },
  ];
  for (const k of cases) {
    it(`${k.name} at ρ = ${k.rho}`, () => {
      const lambda = k.rho / 10;
      const e = simulateDesign(stationDoc(1, k.st, lambda * 1000), lengthFor(300_000, lambda * 1000, 10)).endToEnd;
      expectMean(e, pkMeanMs(lambda, 10, k.scv));
    });
  }
});

describe('networks', () => {
  it('tandem of three M/M/1 (Jackson/Burke: mean Σ 1/(μᵢ−λ); sojourns independent (Reich 1957), so the p99 is hypoexponential)', () => {
    const S = [5, 8, 6];
    const lambda = 0.1;
    const doc = testDoc({
      nodes: S.map((meanMs, i) => ({ id: `s${i}`, kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs } })),
      edges: [
        { id: 'a', source: 's0', target: 's1', networkMs: 0 },
        { id: 'b', source: 's1', target: 's2', networkMs: 0 },
      ],
      workload: { entry: 's0', ratePerSec: lambda * 1000 },
    });
    const rates = S.map((s) => 1 / s - lambda);
    const e = simulateDesign(doc, lengthFor(300_000, 100, 10)).endToEnd;
    expectMean(e, rates.reduce((a, r) => a + 1 / r, 0));
    expectP99(e, quantileOfTail((t) => hypoexpTail(rates, t), 0.99));
  });

  it('Jackson network: a cache (hit ratio h) in front of a database gets λ_db = (1 − h)λ and E[T] = T_cache + (1 − h)T_db', () => {
    const h = 0.6;
    const lambda = 0.25;
    const doc = testDoc({
      nodes: [
        { id: 'cache', kind: 'cache', replicas: 1, concurrency: 2, hitRatio: h, serviceTime: { dist: 'exponential', meanMs: 2 } },
        { id: 'db', kind: 'database', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 8 } },
      ],
      edges: [{ id: 'miss', source: 'cache', target: 'db', networkMs: 0 }],
      workload: { entry: 'cache', ratePerSec: lambda * 1000 },
    });
    const r = simulateDesign(doc, lengthFor(400_000, 250, 10));
    const lambdaDb = (1 - h) * lambda;
    expectMean(r.endToEnd, mmcMeanMs(2, lambda, 0.5) + (1 - h) * mmcMeanMs(1, lambdaDb, 1 / 8));
    const db = r.nodes.find((n) => n.id === 'db')!;
    expect(db.arrivalRatePerSec / (lambdaDb * 1000)).toBeCloseTo(1, 2);
    expect(db.utilization).toBeCloseTo(lambdaDb * 8, 2);
  });

  for (const rho of [0.5, 0.8]) {
    it(`fork–join of two M/M/1 at ρ = ${rho} (Nelson & Tantawi 1988: E[R₂] = (12 − ρ)/8 · 1/(μ − λ)), within 5%`, () => {
      const lambda = rho / 10;
      const doc = testDoc({
        nodes: [
          { id: 'fork', kind: 'gateway', replicas: 1, concurrency: 1000, callMode: 'parallel', serviceTime: { dist: 'deterministic', meanMs: 0 } },
          { id: 'a', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
          { id: 'b', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } },
        ],
        edges: [
          { id: 'fa', source: 'fork', target: 'a', networkMs: 0 },
          { id: 'fb', source: 'fork', target: 'b', networkMs: 0 },
        ],
        workload: { entry: 'fork', ratePerSec: lambda * 1000 },
      });
      const e = simulateDesign(doc, lengthFor(rho < 0.6 ? 100_000 : 300_000, lambda * 1000, 10)).endToEnd;
      const theory = nelsonTantawi2Ms(lambda, 0.1);
      expect(Math.abs(e.meanMs / theory - 1), `mean ${e.meanMs} vs ${theory}`).toBeLessThan(0.05);
      expect(Math.abs(e.meanMs - theory)).toBeLessThanOrEqual(e.ci95!.meanMs! + 0.02 * theory);
    });
  }
});
