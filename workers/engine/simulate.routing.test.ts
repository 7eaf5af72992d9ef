/**
 * Exclusive routing (`routing: one`), call stages and batch cost tables,
 * through the engine, against queueing theory (formula and source beside
 * each case) and against the analytic model.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { tableBatchMs } from './batchCost';
import { simulateDesign } from './run';
import { lengthFor, testDoc2 } from './testing/docs';
import { nelsonTantawi2Ms } from './testing/queueingTheory';

const exp = (meanMs: number) => ({ dist: 'exponential', meanMs });
/** M/M/1 mean response, ms: 1/(μ − λ) (Kleinrock Vol. 1 §3.2); λ in req/s, mean service in ms. */
const mm1 = (ratePerSec: number, meanMs: number) => 1 / (1 / meanMs - ratePerSec / 1000);

describe('routing: one', () => {
  // A → (B with weight 3 | C with weight 1) → D, all single exponential servers, servers released before
  // calls: a feed-forward Jackson network (Jackson 1957; Kleinrock Vol. 1 §4.8). Visits: A 1, B 3/4, C 1/4,
  // D 1; the mean response is Σ visits_i / (μ_i − λ_i).
  const rate = 200;
  const doc = testDoc2({
    nodes: [
      { id: 'a', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(2), routing: 'one' },
      { id: 'b', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(4) },
      { id: 'c', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(8) },
      { id: 'd', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(3) },
    ],
    edges: [
      { id: 'ab', source: 'a', target: 'b', probability: 0.75, networkMs: 0 },
      { id: 'ac', source: 'a', target: 'c', probability: 0.25, networkMs: 0 },
      { id: 'bd', source: 'b', target: 'd', networkMs: 0 },
      { id: 'cd', source: 'c', target: 'd', networkMs: 0 },
    ],
    workload: { entry: 'a', ratePerSec: rate },
  });
  const theory = mm1(rate, 2) + 0.75 * mm1(0.75 * rate, 4) + 0.25 * mm1(0.25 * rate, 8) + mm1(rate, 3);

  it('A → (B or C) → D matches the Jackson network (simulation and analytic model)', () => {
    const r = simulateDesign(doc, lengthFor(200_000, rate, 8));
    const e = r.endToEnd;
    expect(Math.abs(e.meanMs / theory - 1), `mean ${e.meanMs} vs ${theory}`).toBeLessThan(0.02);
    expect(Math.abs(e.meanMs - theory)).toBeLessThanOrEqual(e.ci95?.meanMs ?? 0);
    const at = (id: string) => r.nodes.find((n) => n.id === id)!.arrivalRatePerSec;
    expect(at('b') / rate).toBeCloseTo(0.75, 1);
    expect(at('c') / rate).toBeCloseTo(0.25, 1);
    expect(at('d') / rate).toBeCloseTo(1, 2);
    const a = analyze(doc);
    expect(a.meanMs!).toBeCloseTo(theory, 9);
    expect(a.nodes.find((n) => n.id === 'b')!.arrivalRatePerSec).toBeCloseTo(150, 9);
  });

  it('weights need not sum to 1, and exactly one call is made per visit (b and c never both)', () => {
    const heavy = testDoc2({
      nodes: [
        { id: 'a', kind: 'service', serviceTime: exp(1), routing: 'one' },
        { id: 'b', kind: 'service', serviceTime: exp(1) },
        { id: 'c', kind: 'service', serviceTime: exp(1) },
      ],
      edges: [
        { id: 'ab', source: 'a', target: 'b', probability: 1 },
        { id: 'ac', source: 'a', target: 'c', probability: 1 },
      ],
      workload: { entry: 'a', ratePerSec: 100 },
    });
    const r = simulateDesign(heavy, { durationSec: 200, warmupSec: 0, replications: 1, seed: 5 });
    const b = r.nodes[1].arrivalRatePerSec;
    const c = r.nodes[2].arrivalRatePerSec;
    expect(b + c).toBeCloseTo(r.nodes[0].arrivalRatePerSec, 6);
    expect(b / (b + c)).toBeGreaterThan(0.47);
    expect(b / (b + c)).toBeLessThan(0.53);
  });
});

describe('call stages', () => {
  // A calls B and C in stage 0 (fork–join) and D in stage 1. B and C: identical M/M/1 at ρ, fed by the same
  // fork: Nelson & Tantawi (1985) give the exact mean of the join for K = 2, (12 − ρ)/8 · R₁. The stages add.
  const rate = 50;
  const doc = testDoc2({
    nodes: [
      { id: 'a', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(4) },
      { id: 'b', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(10) },
      { id: 'c', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(10) },
      { id: 'd', kind: 'service', replicas: 1, concurrency: 1, serviceTime: exp(6) },
    ],
    edges: [
      { id: 'ad', source: 'a', target: 'd', stage: 1, networkMs: 0 },
      { id: 'ab', source: 'a', target: 'b', stage: 0, networkMs: 0 },
      { id: 'ac', source: 'a', target: 'c', stage: 0, networkMs: 0 },
    ],
    workload: { entry: 'a', ratePerSec: rate },
  });
  const theory = mm1(rate, 4) + nelsonTantawi2Ms(rate / 1000, 1 / 10) + mm1(rate, 6);

  it('calls in one stage fork and join; stages run one after another and their means add', () => {
    const e = simulateDesign(doc, lengthFor(200_000, rate, 8)).endToEnd;
    expect(Math.abs(e.meanMs / theory - 1), `mean ${e.meanMs} vs ${theory}`).toBeLessThan(0.02);
    expect(analyze(doc).meanMs!).toBeCloseTo(theory, 6);
  });

  it('all in one stage is callMode parallel; each its own stage is callMode sequential (same results, same random numbers)', () => {
    const base = { nodes: doc.nodes, workload: doc.workload };
    const edges = (stage: (k: number) => number | null, callMode: string) => ({
      ...base,
      nodes: doc.nodes.map((n, k) => (k === 0 ? { ...n, callMode } : n)),
      edges: doc.edges.map((e, k) => ({ ...e, stage: stage(k) })),
    });
    const opts = { durationSec: 30, warmupSec: 1, replications: 1, seed: 11 };
    const run = (spec: Record<string, unknown>) => JSON.stringify(simulateDesign(testDoc2(spec), opts).endToEnd);
    expect(run(edges(() => 0, 'sequential'))).toBe(run(edges(() => null, 'parallel')));
    expect(run(edges((k) => k, 'parallel'))).toBe(run(edges(() => null, 'sequential')));
  });
});

describe('batch cost and the saturation rate', () => {
  const table = [
    { size: 1, ms: 10 },
    { size: 8, ms: 30 },
    { size: 16, ms: 50 },
  ];
  it('the table is linear between its points, flat below the first, proportional above the last', () => {
    expect(tableBatchMs(table, 4)).toBeCloseTo(10 + (20 * 3) / 7, 12);
    expect(tableBatchMs([{ size: 4, ms: 20 }], 2)).toBe(20);
    expect(tableBatchMs(table, 32)).toBe(100);
  });

  for (const cost of [{ table }, { alpha: 0.1 }]) {
    it(`the analytic saturation rate servers × b / T(b) at b = maxBatch is within 5% of the simulated knee (${'table' in cost ? 'table' : 'alpha 0.1'})`, () => {
      const spec = (ratePerSec: number) =>
        testDoc2({
          nodes: [
            {
              id: 'm',
              kind: 'model-server',
              replicas: 2,
              concurrency: 1,
              balancer: 'round-robin',
              serviceTime: { dist: 'gamma', meanMs: 10, cv: 0.3 },
              batching: { maxBatch: 16, maxWaitMs: 5, cost },
            },
          ],
          workload: { entry: 'm', ratePerSec },
        });
      // T(16) = 50 ms (table) or 10 × (1 + 0.1 × 15) = 25 ms (alpha): 2 × 16 / T(16).
      const knee = 'table' in cost ? (2 * 16) / 0.05 : (2 * 16) / 0.025;
      const a = analyze(spec(100));
      expect(a.saturationRatePerSec!).toBeCloseTo(knee, 6);
      // Offered far past the knee, the servers run full batches back to back: throughput = the knee. No
      // warm-up: requests that arrived during one would be served in the measured interval but not counted.
      const r = simulateDesign(spec(knee * 1.6), { durationSec: 60, warmupSec: 0, replications: 1, seed: 4 });
      expect(Math.abs(r.endToEnd.throughputPerSec / a.saturationRatePerSec! - 1)).toBeLessThan(0.05);
      // Below the knee it keeps up.
      const below = simulateDesign(spec(knee * 0.8), { durationSec: 60, warmupSec: 10, replications: 1, seed: 4 });
      expect(below.saturated).toBe(false);
    });
  }
});
