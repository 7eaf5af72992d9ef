/** Plain-language descriptions of document parts for the report (no markup: callers escape). */
import { KINDS } from '../engine/kinds';
import type { LlmServer, TokenDistSpecDoc } from '../engine/llm/schema';
import type { ServiceTime, TopologyEdge, TopologyNode } from '../engine/schema';
import { fmtCount, fmtMs, fmtNum, fmtPct } from './format';

/** Mean of a service-time distribution, ms. */
export function meanServiceMs(st: ServiceTime): number {
  return st.dist === 'uniform' ? (st.minMs + st.maxMs) / 2 : st.meanMs;
}

/** "lognormal, mean 10.0 ms, cv 1" / "uniform 2.00–6.00 ms". */
export function describeServiceTime(st: ServiceTime): string {
  switch (st.dist) {
    case 'uniform':
      return `uniform ${fmtMs(st.minMs)}–${fmtMs(st.maxMs)}`;
    case 'lognormal':
    case 'gamma':
      return `${st.dist}, mean ${fmtMs(st.meanMs)}, cv ${st.cv}`;
    default:
      return `${st.dist}, mean ${fmtMs(st.meanMs)}`;
  }
}

/** "3×4" (replicas × concurrency, or × Triton instances), "pool P", or "2 engines" for an llm-server (one engine per replica). */
export function describeServers(n: TopologyNode): string {
  if (n.kind === 'llm-server') return `${n.replicas} engine${n.replicas === 1 ? '' : 's'}`;
  return n.pool !== null ? `pool ${n.pool}` : `${n.replicas}×${n.batching?.triton?.instancesPerReplica ?? n.concurrency}`;
}

/** An llm-server's engine: "preset llama-3-8b@l4-24gb (assumption); step 53.5 ms + 0.265 ms/token; ≤256 sequences, 2048 tokens per step, chunked prefill; KV from the model × GPU memory at 0.9". */
export function describeLlm(l: LlmServer): string {
  const step = l.stepTable ? `measured step table (${l.stepTable.length} points)` : `step ${fmtMs(l.alphaMs)} + ${fmtNum(l.betaMs)} ms/token`;
  const kv = l.kvCacheTokens !== null ? `KV cache ${fmtCount(l.kvCacheTokens)} tokens` : `KV from the model (${l.model?.layers} layers, ${l.model?.kvHeads} KV heads, head dim ${l.model?.headDim}, ${l.model?.bytesPerElement} B, ${fmtNum(l.model?.weightsGiB)} GiB weights) × GPU memory at ${l.gpuMemoryUtilization}`;
  const mode = l.mode === 'both' ? '' : `; ${l.mode} only (disaggregated)`;
  return `${l.preset ? `preset ${l.preset} (assumption); ` : ''}${step}; ≤${l.maxNumSeqs} sequences, ${fmtCount(l.maxNumBatchedTokens)} tokens per step${l.chunkedPrefill ? ', chunked prefill' : ''}; ${kv}${mode}`;
}

/** "lognormal mean 2150 (cv 0.2)". */
export function describeTokenDist(d: TokenDistSpecDoc): string {
  return `${d.dist} mean ${fmtNum(d.mean)}${d.cv !== undefined && (d.dist === 'lognormal' || d.dist === 'gamma') ? ` (cv ${d.cv})` : ''}`;
}

/** Short extras of a node: hit ratio, batching, bounded queue, holding workers, parallel calls. */
export function describeNodeExtras(n: TopologyNode): string[] {
  const out: string[] = [];
  if (n.hitRatio !== null) out.push(`hit ratio ${fmtPct(n.hitRatio)}`);
  if (n.batching) out.push(`batching ≤${n.batching.maxBatch} / ${fmtMs(n.batching.maxWaitMs)}`);
  const t = n.batching?.triton;
  if (t) {
    const policy = [t.maxQueueSize > 0 ? `queue ≤${t.maxQueueSize}` : '', t.defaultTimeoutMs > 0 ? `timeout ${fmtMs(t.defaultTimeoutMs)} then ${t.timeoutAction}` : ''].filter(Boolean).join(', ');
    out.push(`Triton batcher: preferred ${t.preferredBatchSizes.length ? t.preferredBatchSizes.join('/') : 'none'}, ${t.instancesPerReplica} instance${t.instancesPerReplica === 1 ? '' : 's'} per replica${policy ? `, ${policy}` : ''}`);
  }
  if (n.kind === 'llm-server' && n.llm) out.push(`LLM engine: ${describeLlm(n.llm)}`);
  if (n.queueCapacity !== null) out.push(`queue ≤${n.queueCapacity}`);
  if (n.callMode === 'parallel') out.push('parallel calls');
  if (n.holdWorkerDuringCalls) out.push('holds worker during calls');
  return out;
}

/** "Model server" or "Service · infra" when the role differs from the kind's default. */
export function describeKind(n: TopologyNode): string {
  const k = KINDS[n.kind];
  return n.role !== k.role ? `${k.title} · ${n.role}` : k.title;
}

/** "sync, p 0.3, ×2, 0.50 ms network, timeout 100 ms, 1 retry". */
export function describeEdge(e: TopologyEdge): string {
  const parts: string[] = [e.mode];
  if (e.probability !== 1) parts.push(`p ${e.probability}`);
  if (e.count !== 1) parts.push(`×${e.count}`);
  parts.push(`${fmtMs(e.networkMs)} network`);
  if (e.timeoutMs !== null) parts.push(`timeout ${fmtMs(e.timeoutMs)}`);
  if (e.retries > 0) parts.push(`${e.retries} retr${e.retries === 1 ? 'y' : 'ies'}`);
  if (e.streaming) parts.push('streaming (returns at the first token)');
  if (e.tokens?.input) parts.push(`input tokens ${describeTokenDist(e.tokens.input)}`);
  if (e.tokens?.output) parts.push(`output tokens ${describeTokenDist(e.tokens.output)}`);
  if (e.kvTransfer) parts.push(`KV transfer ${fmtMs(e.kvTransfer.fixedMs)} + prompt KV at ${fmtNum(e.kvTransfer.gbPerSec)} GB/s`);
  return parts.join(', ');
}
