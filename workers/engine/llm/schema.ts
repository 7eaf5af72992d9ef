/**
 * Proposed document fields for LLM serving (issue 13), as zod pieces the wiring session can
 * merge into workers/engine/schema.ts. Defaults are the real system's where it has one (cited);
 * docs/design/issue-13.md lists each with its source.
 */
import { z } from 'zod';
import { int, num } from '../zodFields';


/** Most tokens in one request's input or output. */
export const MAX_TOKENS = 10_000_000;

/** A token-count distribution: `{dist, mean, cv}` like a service time (cv needed by lognormal and gamma). */
export const TokenDistSchema = z
  .object({
    dist: z.enum(['deterministic', 'exponential', 'lognormal', 'gamma']),
    mean: num(1, MAX_TOKENS),
    cv: num(0, 20).optional(),
  })
  .strict()
  .refine((d) => (d.dist !== 'lognormal' && d.dist !== 'gamma') || (d.cv !== undefined && d.cv > 0), {
    error: 'cv must be given and positive for lognormal and gamma',
    path: ['cv'],
  });

/** `workload.tokens` and `edge.tokens`: the input and output token counts of a request. */
export const TokensSchema = z.object({ input: TokenDistSchema, output: TokenDistSchema }).strict();

/** A decoder-only model's shape (Hugging Face config.json) and its weights per GPU (GiB). */
export const LlmModelSchema = z
  .object({
    layers: int(1, 1000),
    kvHeads: int(1, 1024),
    headDim: int(1, 4096),
    bytesPerElement: num(0.5, 4),
    weightsGiB: num(0, 10_000),
  })
  .strict();

/**
 * `node.llm` of an `llm-server` node. Exactly one of `kvCacheTokens` and `model`: with `model`,
 * capacity = (GPU memory of the node's hardware × gpuMemoryUtilization − weightsGiB) / KV bytes per token.
 */
export const LlmServerSchema = z
  .object({
    /** A preset id (presets.ts) that fills alphaMs, betaMs and model; null = none. */
    preset: z.string().max(64).nullable().default(null),
    alphaMs: num(0, 60_000),
    betaMs: num(0, 1000),
    /** Measured step times replacing alpha/beta; tokens ascending. */
    stepTable: z
      .array(z.object({ tokens: int(1, MAX_TOKENS), ms: num(1e-6, 60_000) }).strict())
      .min(1)
      .max(64)
      .nullable()
      .default(null),
    /** vLLM `max_num_seqs`: 256 for `vllm serve` on GPUs other than ≥ 70 GiB non-A100 ones (1024 there). */
    maxNumSeqs: int(1, 65_536).default(256),
    /** vLLM `max_num_batched_tokens`: 2048 for `vllm serve` on A100-class and smaller GPUs (8192 on H100-class). */
    maxNumBatchedTokens: int(1, 10_000_000).default(2048),
    kvCacheTokens: int(16, 1e9).nullable().default(null),
    model: LlmModelSchema.nullable().default(null),
    /** vLLM `gpu_memory_utilization`, default 0.9. */
    gpuMemoryUtilization: num(0.01, 1).default(0.9),
    /** vLLM `block_size` (tokens per KV block). */
    blockSizeTokens: int(1, 1024).default(16),
    /** vLLM `enable_chunked_prefill` (on by default in vLLM V1). */
    chunkedPrefill: z.boolean().default(true),
    /** Disaggregated serving: 'prefill' finishes at the first token, 'decode' receives the prompt KV. */
    mode: z.enum(['both', 'prefill', 'decode']).default('both'),
    /** SLOs for goodput, ms; null = not set. */
    slo: z
      .object({ ttftMs: num(0, 3_600_000).nullable().default(null), tpotMs: num(0, 60_000).nullable().default(null) })
      .strict()
      .default({ ttftMs: null, tpotMs: null }),
  })
  .strict()
  .refine((l) => (l.kvCacheTokens === null) !== (l.model === null), {
    error: 'give exactly one of kvCacheTokens and model',
    path: ['kvCacheTokens'],
  })
  .refine((l) => l.maxNumBatchedTokens >= l.maxNumSeqs, {
    error: 'must be at least maxNumSeqs (vLLM refuses a smaller token budget)',
    path: ['maxNumBatchedTokens'],
  });

export type TokenDistSpecDoc = z.infer<typeof TokenDistSchema>;
export type LlmServerSpec = z.input<typeof LlmServerSchema>;
export type LlmServer = z.infer<typeof LlmServerSchema>;
