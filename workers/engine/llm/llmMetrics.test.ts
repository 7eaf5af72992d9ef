/** Metrics as vLLM's serving benchmark defines them; token draws; the step-time table. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { LlmMetrics } from './llmMetrics';
import { stepMs, stepTable } from './stepTime';
import { compileTokenDist, drawTokens } from './tokenDraws';

describe('TTFT, TPOT, end-to-end, goodput (vllm/benchmarks/serve.py calculate_metrics)', () => {
  it('one request: TTFT = first − arrival, TPOT = (e2e − TTFT)/(out − 1), e2e = done − arrival', () => {
    const m = new LlmMetrics({ ttftMs: null, tpotMs: null });
    m.recordDone(100, 120, 160.4, 5); // the lone request of llmReplica.test: 20 ms prefill, 4 × 10.1 ms decodes
    const r = m.result(1000);
    // Histogram midpoints: within 1/256 relative of the value.
    expect(r.ttftMs.mean).toBeCloseTo(20, 12);
    expect(r.tpotMs.mean).toBeCloseTo(10.1, 12);
    expect(r.e2eMs.mean).toBeCloseTo(60.4, 12);
    expect(Math.abs(r.ttftMs.p50 / 20 - 1)).toBeLessThan(1 / 256);
    expect(Math.abs(r.tpotMs.p99 / 10.1 - 1)).toBeLessThan(1 / 256);
    expect(r.tokensPerSec).toBe(5); // 5 output tokens in 1 s
    expect(r.completed).toBe(1);
  });

  it('goodput counts requests meeting every SLO set; one output token counts as TPOT 0', () => {
    const m = new LlmMetrics({ ttftMs: 25, tpotMs: 10 });
    m.recordDone(0, 20, 60.4, 5); // TPOT 10.1 > 10: not good
    m.recordDone(0, 30, 40, 2); // TTFT 30 > 25: not good
    m.recordDone(0, 25, 35, 2); // TTFT 25, TPOT 10: both ≤ their SLO: good
    m.recordDone(0, 5, 5, 1); // one token: TPOT 0, no TPOT sample: good
    const r = m.result(2000);
    expect(r.goodFraction).toBe(0.5);
    expect(r.goodputPerSec).toBe(1); // 2 good in 2 s
    expect(r.tpotMs.mean).toBeCloseTo((10.1 + 10 + 10) / 3, 12);
  });

  it('KV occupancy is time-weighted over the window', () => {
    const m = new LlmMetrics({ ttftMs: null, tpotMs: null });
    m.recordStep(30, 1);
    m.recordStep(10, 0.5);
    expect(m.result(100).kvOccupancyMean).toBeCloseTo(0.35, 12); // (30·1 + 10·0.5) / 100
  });
});

describe('token counts from {dist, mean, cv}', () => {
  it('deterministic gives the mean; every draw is a whole number ≥ 1', () => {
    const rng = new Rng(1);
    expect(drawTokens(compileTokenDist({ dist: 'deterministic', mean: 300 }), rng)).toBe(300);
    const d = compileTokenDist({ dist: 'exponential', mean: 2 });
    for (let i = 0; i < 1000; i++) {
      const n = drawTokens(d, rng);
      expect(Number.isInteger(n) && n >= 1).toBe(true);
    }
  });

  it('lognormal and gamma draws have the asked mean within 2% (20 000 draws, cv 0.5: standard error 0.35%)', () => {
    for (const dist of ['lognormal', 'gamma'] as const) {
      const d = compileTokenDist({ dist, mean: 500, cv: 0.5 });
      const rng = new Rng(99);
      let sum = 0;
      for (let i = 0; i < 20000; i++) sum += drawTokens(d, rng);
      expect(Math.abs(sum / 20000 / 500 - 1)).toBeLessThan(0.02);
    }
  });

  it('same seed, same draws (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom('lognormal', 'gamma', 'exponential') as fc.Arbitrary<'lognormal'>, (seed, dist) => {
        const d = compileTokenDist({ dist, mean: 128, cv: 1.2 });
        const a = new Rng(seed);
        const b = new Rng(seed);
        for (let i = 0; i < 50; i++) expect(drawTokens(d, a)).toBe(drawTokens(d, b));
      }),
      { numRuns: 50 },
    );
  });

  it('bad input names the field', () => {
    expect(() => compileTokenDist({ dist: 'lognormal', mean: 100 })).toThrow(/tokens\.cv/);
    expect(() => compileTokenDist({ dist: 'gamma', mean: 0, cv: 1 })).toThrow(/tokens\.mean/);
  });
});

describe('step time', () => {
  it('affine: α + β × tokens', () => {
    expect(stepMs(6, 0.1, null, 256)).toBeCloseTo(31.6, 12);
  });

  it('table: linear between points, the first point’s time below it, the last slope beyond it', () => {
    const t = stepTable([
      { tokens: 1, ms: 10 },
      { tokens: 256, ms: 30 },
      { tokens: 2048, ms: 200 },
    ]);
    expect(stepMs(0, 0, t, 1)).toBe(10);
    expect(stepMs(0, 0, t, 128.5)).toBeCloseTo(20, 12); // halfway between 1 and 256
    expect(stepMs(0, 0, t, 1152)).toBeCloseTo(115, 12); // halfway between 256 and 2048
    expect(stepMs(0, 0, t, 3840)).toBeCloseTo(370, 12); // 2048 + 1792 at (170 / 1792) ms per token
    expect(stepMs(0, 0, stepTable([{ tokens: 100, ms: 20 }]), 300)).toBe(60);
    expect(() => stepTable([{ tokens: 5, ms: 1 }, { tokens: 5, ms: 2 }])).toThrow(/stepTable\[1\]\.tokens/);
  });

  it('is nondecreasing in tokens for a nondecreasing table (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 2, maxLength: 30 }),
        (pts, gaps, xs) => {
          const tokens = [...pts].sort((a, b) => a - b);
          const t = stepTable(tokens.map((k, i) => ({ tokens: k, ms: 1 + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0) })));
          const sorted = [...xs].sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i++) expect(stepMs(0, 0, t, sorted[i])).toBeGreaterThanOrEqual(stepMs(0, 0, t, sorted[i - 1]) - 1e-9);
        },
      ),
    );
  });
});
