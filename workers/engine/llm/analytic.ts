/**
 * Analytic guidance for an llm-server replica, beside the simulation: what the KV cache holds,
 * how many sequences can run, and the decode-bound throughput ceiling. Each figure says what it
 * leaves out (`notCovered`) instead of pretending to be exact.
 */
import { type StepTable, stepMs } from './stepTime';

/** The inputs: a replica's settings and the mean token counts of its requests. */
export interface LlmGuidanceInput {
  alphaMs: number;
  betaMs: number;
  stepTable: StepTable | null;
  maxNumSeqs: number;
  kvCacheTokens: number;
  blockSizeTokens: number;
  meanInTokens: number;
  meanOutTokens: number;
}

export interface LlmGuidance {
  /** KV-cache capacity, tokens (whole blocks). */
  kvCapacityTokens: number;
  /** Sequences whose whole KV (in + out − 1 tokens, in whole blocks) fits at once at the mean lengths. */
  kvConcurrentSeqs: number;
  /** min(maxNumSeqs, kvConcurrentSeqs): the batch a saturated replica can keep running. */
  concurrency: number;
  /** Step time of a pure decode step of `concurrency` sequences, ms. */
  decodeStepMs: number;
  /** concurrency / step(concurrency): the decode-bound output-token ceiling, tokens/s. */
  decodeTokensPerSec: number;
  /**
   * The ceiling when every request's prompt is prefilled inside the same steps: each step then
   * carries concurrency × (in + out − 1) / out tokens and yields `concurrency` output tokens.
   */
  mixedTokensPerSec: number;
  /** mixedTokensPerSec / mean output tokens: the request-rate ceiling, requests/s. */
  requestsPerSec: number;
  notCovered: string[];
}

/** The guidance for one replica (see {@link LlmGuidance}). */
export function llmGuidance(x: LlmGuidanceInput): LlmGuidance {
  const blocks = Math.floor(x.kvCacheTokens / x.blockSizeTokens);
  const blocksPerSeq = Math.ceil((x.meanInTokens + x.meanOutTokens - 1) / x.blockSizeTokens);
  const kvConcurrentSeqs = Math.floor(blocks / blocksPerSeq);
  const concurrency = Math.min(x.maxNumSeqs, kvConcurrentSeqs);
  const decodeStepMs = concurrency > 0 ? stepMs(x.alphaMs, x.betaMs, x.stepTable, concurrency) : Number.NaN;
  const decodeTokensPerSec = concurrency > 0 ? (concurrency * 1000) / decodeStepMs : 0;
  const mixedTokens = (concurrency * (x.meanInTokens + x.meanOutTokens - 1)) / x.meanOutTokens;
  const mixedTokensPerSec = concurrency > 0 ? (concurrency * 1000) / stepMs(x.alphaMs, x.betaMs, x.stepTable, mixedTokens) : 0;
  const notCovered = [
    'Step time is the affine (or tabled) model of tokens per step; attention cost growing with context length is not in it.',
    'Token counts are taken at their means: with variable lengths a sequence holds in + generated tokens, between in and in + out − 1, so more sequences fit on average than kvConcurrentSeqs and fewer in the worst case.',
    'The mixed ceiling assumes prompts fit within max_num_batched_tokens beside the decodes; chunked-prefill interference, preemption and recomputation lower real throughput.',
    'KV capacity subtracts the weights only; vLLM also reserves the peak activation memory of its profiling run and non-torch memory.',
  ];
  if (kvConcurrentSeqs < x.maxNumSeqs) {
    notCovered.push(`The KV cache, not maxNumSeqs (${x.maxNumSeqs}), limits the batch to ${kvConcurrentSeqs} sequences; expect preemptions near saturation.`);
  }
  return {
    kvCapacityTokens: blocks * x.blockSizeTokens,
    kvConcurrentSeqs,
    concurrency,
    decodeStepMs,
    decodeTokensPerSec,
    mixedTokensPerSec,
    requestsPerSec: mixedTokensPerSec / x.meanOutTokens,
    notCovered,
  };
}
