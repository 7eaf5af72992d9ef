/**
 * Pure builders from engine results to the LLM charts' and tables' rows: TTFT and TPOT
 * percentiles against offered load for both designs, tokens/s, goodput, KV occupancy and
 * preemptions. NaN (nothing measured, e.g. no request with more than one output token) → null.
 */
import type { LlmMetricsResult } from '../../workers/engine/llm/llmMetrics';
import type { DesignResult, RunResult } from '../../workers/engine/results';
import { DESIGNS, type Design } from './series';

/** The LLM figures of one design (the whole design's llm-server requests), or null when it has none. */
export const designLlm = (d: DesignResult): LlmMetricsResult | null => (d as DesignResult & { llm?: LlmMetricsResult | null }).llm ?? null;

export const LLM_METRICS = ['ttftMs', 'tpotMs', 'e2eMs'] as const;
export type LlmLatencyMetric = (typeof LLM_METRICS)[number];
export const LLM_PERCENTILES = ['p50', 'p95', 'p99'] as const;
export type LlmPercentile = (typeof LLM_PERCENTILES)[number];

export const LLM_METRIC_LABEL: Record<LlmLatencyMetric, string> = { ttftMs: 'TTFT', tpotMs: 'TPOT', e2eMs: 'LLM end-to-end' };

const val = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** Row key of a design's percentile of a metric, e.g. `microservices_ttftMs_p99`. */
export const llmKey = (d: Design, m: LlmLatencyMetric, p: LlmPercentile) => `${d}_${m}_${p}`;

export type LlmRow = { ratePerSec: number } & Record<string, number | null>;

/** One row per offered load: every metric's percentiles per design, tokens/s, goodput, KV occupancy, preemptions. */
export function llmRows(points: readonly RunResult[]): LlmRow[] {
  return points.map((pt) => {
    const row: LlmRow = { ratePerSec: pt.ratePerSec };
    for (const d of DESIGNS) {
      const l = designLlm(pt[d]);
      for (const m of LLM_METRICS) for (const p of LLM_PERCENTILES) row[llmKey(d, m, p)] = val(l?.[m][p]);
      row[`${d}_tokensPerSec`] = val(l?.tokensPerSec);
      row[`${d}_goodputPerSec`] = val(l?.goodputPerSec);
      row[`${d}_goodFraction`] = val(l?.goodFraction);
      row[`${d}_kvOccupancyMean`] = val(l?.kvOccupancyMean);
      row[`${d}_preemptions`] = val(l?.preemptions);
    }
    return row;
  });
}

/** Whether any point of the run carries LLM figures (the LLM view is shown only then). */
export const hasLlm = (points: readonly RunResult[]): boolean => points.some((p) => DESIGNS.some((d) => designLlm(p[d]) !== null));

/** Highest value of the shown series below which the chart's y axis ends (15% headroom, at least the SLO × 1.5). */
export function llmYCap(rows: readonly LlmRow[], m: LlmLatencyMetric, shown: readonly LlmPercentile[], sloMs: number | null): number {
  let max = sloMs !== null ? sloMs * 1.5 : 0;
  for (const r of rows) for (const d of DESIGNS) for (const p of shown) max = Math.max(max, (r[llmKey(d, m, p)] ?? 0) * 1.15);
  return max > 0 ? Number(max.toPrecision(2)) : 1;
}

/** Per llm-server node figures of one design (empty when it has none). */
export const nodeLlms = (d: DesignResult): (LlmMetricsResult & { id: string })[] =>
  (d as DesignResult & { llmNodes?: (LlmMetricsResult & { id: string })[] }).llmNodes ?? [];

/** The document's TTFT and TPOT SLOs (ms), null where not set. */
export const docLlmSlo = (doc: { slo: object }): { ttftMs: number | null; tpotMs: number | null } => {
  const s = doc.slo as { ttftMs?: number | null; tpotMs?: number | null };
  return { ttftMs: s.ttftMs ?? null, tpotMs: s.tpotMs ?? null };
};
