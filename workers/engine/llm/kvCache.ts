/**
 * KV-cache arithmetic for an LLM replica (vLLM's PagedAttention cache).
 *
 * Each token keeps one key and one value vector per layer and KV head:
 * bytes per token = 2 × layers × kvHeads × headDim × bytesPerElement (vLLM computes the same
 * page size per layer in `vllm/v1/kv_cache_interface.py` AttentionSpec.page_size_bytes:
 * 2 × block_size × num_kv_heads × head_size × dtype size). Llama-2-7B in fp16 (32 layers, 32 KV
 * heads, head dim 128): 2 × 32 × 32 × 128 × 2 = 524 288 bytes = 0.5 MiB per token.
 *
 * Capacity: vLLM sizes the cache as `gpu_memory_utilization` × total GPU memory minus what the
 * model needs (weights, plus the peak activation memory of a profiling run and non-torch memory);
 * we subtract the weights only, so our figure is an upper bound by the activation peak, a few
 * GiB on the presets (see notCovered in analytic.ts). Memory sizes are GiB (2^30 bytes), the
 * unit vLLM logs and the unit behind a GPU's "80GB" (nvidia-smi shows an A100-80GB as 81920 MiB).
 */

/** Bytes in one GiB. */
export const GIB = 1024 * 1024 * 1024;

/** The shape of a decoder-only model, as its Hugging Face config.json gives it. */
export interface LlmModelShape {
  /** num_hidden_layers. */
  layers: number;
  /** num_key_value_heads (= num_attention_heads without grouped-query attention). */
  kvHeads: number;
  /** hidden_size / num_attention_heads (or head_dim). */
  headDim: number;
  /** Bytes per KV element: 2 for fp16/bf16, 1 for an fp8 cache. */
  bytesPerElement: number;
  /** Memory of the weights on one GPU, GiB. */
  weightsGiB: number;
}

/** KV-cache bytes per token: 2 (K and V) × layers × kvHeads × headDim × bytesPerElement. */
export function kvBytesPerToken(m: LlmModelShape): number {
  return 2 * m.layers * m.kvHeads * m.headDim * m.bytesPerElement;
}

/**
 * Tokens the KV cache holds: ⌊(gpuMemoryGiB × gpuMemoryUtilization − weightsGiB) × 2^30 / bytes per
 * token⌋, at least 0. `gpuMemoryUtilization` is vLLM's `--gpu-memory-utilization` (default 0.9).
 */
export function kvCapacityTokens(gpuMemoryGiB: number, gpuMemoryUtilization: number, m: LlmModelShape): number {
  const freeBytes = (gpuMemoryGiB * gpuMemoryUtilization - m.weightsGiB) * GIB;
  return freeBytes > 0 ? Math.floor(freeBytes / kvBytesPerToken(m)) : 0;
}

/** Whole KV blocks of `blockSizeTokens` tokens in `capacityTokens` (vLLM allocates the cache in blocks). */
export function kvBlocks(capacityTokens: number, blockSizeTokens: number): number {
  return Math.floor(capacityTokens / blockSizeTokens);
}
