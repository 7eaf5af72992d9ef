/**
 * (model, GPU) presets for an LLM replica. EVERY NUMBER HERE IS AN ASSUMPTION, derived as below;
 * a user with a measured step-time curve should replace alphaMs/betaMs (or give a table).
 *
 * Model shapes come from each model's Hugging Face config.json (num_hidden_layers,
 * num_key_value_heads, hidden_size / num_attention_heads) and parameter count:
 * - Llama-2-7B: huggingface.co/meta-llama/Llama-2-7b-hf — 32 layers, 32 heads (no GQA),
 *   hidden 4096 → head dim 128, 6.74 B parameters (Touvron et al. 2023, arXiv 2307.09288).
 * - Llama-3-8B: huggingface.co/meta-llama/Meta-Llama-3-8B — 32 layers, 8 KV heads (GQA),
 *   hidden 4096 / 32 heads → head dim 128, 8.03 B parameters.
 * GPU figures are NVIDIA datasheet values (dense, no sparsity): A100 80GB SXM 2 039 GB/s and
 * 312 TFLOPS FP16 (nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf); H100 SXM 80GB
 * 3 350 GB/s and 989 TFLOPS BF16 (H100 datasheet: 1 979 with sparsity); L4 24GB 300 GB/s and
 * 121 TFLOPS FP16 (L4 datasheet: 242 with sparsity).
 *
 * Step-time model `alphaMs + betaMs × tokensInStep`, fitted to the roofline of Kipply,
 * "Transformer Inference Arithmetic" (kipp.ly/transformer-inference-arithmetic, 2022), whose
 * latency model matches FasterTransformer benchmarks there:
 * - alphaMs = weight bytes / memory bandwidth: every iteration reads all weights once, the
 *   memory-bound floor of a decode step;
 * - betaMs = 2 × parameters FLOPs per token / (peak FLOPS × MFU), MFU assumed 0.5 (our choice);
 *   attention's KV reads, which grow with context length, are not in it.
 */
import { GIB, type LlmModelShape } from './kvCache';

/** A model: its shape plus the parameter count behind its weights and FLOPs. */
export interface LlmModelPreset extends LlmModelShape {
  id: string;
  label: string;
  /** Parameters, count. */
  params: number;
}

/** A GPU: memory (GiB), memory bandwidth (GB/s = 1e9 B/s), dense fp16/bf16 tensor peak (TFLOPS). */
export interface GpuPreset {
  id: string;
  label: string;
  memoryGiB: number;
  bandwidthGBps: number;
  fp16Tflops: number;
}

/** Model FLOPs utilisation assumed for prefill-heavy steps (our choice, see module doc). */
export const ASSUMED_MFU = 0.5;

function model(id: string, label: string, layers: number, kvHeads: number, params: number): LlmModelPreset {
  return { id, label, layers, kvHeads, headDim: 128, bytesPerElement: 2, params, weightsGiB: (params * 2) / GIB };
}

export const LLM_MODELS: readonly LlmModelPreset[] = [
  model('llama-2-7b', 'Llama-2-7B fp16', 32, 32, 6.74e9),
  model('llama-3-8b', 'Llama-3-8B bf16', 32, 8, 8.03e9),
];

export const GPUS: readonly GpuPreset[] = [
  { id: 'a100-80gb', label: 'NVIDIA A100 80GB SXM', memoryGiB: 80, bandwidthGBps: 2039, fp16Tflops: 312 },
  { id: 'h100-sxm-80gb', label: 'NVIDIA H100 SXM 80GB', memoryGiB: 80, bandwidthGBps: 3350, fp16Tflops: 989 },
  { id: 'l4-24gb', label: 'NVIDIA L4 24GB', memoryGiB: 24, bandwidthGBps: 300, fp16Tflops: 121 },
];

/** A (model, GPU) preset: step-time coefficients (ms) and what the KV arithmetic needs. */
export interface LlmPreset {
  id: string;
  model: LlmModelPreset;
  gpu: GpuPreset;
  alphaMs: number;
  betaMs: number;
  /** Always true: these numbers are derived assumptions, not measurements. */
  assumption: true;
  source: string;
}

/** The roofline-derived step coefficients of `m` on `g` (see module doc). */
export function rooflinePreset(m: LlmModelPreset, g: GpuPreset): LlmPreset {
  const alphaMs = ((m.params * m.bytesPerElement) / (g.bandwidthGBps * 1e9)) * 1000;
  const betaMs = ((2 * m.params) / (g.fp16Tflops * 1e12 * ASSUMED_MFU)) * 1000;
  return {
    id: `${m.id}@${g.id}`,
    model: m,
    gpu: g,
    alphaMs,
    betaMs,
    assumption: true,
    source: 'roofline: alpha = weight bytes / bandwidth, beta = 2·params / (peak FLOPS × 0.5); kipp.ly/transformer-inference-arithmetic; NVIDIA datasheets',
  };
}

function pair(modelId: string, gpuId: string): LlmPreset {
  return rooflinePreset(LLM_MODELS.find((m) => m.id === modelId)!, GPUS.find((g) => g.id === gpuId)!);
}

/** The shipped presets: Llama-2-7B on A100-80GB, Llama-3-8B on L4 and on H100. */
export const LLM_PRESETS: readonly LlmPreset[] = [
  pair('llama-2-7b', 'a100-80gb'),
  pair('llama-3-8b', 'l4-24gb'),
  pair('llama-3-8b', 'h100-sxm-80gb'),
];
