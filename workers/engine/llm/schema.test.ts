/** The proposed schema pieces: real systems' defaults, and errors that name the field. */
import { describe, expect, it } from 'vitest';
import { TritonBatchingSchema, tritonSpec } from '../batching/schema';
import { TIMEOUT_DELAY, TIMEOUT_REJECT } from '../batching/tritonBatcher';
import { LlmServerSchema, LlmServerSpecSchema, normalizeLlm, TokensSchema } from './schema';

describe('node.llm', () => {
  it('fills vLLM defaults: max_num_seqs 256, max_num_batched_tokens 2048, gpu_memory_utilization 0.9, chunked prefill on', () => {
    const l = LlmServerSchema.parse({ alphaMs: 6.6, betaMs: 0.086, kvCacheTokens: 100_000 });
    expect(l).toMatchObject({
      maxNumSeqs: 256,
      maxNumBatchedTokens: 2048,
      gpuMemoryUtilization: 0.9,
      blockSizeTokens: 16,
      chunkedPrefill: true,
      mode: 'both',
    });
  });

  it('names the field: exactly one of kvCacheTokens and model; a budget below maxNumSeqs', () => {
    const both = LlmServerSchema.safeParse({
      alphaMs: 1,
      betaMs: 0,
      kvCacheTokens: 1000,
      model: { layers: 32, kvHeads: 32, headDim: 128, bytesPerElement: 2, weightsGiB: 12.55 },
    });
    expect(both.success).toBe(false);
    expect(both.error!.issues[0].path).toEqual(['kvCacheTokens']);
    const budget = LlmServerSchema.safeParse({ alphaMs: 1, betaMs: 0, kvCacheTokens: 1000, maxNumSeqs: 512, maxNumBatchedTokens: 256 });
    expect(budget.error!.issues[0].path).toEqual(['maxNumBatchedTokens']);
  });
});

describe('node.llm presets', () => {
  it('a preset alone fills alphaMs, betaMs and the model shape; own numbers win', () => {
    const l = normalizeLlm(LlmServerSpecSchema.parse({ preset: 'llama-2-7b@a100-80gb' }));
    expect(l.alphaMs).toBeCloseTo(6.611, 3);
    expect(l.model).toMatchObject({ layers: 32, kvHeads: 32, headDim: 128, bytesPerElement: 2 });
    const own = normalizeLlm(LlmServerSpecSchema.parse({ preset: 'llama-2-7b@a100-80gb', alphaMs: 5, kvCacheTokens: 1000 }));
    expect(own).toMatchObject({ alphaMs: 5, kvCacheTokens: 1000, model: null });
    const none = LlmServerSpecSchema.safeParse({ kvCacheTokens: 1000 });
    expect(none.error!.issues[0].path).toEqual(['alphaMs']);
    const unknown = LlmServerSpecSchema.safeParse({ preset: 'gpt-9@tpu' });
    expect(unknown.error!.issues[0].path).toEqual(['preset']);
  });
});

describe('tokens', () => {
  it('lognormal needs a cv, named', () => {
    const r = TokensSchema.safeParse({ input: { dist: 'lognormal', mean: 500 }, output: { dist: 'deterministic', mean: 200 } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['input', 'cv']);
  });
});

describe('batching.triton', () => {
  it('defaults to Triton’s: no preferred sizes, unbounded queue, REJECT, no timeout, one instance', () => {
    const t = TritonBatchingSchema.parse({});
    expect(tritonSpec(8, 0.1, t)).toEqual({
      maxBatchSize: 8,
      preferredBatchSizes: [],
      maxQueueDelayMs: 0.1,
      maxQueueSize: 0,
      timeoutAction: TIMEOUT_REJECT,
      defaultTimeoutMs: 0,
      instanceCount: 1,
    });
    expect(tritonSpec(8, 0, TritonBatchingSchema.parse({ timeoutAction: 'delay' })).timeoutAction).toBe(TIMEOUT_DELAY);
  });
});
