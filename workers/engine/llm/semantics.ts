/**
 * Checks of meaning for the LLM-serving and Triton fields (issue 13), each naming its field:
 * `llm` only on llm-servers and required there, the KV cache sizeable, the token and streaming
 * fields only on edges into llm-servers, the disaggregated prefill → decode pairing, Triton's
 * preferred sizes within `maxBatch` (Triton refuses larger ones).
 */
import type { Hardware, TopologySpec } from '../schema';
import { kvCapacityTokens } from './kvCache';
import { LLM_PRESETS } from './presets';
import { LLM_DEFAULT, type LlmServer, normalizeLlm } from './schema';

type Add = (path: string, message: string) => void;

/** GPU memory (GiB, as vLLM reads a GPU's "GB") of one GPU of machine `h`, else of the preset's GPU; null when neither has one. */
export function llmGpuMemoryGiB(llm: LlmServer, h: Hardware | null): number | null {
  if (h !== null && h.gpus > 0) return h.gpuMemoryGb;
  return LLM_PRESETS.find((p) => p.id === llm.preset)?.gpu.memoryGiB ?? null;
}

/**
 * KV-cache tokens of one replica of a normalized llm block on machine `h`: `kvCacheTokens`, or
 * the model's share of the GPU memory (llmGpuMemoryGiB); null when it cannot be sized.
 */
export function replicaKvTokensOf(llm: LlmServer, h: Hardware | null): number | null {
  if (llm.kvCacheTokens !== null) return llm.kvCacheTokens;
  const mem = llmGpuMemoryGiB(llm, h);
  if (llm.model === null || mem === null) return null;
  return kvCapacityTokens(mem, llm.gpuMemoryUtilization, llm.model);
}

/** Adds every LLM/Triton problem of a shape-valid spec; `machine(id)` finds a machine type. */
export function checkLlm(spec: TopologySpec, machine: (id: string | null | undefined) => Hardware | null, add: Add): void {
  const modeOf = new Map<string, string>();
  spec.nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    const who = `Node "${n.id}"`;
    const t = n.batching?.triton;
    if (t) {
      t.preferredBatchSizes.forEach((p, k) => {
        if (p > n.batching!.maxBatch) add(`${at}.batching.triton.preferredBatchSizes[${k}]`, `${who}: preferred batch size ${p} is larger than maxBatch (${n.batching!.maxBatch}); Triton refuses it`);
      });
    }
    if (n.kind !== 'llm-server') {
      if (n.llm != null) add(`${at}.llm`, `${who}: llm applies only to llm-server nodes`);
      return;
    }
    if (n.pool != null) add(`${at}.pool`, `${who}: an llm-server runs its own engine per replica and cannot join a shared pool`);
    if (n.balancer === 'pooled') add(`${at}.balancer`, `${who}: each llm-server replica schedules its own batch, so "pooled" (one shared queue) does not apply; use least-outstanding, p2c, round-robin or random`);
    const llm = normalizeLlm(n.llm ?? LLM_DEFAULT);
    modeOf.set(n.id, llm.mode);
    if (llm.kvCacheTokens === null) {
      const h = machine(n.hardware);
      const mem = llmGpuMemoryGiB(llm, h);
      if (mem === null) {
        add(`${at}.hardware`, `${who}: the KV cache is sized from the model and the GPU memory, so the node needs a GPU machine type (or give llm.kvCacheTokens)`);
      } else if ((replicaKvTokensOf(llm, h) ?? 0) < llm.blockSizeTokens) {
        add(`${at}.llm.model.weightsGiB`, `${who}: the weights (${llm.model!.weightsGiB.toFixed(2)} GiB) leave no room for the KV cache in ${mem} GiB × gpuMemoryUtilization ${llm.gpuMemoryUtilization}`);
      }
    }
  });
  (spec.edges ?? []).forEach((e, i) => {
    const at = `edges[${i}]`;
    const who = `Edge "${e.id}"`;
    const target = modeOf.get(e.target);
    const source = modeOf.get(e.source);
    const sync = (e.mode ?? 'sync') === 'sync';
    if (e.tokens != null && (target === undefined || !sync)) add(`${at}.tokens`, `${who}: tokens apply only to sync edges into an llm-server`);
    if (e.streaming && (target === undefined || !sync)) add(`${at}.streaming`, `${who}: streaming applies only to sync edges into an llm-server`);
    if (e.kvTransfer != null && !(source === 'prefill' && target === 'decode')) {
      add(`${at}.kvTransfer`, `${who}: kvTransfer applies only to edges from a prefill-mode llm-server to a decode-mode one`);
    }
    if (target === 'decode') {
      if (source !== 'prefill' || !sync) add(`${at}.source`, `${who}: a decode-mode llm-server receives the prompt KV, so it must be called (sync) by a prefill-mode llm-server`);
    }
  });
  if (spec.workload.entry !== undefined && modeOf.get(spec.workload.entry) === 'decode') {
    add('workload.entry', `workload.entry "${spec.workload.entry}" is a decode-mode llm-server; requests must reach it through a prefill-mode one`);
  }
}
