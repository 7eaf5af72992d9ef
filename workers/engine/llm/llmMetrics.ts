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
 */
import { bucketCount, bucketOf, FINE_SUB_BUCKETS, quantiles, subBits } from '../histogram';

const BITS = subBits(FINE_SUB_BUCKETS);
const QS = [0.5, 0.95, 0.99] as const;

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
  completed: number;
  ttftMs: LatencySummary;
  tpotMs: LatencySummary;
  e2eMs: LatencySummary;
  tokensPerSec: number;
  /** Completed requests per second that met every SLO set. */
  goodputPerSec: number;
  /** Share of completed requests that met every SLO set (1 when none is set). */
  goodFraction: number;
  preemptions: number;
  kvOccupancyMean: number;
}

class LatencyHist {
  readonly counts = new Float64Array(bucketCount(FINE_SUB_BUCKETS));
  n = 0;
  sum = 0;
  max = 0;
  add(ms: number): void {
    this.counts[bucketOf(ms, BITS)]++;
    this.n++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }
  summary(): LatencySummary {
    const [p50, p95, p99] = quantiles(this.counts, 0, FINE_SUB_BUCKETS, QS, this.max);
    return { p50, p95, p99, mean: this.n > 0 ? this.sum / this.n : Number.NaN };
  }
}

/** Accumulates LLM metrics; one per llm-server node (and one per design). */
export class LlmMetrics {
  private readonly ttft = new LatencyHist();
  private readonly tpot = new LatencyHist();
  private readonly e2e = new LatencyHist();
  private good = 0;
  private outputTokens = 0;
  private preemptions = 0;
  private occupancyMs = 0;

  constructor(private readonly slo: LlmSlo) {}

  /** A request finished: arrived at admitMs, first token at firstMs, last at doneMs, with outTokens output tokens. */
  recordDone(admitMs: number, firstMs: number, doneMs: number, outTokens: number): void {
    const ttftMs = firstMs - admitMs;
    const tpotMs = outTokens > 1 ? (doneMs - firstMs) / (outTokens - 1) : 0;
    this.ttft.add(ttftMs);
    if (outTokens > 1) this.tpot.add(tpotMs);
    this.e2e.add(doneMs - admitMs);
    this.outputTokens += outTokens;
    const { ttftMs: sloTtft, tpotMs: sloTpot } = this.slo;
    if ((sloTtft === null || ttftMs <= sloTtft) && (sloTpot === null || tpotMs <= sloTpot)) this.good++;
  }

  /** A step of `durationMs` ran with `occupancy` (fraction of KV blocks in use). */
  recordStep(durationMs: number, occupancy: number): void {
    this.occupancyMs += durationMs * occupancy;
  }

  recordPreemptions(n: number): void {
    this.preemptions += n;
  }

  /** The figures over a window of `windowMs`. */
  result(windowMs: number): LlmMetricsResult {
    const completed = this.e2e.n;
    return {
      completed,
      ttftMs: this.ttft.summary(),
      tpotMs: this.tpot.summary(),
      e2eMs: this.e2e.summary(),
      tokensPerSec: (this.outputTokens * 1000) / windowMs,
      goodputPerSec: (this.good * 1000) / windowMs,
      goodFraction: completed > 0 ? this.good / completed : Number.NaN,
      preemptions: this.preemptions,
      kvOccupancyMean: this.occupancyMs / windowMs,
    };
  }
}
