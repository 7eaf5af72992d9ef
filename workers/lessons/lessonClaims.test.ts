/**
 * Every number a shipped lesson's narrative quotes, checked with the engine
 * on the step's own document and locked seed (the run the studio makes).
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../engine/run';
import type { RunResult } from '../engine/results';
import { type LessonStep, loadLesson } from './index';

/** The step's run as the studio makes it (a single run keeps the document's load profile). */
function run(step: LessonStep, ratePerSec?: number): RunResult {
  const rate = ratePerSec ?? (step.run.kind === 'single' ? step.run.ratePerSec : step.run.fromPerSec);
  return runPoint(step.doc, { ratePerSec: rate, profile: step.doc.workload.profile });
}
const node = (r: RunResult, id: string, design: 'microservices' | 'monolith' = 'microservices') => r[design].nodes.find((n) => n.id === id)!;
const between = (x: number, lo: number, hi: number) => {
  expect(x).toBeGreaterThanOrEqual(lo);
  expect(x).toBeLessThanOrEqual(hi);
};

describe('lesson claims, checked with the engine', () => {
  it("Little's law: 20 ms at 50%, ≈53 ms at 80% (L = λW holds on the simulated numbers), ≈70 ms through the line", () => {
    const l = loadLesson('littles-law');
    const a = run(l.steps[0]);
    between(node(a, 'server').meanTimeInNodeMs, 18, 22.5);
    expect(a.analytic.microservices.meanMs).toBeCloseTo(20, 9);
    const b = node(run(l.steps[1]), 'server');
    between(b.meanTimeInNodeMs, 50, 56);
    expect((b.arrivalRatePerSec * b.meanWaitMs) / 1000).toBeCloseTo(b.meanQueueLength, 1);
    const c = run(l.steps[2]);
    expect(c.analytic.microservices.meanMs).toBeCloseTo(65, 9);
    between(c.microservices.endToEnd.meanMs, 66, 74);
  });

  it('the knee: 100 ms at 90%, 200 ms predicted at 95%, and constant service halves the wait', () => {
    const l = loadLesson('knee-of-the-curve');
    between(run(l.steps[0], 95).analytic.microservices.meanMs!, 199.99, 200.01);
    between(run(l.steps[1]).microservices.endToEnd.meanMs, 100, 120);
    const d = run(l.steps[2]);
    expect(d.analytic.microservices.nodes[0].meanWaitMs).toBeCloseTo(20, 9);
    between(d.microservices.endToEnd.meanMs, 28, 32);
  });

  it('pooling: ≈105 ms apart, ≈58 ms shared (P_wait 71%), ≈24 ms with ten servers', () => {
    const l = loadLesson('pooling');
    between(run(l.steps[0]).microservices.endToEnd.meanMs, 100, 110);
    const two = run(l.steps[1]);
    between(two.analytic.microservices.meanMs!, 55.5, 56);
    between(two.microservices.endToEnd.meanMs, 54, 61);
    between(run(l.steps[2]).microservices.endToEnd.meanMs, 23, 26);
  });

  it('monolith vs microservices: the monolith ≈ 5 ms faster at every load, both saturating at the ranker (533 req/s)', () => {
    const l = loadLesson('monolith-vs-microservices');
    const low = run(l.steps[0]);
    between(low.monolith.endToEnd.meanMs, 32, 34.5);
    between(low.microservices.endToEnd.meanMs, 37, 39.5);
    const s = l.steps[1];
    expect(s.run.kind).toBe('sweep');
    const at400 = run(s, 400);
    between(at400.microservices.endToEnd.meanMs - at400.monolith.endToEnd.meanMs, 4, 6);
    between(at400.analytic.monolith.saturationRatePerSec!, 533, 534);
    between(at400.analytic.microservices.saturationRatePerSec!, 533, 534);
    expect(at400.analytic.monolith.bottleneck).toBe('ranker');
    const high = run(l.steps[2]);
    between(high.microservices.endToEnd.p99Ms, 62, 78);
    between(high.microservices.endToEnd.p99Ms - high.monolith.endToEnd.p99Ms, 2, 8);
    between(node(high, 'ranker').utilization, 0.82, 0.88);
    between(node(high, 'ranker', 'monolith').utilization, 0.82, 0.88);
  });

  it('tail at scale: one backend p99 ≈ 92 ms; eight in parallel: mean ≈ 52 ms, p99 ≈ 140 ms', () => {
    const l = loadLesson('tail-at-scale');
    const one = run(l.steps[0]);
    between(one.microservices.endToEnd.p99Ms, 85, 100);
    between(one.microservices.endToEnd.meanMs, 19, 23);
    const eight = run(l.steps[1]);
    between(eight.microservices.endToEnd.meanMs, 48, 56);
    between(eight.microservices.endToEnd.p99Ms, 130, 150);
    for (let k = 1; k <= 8; k++) between(node(eight, `backend${k}`).utilization, 0.47, 0.54);
  });

  it('retry storm: the blip drains without retries; with a 100 ms timeout and 2 retries nothing succeeds after it', () => {
    const l = loadLesson('retry-storm');
    const healthy = run(l.steps[0]).microservices.endToEnd;
    expect(healthy.errors).toBe(0);
    between(healthy.p99Ms, 55, 68);
    const blip = run(l.steps[1]).microservices;
    expect(blip.endToEnd.errors).toBe(0);
    const ts = blip.timeSeries;
    const peak = Math.max(...ts.p99Ms.filter((x) => Number.isFinite(x)));
    between(peak, 800, 1100);
    const after = [...ts.startSec.keys()].filter((w) => ts.startSec[w] >= 27);
    for (const w of after) between(ts.throughputPerSec[w], 220, 380);
    const safe = run(l.steps[2]).microservices.endToEnd;
    expect(safe.errors).toBe(0);
    const storm = run(l.steps[3]).microservices;
    const sts = storm.timeSeries;
    for (const w of [...sts.startSec.keys()].filter((k) => sts.startSec[k] >= 24)) {
      expect(sts.throughputPerSec[w]).toBe(0);
      expect(sts.errors[w]).toBeGreaterThan(0);
    }
    for (const w of [...sts.startSec.keys()].filter((k) => sts.startSec[k] + sts.windowSec <= 20)) expect(sts.errors[w]).toBe(0);
  });
});
