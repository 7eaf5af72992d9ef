import { describe, expect, it } from 'vitest';
import { kvBytesPerToken } from '../../../workers/engine/llm/kvCache';
import { LLM_PRESETS } from '../../../workers/engine/llm/presets';
import { LlmServerSchema } from '../../../workers/engine/llm/schema';
import { replicaKvTokensOf } from '../../../workers/engine/llm/semantics';
import { findHardware } from '../../../workers/engine/hardware';
import { applyPreset } from './LlmFields';
import { parseSizes } from './TritonFields';

const base = LlmServerSchema.parse({ alphaMs: 10, betaMs: 0.1, kvCacheTokens: 5000 });
const gpu = (gb: number) => ({ id: 'x', label: 'x', cpuCores: 4, gpus: 1, gpuMemoryGb: gb, costPerHour: 1 });
const cpu = findHardware({ hardware: [] }, 'c7i.large');

describe('llm-server inspector', () => {
  it('a preset fills α, β and the model shape, and the KV cache then follows the GPU memory (docs/design/issue-13.md table)', () => {
    const l4 = applyPreset(base, 'llama-3-8b@l4-24gb');
    expect(l4).toMatchObject({ preset: 'llama-3-8b@l4-24gb', kvCacheTokens: null, model: { layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2 } });
    // 53.533 ms and 0.26545 ms/token: 5 significant digits of the roofline values.
    expect(l4.alphaMs).toBeCloseTo(53.533, 3);
    expect(l4.betaMs).toBeCloseTo(0.26545, 5);
    expect(LlmServerSchema.safeParse(l4).success).toBe(true);
    // Llama-3-8B: 2 × 32 × 8 × 128 × 2 = 131 072 B per token; (24 × 0.9 − 14.958) GiB / 128 KiB ≈ 54 419 tokens.
    expect(kvBytesPerToken(l4.model!)).toBe(131_072);
    expect(Math.abs(replicaKvTokensOf(l4, findHardware({ hardware: [] }, 'g6.xlarge'))! - 54_419)).toBeLessThanOrEqual(2);
    // Llama-2-7B fp16 on an 80 GiB A100 at 0.9: 121 744 tokens (0.5 MiB per token).
    expect(Math.abs(replicaKvTokensOf(applyPreset(base, 'llama-2-7b@a100-80gb'), gpu(80))! - 121_744)).toBeLessThanOrEqual(2);
  });

  it('every preset is marked as an assumption with a source', () => {
    for (const p of LLM_PRESETS) {
      expect(p.assumption).toBe(true);
      expect(p.source).toMatch(/roofline/);
    }
  });

  it('without a GPU machine a preset’s model uses the preset’s GPU; a token count is used as given', () => {
    const l4 = applyPreset(base, 'llama-3-8b@l4-24gb');
    expect(replicaKvTokensOf(l4, cpu)).toBe(replicaKvTokensOf(l4, gpu(24)));
    expect(replicaKvTokensOf({ ...l4, preset: null }, cpu)).toBeNull();
    expect(replicaKvTokensOf(base, null)).toBe(5000);
    // Weights larger than the usable memory leave no cache.
    expect(replicaKvTokensOf(applyPreset(base, 'llama-3-8b@h100-sxm-80gb'), gpu(16))).toBe(0);
  });

  it('an unknown preset id clears the preset and keeps the numbers', () => {
    expect(applyPreset(base, 'nope')).toEqual({ ...base, preset: null });
  });

  it('reads preferred batch sizes as whole numbers, or refuses the text', () => {
    expect(parseSizes('4, 8;16 32')).toEqual([4, 8, 16, 32]);
    expect(parseSizes('')).toEqual([]);
    expect(parseSizes('4, eight')).toBeNull();
    expect(parseSizes('2.5')).toBeNull();
  });
});
