/**
 * Document fields for LLM serving (issue 13): `node.llm` of an `llm-server` node, the token
 * counts of `workload.tokens` and `edge.tokens`, and an edge's KV transfer. Defaults are the real
 * system's where it has one (cited); docs/format.md and docs/model.md list each with its source.
 */
import { z } from 'zod';
import { int, num } from '../zodFields';
import { LLM_PRESETS } from './presets';

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

/** `workload.tokens`: the input and output token counts of a request. */
export const TokensSchema = z.object({ input: TokenDistSchema, output: TokenDistSchema }).strict();
export type Tokens = z.infer<typeof TokensSchema>;

/** `edge.tokens`: overrides either count for the calls of one edge (a RAG call carries its retrieved context). */
export const EdgeTokensSchema = z
  .object({ input: TokenDistSchema.optional(), output: TokenDistSchema.optional() })
  .strict()
  .refine((t) => t.input !== undefined || t.output !== undefined, { error: 'give input, output or both' });

/**
 * `edge.kvTransfer`: on an edge from a prefill-mode llm-server to a decode-mode one, the time to
 * move a request's prompt KV: fixedMs + input tokens × KV bytes per token / (gbPerSec × 1e9) s.
 */
export const KvTransferSchema = z
  .object({ fixedMs: num(0, 60_000).default(0), gbPerSec: num(0.001, 10_000) })
  .strict();

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

const presetIds = LLM_PRESETS.map((p) => p.id);

const llmShape = {
  /** A preset id (presets.ts): fills alphaMs, betaMs and, without kvCacheTokens, model; null = none. */
  preset: z
    .string()
    .refine((id) => presetIds.includes(id), { error: `must be one of ${presetIds.join(', ')}` })
    .nullable()
    .default(null),
  /** Step time alphaMs + betaMs × tokens in the step (ms, ms per token). */
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
  /** KV-cache capacity of one replica, tokens; null = from `model` and the machine's GPU memory. */
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
};

type Shape = { kvCacheTokens: number | null; model: unknown; preset: string | null; maxNumBatchedTokens: number; maxNumSeqs: number };

function checks<S extends z.ZodType<Shape>>(s: S, needOne: boolean): S {
  return s
    .refine((l) => l.kvCacheTokens === null || l.model === null, { error: 'give kvCacheTokens or model, not both', path: ['kvCacheTokens'] })
    .refine((l) => !needOne || l.kvCacheTokens !== null || l.model !== null || l.preset !== null, {
      error: 'give kvCacheTokens, a model shape or a preset (the KV-cache size comes from one of them)',
      path: ['kvCacheTokens'],
    })
    .refine((l) => l.maxNumBatchedTokens >= l.maxNumSeqs, {
      error: 'must be at least maxNumSeqs (vLLM refuses a smaller token budget)',
      path: ['maxNumBatchedTokens'],
    });
}

/** `node.llm` as normalized: alphaMs and betaMs present (a preset's filled in), KV from kvCacheTokens or model. */
export const LlmServerSchema = checks(z.object(llmShape).strict(), false);

/** `node.llm` as a document may write it: alphaMs and betaMs may come from the preset. */
export const LlmServerSpecSchema = checks(
  z
    .object({ ...llmShape, alphaMs: llmShape.alphaMs.optional(), betaMs: llmShape.betaMs.optional() })
    .strict()
    .refine((l) => l.preset !== null || (l.alphaMs !== undefined && l.betaMs !== undefined), {
      error: 'give alphaMs and betaMs, or a preset',
      path: ['alphaMs'],
    }),
  true,
);

/**
 * The `llm` block of an llm-server that leaves it out: the Llama-3-8B-on-L4 preset (an
 * assumption, see presets.ts) with vLLM's defaults, on the kind's default machine (g6.xlarge, 1× L4).
 */
export const LLM_DEFAULT = LlmServerSpecSchema.parse({ preset: 'llama-3-8b@l4-24gb' });

/**
 * `workload.tokens` of a design with an llm-server that leaves it out: a chat-like request of about
 * 512 prompt and 256 output tokens, both lognormal with cv 1 (an order of magnitude, not a measurement).
 */
export const TOKENS_DEFAULT: Tokens = { input: { dist: 'lognormal', mean: 512, cv: 1 }, output: { dist: 'lognormal', mean: 256, cv: 1 } };

export type TokenDistSpecDoc = z.infer<typeof TokenDistSchema>;
export type EdgeTokens = z.infer<typeof EdgeTokensSchema>;
export type KvTransfer = z.infer<typeof KvTransferSchema>;
export type LlmServerSpec = z.input<typeof LlmServerSpecSchema>;
/** A normalized `node.llm`. */
export type LlmServer = z.infer<typeof LlmServerSchema>;

/** Normalizes a parsed `node.llm` spec: the preset's alphaMs, betaMs and (without kvCacheTokens or model) model shape filled in. */
export function normalizeLlm(spec: z.infer<typeof LlmServerSpecSchema>): LlmServer {
  const p = spec.preset === null ? undefined : LLM_PRESETS.find((x) => x.id === spec.preset);
  const fromPreset = p && spec.kvCacheTokens === null && spec.model === null;
  const shape = p?.model;
  return {
    ...spec,
    alphaMs: spec.alphaMs ?? p?.alphaMs ?? 0,
    betaMs: spec.betaMs ?? p?.betaMs ?? 0,
    stepTable: spec.stepTable ? spec.stepTable.map((x) => ({ ...x })) : null,
    model:
      fromPreset && shape
        ? { layers: shape.layers, kvHeads: shape.kvHeads, headDim: shape.headDim, bytesPerElement: shape.bytesPerElement, weightsGiB: shape.weightsGiB }
        : spec.model
          ? { ...spec.model }
          : null,
  };
}
