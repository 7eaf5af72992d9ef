/** The LLM figures of a design's merged raw results: the design's `llm` block and one per llm-server node. */
import type { CompiledModel } from '../compile';
import type { DesignRaw } from '../raw';
import { T_MEASURED_MS } from '../raw';
import type { LlmNodeResult } from '../results';
import { LLM_BLOCK, llmBlockResult, type LlmMetricsResult } from './llmMetrics';

/** `{llm, llmNodes}` of a design with llm-servers; empty for any other design. */
export function llmDesignFields(m: CompiledModel, merged: DesignRaw): { llm?: LlmMetricsResult; llmNodes?: LlmNodeResult[] } {
  const en = m.engines;
  const b = merged.llm;
  if (en.llmNodeCount === 0 || !b) return {};
  const windowMs = merged.totals[T_MEASURED_MS];
  const llmNodes: LlmNodeResult[] = [];
  for (let i = 0; i < m.nodeCount; i++) {
    const k = en.llmBlock[i];
    if (k < 0) continue;
    llmNodes.push({ id: m.nodeIds[i], ...llmBlockResult(b, k * LLM_BLOCK, windowMs, m.groupReplicas[m.nodeGroup[i]]) });
  }
  return { llm: llmBlockResult(b, en.llmNodeCount * LLM_BLOCK, windowMs, en.llmReplicaCount), llmNodes };
}
