import { describe, expect, it } from 'vitest';
import type { DesignResult } from '../../workers/engine/results';
import { runPoint } from '../../workers/engine/run';
import { loadTemplate } from '../../workers/templates';
import { meetsSlo, searchCapacity, sloValueMs } from './capacity';
import { bracket } from './runController';

/** A fake design whose latency passes the SLO exactly below `true` req/s. */
const step = (truth: number) => async (rate: number) => ({ ok: rate <= truth, result: rate });

describe('searchCapacity', () => {
  it('finds a threshold within the tolerance from a bracket, never reporting a failing rate', async () => {
    const r = await searchCapacity(step(437), { lowPerSec: 300, highPerSec: 600, relTolerance: 0.01 });
    expect(r.capacityPerSec).toBeLessThanOrEqual(437);
    expect(r.capacityPerSec).toBeGreaterThan(437 * 0.99);
    expect(r.failsAtPerSec!).toBeGreaterThan(437);
    expect(r.failsAtPerSec! - r.capacityPerSec).toBeLessThanOrEqual(0.01 * r.failsAtPerSec!);
    expect(r.atCapacity?.result).toBe(r.capacityPerSec);
  });

  it('reports the known low end (a sweep point) when every rate tried above it fails', async () => {
    const r = await searchCapacity(step(400), { lowPerSec: 400, lowResult: 400, highPerSec: 450, relTolerance: 0.001, maxEvaluations: 5 });
    expect(r.evaluations.every((e) => !e.ok)).toBe(true);
    expect(r.capacityPerSec).toBe(400);
    expect(r.atCapacity?.result).toBe(400);
  });

  it('raises the upper end while it still passes', async () => {
    const r = await searchCapacity(step(5000), { lowPerSec: 0, highPerSec: 100, relTolerance: 0.02 });
    expect(r.evaluations.slice(0, 7).map((e) => e.ratePerSec)).toEqual([100, 200, 400, 800, 1600, 3200, 6400]);
    expect(r.capacityPerSec).toBeGreaterThan(4900);
    expect(r.capacityPerSec).toBeLessThanOrEqual(5000);
  });

  it('says 0 when nothing passes, and respects the evaluation budget', async () => {
    const r = await searchCapacity(step(-1), { lowPerSec: 0, highPerSec: 100, maxEvaluations: 6 });
    expect(r.capacityPerSec).toBe(0);
    expect(r.atCapacity).toBeNull();
    expect(r.evaluations).toHaveLength(6);
    expect(r.failsAtPerSec).toBeCloseTo(100 / 32);
  });

  it('stops at the rate ceiling', async () => {
    const r = await searchCapacity(step(1e9), { lowPerSec: 0, highPerSec: 300, maxRatePerSec: 1000 });
    expect(r.capacityPerSec).toBe(1000);
    expect(r.failsAtPerSec).toBeNull();
  });
});

describe('meetsSlo on real engine results', () => {
  const doc = loadTemplate('retrieve-rank-rerank');
  const low = runPoint(doc, { ratePerSec: 50, durationSec: 3, warmupSec: 0.5, seed: 3 });
  const over = runPoint(doc, { ratePerSec: 2000, durationSec: 3, warmupSec: 0.5, seed: 3 });

  it('reads the SLO percentile and compares it with the threshold', () => {
    const d: DesignResult = low.microservices;
    const p99 = d.endToEnd.p99Ms;
    expect(sloValueMs(d, { percentile: 'p99', thresholdMs: 1 })).toBe(p99);
    expect(meetsSlo(d, { percentile: 'p99', thresholdMs: p99 })).toBe(true);
    expect(meetsSlo(d, { percentile: 'p99', thresholdMs: p99 * 0.999 })).toBe(false);
    expect(meetsSlo(d, { percentile: 'mean', thresholdMs: d.endToEnd.meanMs + 0.01 })).toBe(true);
  });

  it('a saturated design never meets the SLO, however loose', () => {
    expect(over.microservices.saturated).toBe(true);
    expect(meetsSlo(over.microservices, { percentile: 'p50', thresholdMs: 1e7 })).toBe(false);
  });

  it('brackets from a sweep: highest pass below the first failure', () => {
    const slo = { percentile: 'p99' as const, thresholdMs: low.microservices.endToEnd.p99Ms * 1.5 };
    const b = bracket(doc, 'microservices', [over, low], (r) => meetsSlo(r.microservices, slo));
    expect(b).toEqual({ low: 50, lowResult: low, high: 2000 });
    const none = bracket(doc, 'monolith', [], () => true);
    expect(none.low).toBe(0);
    expect(none.high).toBe(low.analytic.monolith.saturationRatePerSec);
  });
});
