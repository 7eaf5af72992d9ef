/**
 * Reading the LLM figures of a run (issue 13), shared by the studio's LLM view and the report:
 * a design's `llm` block (all of its llm-server requests), its per-node blocks, and the
 * document's TTFT/TPOT SLOs.
 */
import type { LlmMetricsResult } from '../engine/llm/llmMetrics';
import type { DesignResult, RunResult } from '../engine/results';

/** One llm-server node's figures. */
export type LlmNodeFigures = LlmMetricsResult & { id: string };

/** The LLM figures of one design, or null when it has no llm-server. */
export const designLlm = (d: DesignResult): LlmMetricsResult | null => (d as DesignResult & { llm?: LlmMetricsResult | null }).llm ?? null;

/** Per llm-server node figures of one design (empty when it has none). */
export const nodeLlms = (d: DesignResult): LlmNodeFigures[] => (d as DesignResult & { llmNodes?: LlmNodeFigures[] }).llmNodes ?? [];

/** Whether any point of a run carries LLM figures. */
export const hasLlm = (points: readonly RunResult[]): boolean => points.some((p) => designLlm(p.microservices) !== null || designLlm(p.monolith) !== null);

/** The document's TTFT and TPOT SLOs (ms), null where not set. */
export const docLlmSlo = (doc: { slo: object }): { ttftMs: number | null; tpotMs: number | null } => {
  const s = doc.slo as { ttftMs?: number | null; tpotMs?: number | null };
  return { ttftMs: s.ttftMs ?? null, tpotMs: s.tpotMs ?? null };
};
