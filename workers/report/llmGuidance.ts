/** The analytic guidance of each llm-server node of a document, from the engine's llmGuidance and KV functions. */
import { findHardware } from '../engine/hardware';
import { type LlmGuidance, llmGuidance } from '../engine/llm/analytic';
import { kvCapacityTokens } from '../engine/llm/kvCache';
import type { LlmServer, TokenDistSpecDoc } from '../engine/llm/schema';
import type { Topology, TopologyNode } from '../engine/schema';

export interface LlmNodeGuidance {
  id: string;
  label: string;
  replicas: number;
  maxNumSeqs: number;
  meanIn: number;
  meanOut: number;
  /** Null when the node's KV cache cannot be sized (`problem` says why). */
  guidance: LlmGuidance | null;
  problem: string;
}

/** KV tokens of one replica: the given count, or the model's share of the GPU memory; null when unknown. */
export function replicaKvTokens(llm: LlmServer, gpuMemoryGiB: number | null): number | null {
  if (llm.kvCacheTokens !== null) return llm.kvCacheTokens;
  if (!llm.model || gpuMemoryGiB === null) return null;
  return kvCapacityTokens(gpuMemoryGiB, llm.gpuMemoryUtilization, llm.model);
}

type Tokens = { input: TokenDistSpecDoc; output: TokenDistSpecDoc };
const llmOf = (n: TopologyNode) => (n as TopologyNode & { llm?: LlmServer | null }).llm ?? null;

/** Mean tokens of the requests reaching `id`: the first incoming edge's override, else the workload's. */
export function meanTokensAt(doc: Topology, id: string): { input: number; output: number } | null {
  const edge = doc.edges.find((e) => e.target === id && (e as { tokens?: Tokens | null }).tokens);
  const t = ((edge as { tokens?: Tokens } | undefined)?.tokens ?? (doc.workload as { tokens?: Tokens | null }).tokens) ?? null;
  return t ? { input: t.input.mean, output: t.output.mean } : null;
}

/** GPU memory of one GPU of the node's machine type (GiB, as vLLM reads it), null without a GPU machine. */
export function nodeGpuMemoryGiB(doc: Topology, n: TopologyNode): number | null {
  const h = findHardware(doc, n.hardware);
  return h && h.gpus > 0 ? h.gpuMemoryGb : null;
}

export function llmNodeGuidance(doc: Topology): LlmNodeGuidance[] {
  return doc.nodes.flatMap((n): LlmNodeGuidance[] => {
    const llm = llmOf(n);
    if (!llm) return [];
    const tokens = meanTokensAt(doc, n.id);
    const kv = replicaKvTokens(llm, nodeGpuMemoryGiB(doc, n));
    const base = { id: n.id, label: n.label, replicas: n.replicas, maxNumSeqs: llm.maxNumSeqs, meanIn: tokens?.input ?? 0, meanOut: tokens?.output ?? 0 };
    if (kv === null) return [{ ...base, guidance: null, problem: 'no KV cache size: give a GPU machine type or a KV cache in tokens.' }];
    if (!tokens) return [{ ...base, guidance: null, problem: 'no token counts: set the workload’s tokens.' }];
    const g = llmGuidance({ alphaMs: llm.alphaMs, betaMs: llm.betaMs, stepTable: null, maxNumSeqs: llm.maxNumSeqs, kvCacheTokens: kv, blockSizeTokens: llm.blockSizeTokens, meanInTokens: tokens.input, meanOutTokens: tokens.output });
    return [{ ...base, guidance: g, problem: '' }];
  });
}
