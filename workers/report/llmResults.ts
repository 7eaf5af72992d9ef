/**
 * Reading the LLM figures of a run (issue 13), shared by the studio's LLM view and the report:
 * a design's `llm` block (all of its llm-server requests), its per-node blocks, the analytic
 * guidance per llm-server, and the document's TTFT/TPOT SLOs.
 */
import type { DesignResult, LlmMetricsResult, LlmNodeGuidanceResult, LlmNodeResult, RunResult } from '../engine/results';
import type { Slo } from '../engine/schema';

/** The LLM figures of one design, or null when it has no llm-server. */
export const designLlm = (d: DesignResult): LlmMetricsResult | null => d.llm ?? null;

/** Per llm-server node figures of one design (empty when it has none). */
export const nodeLlms = (d: DesignResult): readonly LlmNodeResult[] => d.llmNodes ?? [];

/** The analytic guidance per llm-server node of the microservice design at a point (empty without llm-servers). */
export const llmGuidanceOf = (p: RunResult): readonly LlmNodeGuidanceResult[] => p.analytic.microservices.llm ?? [];

/** Whether any point of a run carries LLM figures. */
export const hasLlm = (points: readonly RunResult[]): boolean => points.some((p) => designLlm(p.microservices) !== null || designLlm(p.monolith) !== null);

/** The document's TTFT and TPOT SLOs (ms), null where not set. */
export const docLlmSlo = (slo: Slo): { ttftMs: number | null; tpotMs: number | null } => ({ ttftMs: slo.ttftMs ?? null, tpotMs: slo.tpotMs ?? null });
