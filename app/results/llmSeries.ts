/**
 * Pure builders from engine results to the LLM charts' and tables' rows: TTFT and TPOT
 * percentiles against offered load for both designs, tokens/s, goodput, KV occupancy and
 * preemptions. NaN (nothing measured, e.g. no request with more than one output token) → null.
 */
import type { RunResult } from '../../workers/engine/results';
import { designLlm } from '../../workers/report/llmResults';
import { DESIGNS, type Design } from './series';

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

/** Highest value of the shown series below which the chart's y axis ends (15% headroom, at least the SLO × 1.5). */
export function llmYCap(rows: readonly LlmRow[], m: LlmLatencyMetric, shown: readonly LlmPercentile[], sloMs: number | null): number {
  let max = sloMs !== null ? sloMs * 1.5 : 0;
  for (const r of rows) for (const d of DESIGNS) for (const p of shown) max = Math.max(max, (r[llmKey(d, m, p)] ?? 0) * 1.15);
  return max > 0 ? Number(max.toPrecision(2)) : 1;
}

