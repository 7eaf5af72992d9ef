/**
 * LLM serving metrics, defined as vLLM's serving benchmark defines them (vllm-project/vllm
 * `vllm/benchmarks/serve.py`, calculate_metrics):
 * - TTFT: first token time − arrival at the server;
 * - TPOT: (end-to-end latency − TTFT) / (output tokens − 1), for output tokens > 1; a request
 *   with one output token has TPOT 0 for goodput ("if output_len <= 1, we regard tpot as 0 for
 *   goodput") and no TPOT sample;
 * - end-to-end latency: last token time − arrival;
 * - output token throughput: output tokens / duration;
 * - goodput: requests per second that meet every SLO given (each metric ≤ its SLO).
 * Plus KV-cache occupancy (time-weighted mean fraction of blocks in use) and preemptions.
 * Percentiles come from the engine's log-linear histograms (histogram.ts), never from stored samples.
 *
 * The figures accumulate in a flat Float64Array block (layout L_*), so the simulator's raw results
 * carry them between workers and merge them by addition (maxima by max: {@link mergeLlmBlock}).
 */
import { bucketCount, bucketOf, FINE_SUB_BUCKETS, quantiles, subBits } from '../histogram';

const BITS = subBits(FINE_SUB_BUCKETS);
const QS = [0.5, 0.95, 0.99] as const;
const HB = bucketCount(FINE_SUB_BUCKETS);

/** Offsets in a metrics block. Each latency (TTFT, TPOT, e2e) has count, sum and max, then a histogram. */
export const L_GOOD = 0;
export const L_OUT_TOKENS = 1;
export const L_PREEMPTIONS = 2;
/** ∫ KV occupancy dt over the measured interval, summed over the replicas (ms). */
export const L_OCC_AREA = 3;
/** Requests refused as too long for the replica (KV cache or, without chunked prefill, the token budget). */
export const L_REFUSED = 4;
export const L_TTFT = 5;
export const L_TPOT = 8;
export const L_E2E = 11;
const L_HEAD = 14;
/** Length of one metrics block. */
export const LLM_BLOCK = L_HEAD + 3 * HB;
const H_TTFT = L_HEAD;
const H_TPOT = L_HEAD + HB;
const H_E2E = L_HEAD + 2 * HB;

/** p50/p95/p99 and mean, ms; NaN when nothing was recorded. */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** SLOs (ms); null = not set. */
export interface LlmSlo {
  ttftMs: number | null;
  tpotMs: number | null;
}

/** The figures of one llm-server node (or a whole design) over a measured interval. */
export interface LlmMetricsResult {
  /** Requests whose last token came in the measured interval. */
  completed: number;
  /** Time to first token, ms. */
  ttftMs: LatencySummary;
  /** Time per output token after the first, ms. */
  tpotMs: LatencySummary;
  /** Arrival at the server to the last token, ms. */
  e2eMs: LatencySummary;
  /** Output tokens per second. */
  tokensPerSec: number;
  /** Completed requests per second that met every SLO set. */
  goodputPerSec: number;
  /** Share of completed requests that met every SLO set (1 when none is set; NaN when none completed). */
  goodFraction: number;
  /** Sequences preempted (KV cache full) and recomputed later. */
  preemptions: number;
  /** Time-weighted mean fraction of KV blocks in use, over the replicas. */
  kvOccupancyMean: number;
  /** Requests refused as too long for a replica (their KV exceeds the cache). */
  refused: number;
}

function add(b: Float64Array, o: number, lat: number, h: number, ms: number): void {
  b[o + h + bucketOf(ms, BITS)]++;
  b[o + lat]++;
  b[o + lat + 1] += ms;
  if (ms > b[o + lat + 2]) b[o + lat + 2] = ms;
}

/** A request finished: arrived at admitMs, first token at firstMs, last at doneMs, with outTokens output tokens. */
export function recordLlmDone(b: Float64Array, o: number, slo: LlmSlo, admitMs: number, firstMs: number, doneMs: number, outTokens: number): void {
  const ttftMs = firstMs - admitMs;
  const tpotMs = outTokens > 1 ? (doneMs - firstMs) / (outTokens - 1) : 0;
  add(b, o, L_TTFT, H_TTFT, ttftMs);
  if (outTokens > 1) add(b, o, L_TPOT, H_TPOT, tpotMs);
  add(b, o, L_E2E, H_E2E, doneMs - admitMs);
  b[o + L_OUT_TOKENS] += outTokens;
  if ((slo.ttftMs === null || ttftMs <= slo.ttftMs) && (slo.tpotMs === null || tpotMs <= slo.tpotMs)) b[o + L_GOOD]++;
}

function summary(b: Float64Array, o: number, lat: number, h: number): LatencySummary {
  const n = b[o + lat];
  const [p50, p95, p99] = quantiles(b, o + h, FINE_SUB_BUCKETS, QS, b[o + lat + 2]);
  return { p50, p95, p99, mean: n > 0 ? b[o + lat + 1] / n : Number.NaN };
}

/** The figures of block o over `windowMs` of measured time per replica, with `replicas` replicas (for the KV occupancy). */
export function llmBlockResult(b: Float64Array, o: number, windowMs: number, replicas = 1): LlmMetricsResult {
  const completed = b[o + L_E2E];
  return {
    completed,
    ttftMs: summary(b, o, L_TTFT, H_TTFT),
    tpotMs: summary(b, o, L_TPOT, H_TPOT),
    e2eMs: summary(b, o, L_E2E, H_E2E),
    tokensPerSec: windowMs > 0 ? (b[o + L_OUT_TOKENS] * 1000) / windowMs : Number.NaN,
    goodputPerSec: windowMs > 0 ? (b[o + L_GOOD] * 1000) / windowMs : Number.NaN,
    goodFraction: completed > 0 ? b[o + L_GOOD] / completed : Number.NaN,
    preemptions: b[o + L_PREEMPTIONS],
    kvOccupancyMean: windowMs > 0 && replicas > 0 ? b[o + L_OCC_AREA] / (windowMs * replicas) : Number.NaN,
    refused: b[o + L_REFUSED],
  };
}

/** Adds block array `b` into `a` (same layout): counts and sums add, maxima take the max. */
export function mergeLlmBlocks(a: Float64Array, b: Float64Array): void {
  for (let o = 0; o < a.length; o += LLM_BLOCK) {
    for (let k = 0; k < LLM_BLOCK; k++) {
      const i = o + k;
      a[i] = k === L_TTFT + 2 || k === L_TPOT + 2 || k === L_E2E + 2 ? Math.max(a[i], b[i]) : a[i] + b[i];
    }
  }
}

/** Accumulates LLM metrics in one block of its own (the standalone harnesses; the simulator writes blocks in its raw results). */
export class LlmMetrics {
  readonly block = new Float64Array(LLM_BLOCK);

  constructor(private readonly slo: LlmSlo) {}

  /** A request finished: arrived at admitMs, first token at firstMs, last at doneMs, with outTokens output tokens. */
  recordDone(admitMs: number, firstMs: number, doneMs: number, outTokens: number): void {
    recordLlmDone(this.block, 0, this.slo, admitMs, firstMs, doneMs, outTokens);
  }

  /** A step of `durationMs` ran with `occupancy` (fraction of KV blocks in use). */
  recordStep(durationMs: number, occupancy: number): void {
    this.block[L_OCC_AREA] += durationMs * occupancy;
  }

  recordPreemptions(n: number): void {
    this.block[L_PREEMPTIONS] += n;
  }

  /** The figures over a window of `windowMs`. */
  result(windowMs: number): LlmMetricsResult {
    return llmBlockResult(this.block, 0, windowMs);
  }
}
