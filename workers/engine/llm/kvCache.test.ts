/** KV-cache arithmetic and the presets' derived numbers, by hand. */
import { describe, expect, it } from 'vitest';
import { GIB, kvBlocks, kvBytesPerToken, kvCapacityTokens } from './kvCache';
import { ASSUMED_MFU, GPUS, LLM_MODELS, LLM_PRESETS } from './presets';

const llama2 = LLM_MODELS.find((m) => m.id === 'llama-2-7b')!;
const llama3 = LLM_MODELS.find((m) => m.id === 'llama-3-8b')!;

describe('KV bytes per token = 2 × layers × kvHeads × headDim × bytes', () => {
  it('Llama-2-7B fp16 (32 layers, 32 KV heads, head dim 128): 2·32·32·128·2 = 524 288 B = 0.5 MiB', () => {
    expect(kvBytesPerToken(llama2)).toBe(524_288);
    expect(kvBytesPerToken(llama2) / 2 ** 20).toBe(0.5);
  });

  it('Llama-3-8B bf16 with grouped-query attention (8 KV heads): 2·32·8·128·2 = 131 072 B = 128 KiB', () => {
    expect(kvBytesPerToken(llama3)).toBe(131_072);
  });
});

describe('KV capacity = (GPU memory × utilisation − weights) / bytes per token', () => {
  it('Llama-2-7B on an A100-80GB at vLLM’s default utilisation 0.9', () => {
    // Weights 6.74e9 × 2 B = 13.48e9 B = 12.554 GiB; 80 × 0.9 = 72 GiB; (72 − 12.554) GiB / 0.5 MiB = 121 744.94 → 121 744 tokens.
    const tokens = kvCapacityTokens(80, 0.9, llama2);
    expect(llama2.weightsGiB).toBeCloseTo(12.554, 3);
    expect(tokens).toBe(Math.floor(((72 - 13.48e9 / GIB) * GIB) / 524_288));
    expect(tokens).toBe(121_744);
    expect(kvBlocks(tokens, 16)).toBe(7609);
  });

  it('is 0, not negative, when the weights do not fit', () => {
    expect(kvCapacityTokens(24, 0.5, llama3)).toBe(0); // 12 GiB < 14.96 GiB of weights
  });

  it('grows with utilisation and memory, shrinks with KV heads (monotone)', () => {
    expect(kvCapacityTokens(80, 0.95, llama2)).toBeGreaterThan(kvCapacityTokens(80, 0.9, llama2));
    expect(kvCapacityTokens(80, 0.9, llama3)).toBeGreaterThan(kvCapacityTokens(80, 0.9, llama2));
  });
});

describe('presets: roofline-derived assumptions', () => {
  it('Llama-2-7B on A100-80GB: α = 13.48 GB / 2039 GB/s = 6.611 ms, β = 2·6.74e9 / (312e12 × 0.5) = 0.0864 ms', () => {
    const p = LLM_PRESETS.find((x) => x.id === 'llama-2-7b@a100-80gb')!;
    expect(p.alphaMs).toBeCloseTo((13.48e9 / 2039e9) * 1000, 9);
    expect(p.alphaMs).toBeCloseTo(6.611, 3);
    expect(p.betaMs).toBeCloseTo(((2 * 6.74e9) / (312e12 * ASSUMED_MFU)) * 1000, 12);
    expect(p.betaMs).toBeCloseTo(0.0864, 4);
    expect(p.assumption).toBe(true);
  });

  it('every preset is marked as an assumption, cites its source, and its weights fit its GPU', () => {
    expect(LLM_PRESETS.length).toBeGreaterThanOrEqual(3);
    for (const p of LLM_PRESETS) {
      expect(p.assumption).toBe(true);
      expect(p.source).toMatch(/kipp\.ly/);
      expect(kvCapacityTokens(p.gpu.memoryGiB, 0.9, p.model)).toBeGreaterThan(0);
    }
    expect(GPUS.map((g) => g.id)).toEqual(['a100-80gb', 'h100-sxm-80gb', 'l4-24gb']);
  });
});
