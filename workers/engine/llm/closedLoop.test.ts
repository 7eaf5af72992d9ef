/**
 * Saturated throughput of the replica in a closed loop against the analytic ceiling, the
 * metrics it produces, and determinism under a seeded Rng.
 */
import { describe, expect, it } from 'vitest';
import { llmGuidance } from './analytic';
import { runClosedLoop } from './closedLoop';
import { kvCapacityTokens } from './kvCache';
import { type LlmReplicaSpec, MODE_BOTH } from './llmReplica';
import { LlmMetrics } from './llmMetrics';
import { LLM_PRESETS } from './presets';
import { compileTokenDist } from './tokenDraws';

const preset = LLM_PRESETS.find((p) => p.id === 'llama-2-7b@a100-80gb')!;
const spec = (over: Partial<LlmReplicaSpec> = {}): LlmReplicaSpec => ({
  alphaMs: preset.alphaMs,
  betaMs: preset.betaMs,
  stepTable: null,
  maxNumSeqs: 256,
  maxNumBatchedTokens: 8192,
  kvCacheTokens: 100_000_000,
  blockSizeTokens: 16,
  chunkedPrefill: true,
  mode: MODE_BOTH,
  emitTokenEvents: false,
  ...over,
});
const in16 = compileTokenDist({ dist: 'deterministic', mean: 16 });
const outLong = compileTokenDist({ dist: 'lognormal', mean: 2048, cv: 0.5 });

describe('saturated decode throughput = maxNumSeqs / step(maxNumSeqs)', () => {
  it('256 closed-loop clients with short prompts and long outputs reach the ceiling within 2% (and never above it)', () => {
    const s = spec();
    const g = llmGuidance({ ...s, meanInTokens: 16, meanOutTokens: 2048 });
    expect(g.concurrency).toBe(256);
    // Ceiling: 256 / (α + 256 β) per ms = 256 / (6.611 + 22.12) ms ≈ 8 910 tokens/s.
    expect(g.decodeTokensPerSec).toBeCloseTo((256 * 1000) / (preset.alphaMs + 256 * preset.betaMs), 9);
    const res = runClosedLoop(s, 256, in16, outLong, 42, 3000, 20000);
    const ratio = res.tokensPerSec / g.decodeTokensPerSec;
    expect(ratio).toBeGreaterThan(0.98);
    expect(ratio).toBeLessThanOrEqual(1);
    // The prompts joining decode steps explain the shortfall: the mixed ceiling is within 0.5%.
    expect(Math.abs(res.tokensPerSec / g.mixedTokensPerSec - 1)).toBeLessThan(0.005);
  });

  it('the same seed gives the same run; another seed another run', () => {
    const a = runClosedLoop(spec(), 64, in16, outLong, 7, 200, 2000);
    const b = runClosedLoop(spec(), 64, in16, outLong, 7, 200, 2000);
    const c = runClosedLoop(spec(), 64, in16, outLong, 8, 200, 2000);
    expect(b).toEqual(a);
    expect(c.outputTokens === a.outputTokens && c.windowMs === a.windowMs).toBe(false);
  });
});

describe('a KV-constrained replica in a closed loop', () => {
  it('Llama-2-7B steps with a 4 000-token cache: the KV cache, not maxNumSeqs, limits the batch; preemptions occur; nothing is lost', () => {
    // 4 000 tokens of cache (250 blocks) for 64 clients of 200 + ~400 tokens: far too few.
    const s = spec({ kvCacheTokens: 4000, maxNumSeqs: 64 });
    const inD = compileTokenDist({ dist: 'gamma', mean: 200, cv: 0.5 });
    const outD = compileTokenDist({ dist: 'gamma', mean: 400, cv: 0.5 });
    const g = llmGuidance({ ...s, meanInTokens: 200, meanOutTokens: 400 });
    expect(g.kvConcurrentSeqs).toBe(Math.floor(250 / Math.ceil(599 / 16))); // 250 / 38 = 6
    expect(g.notCovered.some((n) => n.includes('The KV cache, not maxNumSeqs'))).toBe(true);
    const metrics = new LlmMetrics({ ttftMs: null, tpotMs: null });
    const res = runClosedLoop(s, 64, inD, outD, 3, 500, 5000, metrics);
    expect(res.preemptions).toBeGreaterThan(0);
    expect(res.admitted).toBe(res.finished + res.running + res.waiting);
    expect(res.running + res.waiting).toBe(64); // every client has exactly one request in the replica
    const m = metrics.result(res.windowMs);
    expect(m.preemptions).toBe(res.preemptions);
    expect(m.kvOccupancyMean).toBeGreaterThan(0.5);
    expect(m.kvOccupancyMean).toBeLessThanOrEqual(1);
    expect(m.tokensPerSec).toBeLessThanOrEqual(res.tokensPerSec * 1.001); // tokens of finished requests only
  });

  it('the capacity formula feeds the replica: Llama-2-7B on A100-80GB holds 121 744 tokens = 7 609 blocks of 16', () => {
    const tokens = kvCapacityTokens(preset.gpu.memoryGiB, 0.9, preset.model);
    const g = llmGuidance({ ...spec({ kvCacheTokens: tokens }), meanInTokens: 512, meanOutTokens: 256 });
    expect(g.kvCapacityTokens).toBe(7609 * 16);
    expect(g.kvConcurrentSeqs).toBe(Math.floor(7609 / Math.ceil(767 / 16))); // 7609 / 48 = 158
    expect(g.concurrency).toBe(158);
  });
});
