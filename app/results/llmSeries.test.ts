import { describe, expect, it } from 'vitest';
import type { LlmMetricsResult } from '../../workers/engine/llm/llmMetrics';
import type { RunResult } from '../../workers/engine/results';
import { hasLlm } from '../../workers/report/llmResults';
import { llmKey, llmRows, llmYCap } from './llmSeries';

const summary = (p50: number, p95: number, p99: number) => ({ p50, p95, p99, mean: p50 });
const llm = (ttft: number, tpot: number): LlmMetricsResult => ({
  completed: 100,
  ttftMs: summary(ttft, ttft * 2, ttft * 3),
  tpotMs: summary(tpot, tpot * 1.5, Number.NaN),
  e2eMs: summary(1000, 2000, 3000),
  tokensPerSec: 900,
  goodputPerSec: 3,
  goodFraction: 0.75,
  preemptions: 4,
  kvOccupancyMean: 0.5,
  refused: 0,
});
const point = (rate: number, micro: LlmMetricsResult | null, mono: LlmMetricsResult | null) =>
  ({ ratePerSec: rate, microservices: { llm: micro }, monolith: { llm: mono } }) as unknown as RunResult;

describe('LLM rows', () => {
  it('one row per load with each design’s TTFT/TPOT percentiles; NaN and a missing design become null', () => {
    const rows = llmRows([point(2, llm(100, 40), llm(150, 50)), point(4, llm(300, 45), null)]);
    expect(rows.map((r) => r.ratePerSec)).toEqual([2, 4]);
    expect(rows[0][llmKey('microservices', 'ttftMs', 'p99')]).toBe(300);
    expect(rows[0][llmKey('monolith', 'tpotMs', 'p95')]).toBe(75);
    expect(rows[0][llmKey('microservices', 'tpotMs', 'p99')]).toBeNull();
    expect(rows[1][llmKey('monolith', 'ttftMs', 'p50')]).toBeNull();
    expect(rows[0].microservices_goodFraction).toBe(0.75);
    expect(rows[1].monolith_tokensPerSec).toBeNull();
  });

  it('shows the LLM view only for runs with LLM figures', () => {
    expect(hasLlm([point(1, null, null)])).toBe(false);
    expect(hasLlm([point(1, null, llm(1, 1))])).toBe(true);
  });

  it('scales the y axis to the shown percentiles and leaves room above the SLO', () => {
    const rows = llmRows([point(2, llm(100, 40), llm(150, 50))]);
    // Highest p99 TTFT is 450 ms (monolith) → 450 × 1.15 = 517.5 → 2 significant digits.
    expect(llmYCap(rows, 'ttftMs', ['p50', 'p95', 'p99'], null)).toBe(520);
    expect(llmYCap(rows, 'ttftMs', ['p50'], 1000)).toBe(1500);
  });
});
