/**
 * Compiles the GPU serving engines of a design (issue 13): Triton dynamic batchers
 * (batching/tritonBatcher.ts) and LLM replicas with continuous batching (llm/llmReplica.ts),
 * with the token distributions of the workload and of overriding edges. A design without them
 * compiles to `nodeSpecial` codes 0/1 only, and the simulator never looks further.
 */
import { tritonSpec } from './batching/schema';
import type { TritonBatcherSpec } from './batching/tritonBatcher';
import { findHardware } from './hardware';
import { kvBytesPerToken } from './llm/kvCache';
import { MODE_BOTH, MODE_DECODE, MODE_PREFILL, type LlmReplicaSpec } from './llm/llmReplica';
import type { LlmSlo } from './llm/llmMetrics';
import { replicaKvTokensOf } from './llm/semantics';
import { stepTable } from './llm/stepTime';
import { compileTokenDist, type TokenDist } from './llm/tokenDraws';
import type { Topology, TopologyEdge } from './schema';

/** `nodeSpecial` codes: how a node's station serves. */
export const SPECIAL_NONE = 0;
export const SPECIAL_BATCH = 1;
export const SPECIAL_TRITON = 2;
export const SPECIAL_LLM = 3;

const MODES = { both: MODE_BOTH, prefill: MODE_PREFILL, decode: MODE_DECODE } as const;

/** The engines of a design; arrays are indexed by node or by compiled edge. */
export interface CompiledEngines {
  /** SPECIAL_* per node. */
  nodeSpecial: Uint8Array;
  /** Triton nodes: the batcher of replica r is tritonBatcher0[i] + r (−1 otherwise). */
  tritonBatcher0: Int32Array;
  tritonSpecs: (TritonBatcherSpec | null)[];
  tritonCount: number;
  /** Largest maxBatch of any Triton node (the dispatch buffer). */
  tritonMaxBatch: number;
  /** LLM nodes: replica r is llmReplica0[i] + r; llmBlock[i] is the node's metrics block (−1 otherwise). */
  llmReplica0: Int32Array;
  llmBlock: Int32Array;
  llmSpecs: (LlmReplicaSpec | null)[];
  llmReplicaCount: number;
  llmNodeCount: number;
  /** LLM nodes: MODE_*; 1 when a generation ends here (both, decode, or a prefill node that calls no decode node). */
  llmMode: Uint8Array;
  llmFinal: Uint8Array;
  /** KV bytes per token of each LLM node (0 when its cache is given in tokens without a model). */
  llmKvBytesPerToken: Float64Array;
  /** The request's tokens (null when the design has no llm-server). */
  tokensIn: TokenDist | null;
  tokensOut: TokenDist | null;
  /** Per compiled edge: its token overrides (null = the request's), streaming, and KV transfer (ms, ms per prompt token). */
  edgeTokensIn: (TokenDist | null)[];
  edgeTokensOut: (TokenDist | null)[];
  edgeStreaming: Uint8Array;
  edgeKvFixedMs: Float64Array;
  edgeKvMsPerToken: Float64Array;
  slo: LlmSlo;
}

/** Replica servers of a node: a Triton node's instances, an llm-server's one engine, else its concurrency. */
export function serversPerReplica(node: Topology['nodes'][number]): number {
  if (node.kind === 'llm-server') return 1;
  if (node.batching?.triton) return node.batching.triton.instancesPerReplica;
  return node.concurrency;
}

/** Compiles the engines; `edges` are the compiled edges (in compiled order), `replicas` the replicas of each node's group. */
export function compileEngines(doc: Topology, edges: readonly TopologyEdge[], replicasOf: (i: number) => number): CompiledEngines {
  const n = doc.nodes.length;
  const e = edges.length;
  const out: CompiledEngines = {
    nodeSpecial: new Uint8Array(n),
    tritonBatcher0: new Int32Array(n).fill(-1),
    tritonSpecs: [],
    tritonCount: 0,
    tritonMaxBatch: 1,
    llmReplica0: new Int32Array(n).fill(-1),
    llmBlock: new Int32Array(n).fill(-1),
    llmSpecs: [],
    llmReplicaCount: 0,
    llmNodeCount: 0,
    llmMode: new Uint8Array(n),
    llmFinal: new Uint8Array(n),
    llmKvBytesPerToken: new Float64Array(n),
    tokensIn: null,
    tokensOut: null,
    edgeTokensIn: new Array<TokenDist | null>(e).fill(null),
    edgeTokensOut: new Array<TokenDist | null>(e).fill(null),
    edgeStreaming: new Uint8Array(e),
    edgeKvFixedMs: new Float64Array(e),
    edgeKvMsPerToken: new Float64Array(e),
    slo: { ttftMs: doc.slo.ttftMs ?? null, tpotMs: doc.slo.tpotMs ?? null },
  };
  const callsDecode = new Set(doc.edges.filter((x) => doc.nodes.find((y) => y.id === x.target)?.llm?.mode === 'decode').map((x) => x.source));
  doc.nodes.forEach((node, i) => {
    out.tritonSpecs.push(null);
    out.llmSpecs.push(null);
    if (node.role === 'offline') return;
    const b = node.batching;
    if (b) {
      out.nodeSpecial[i] = b.triton ? SPECIAL_TRITON : b.maxBatch > 1 ? SPECIAL_BATCH : SPECIAL_NONE;
      if (b.triton) {
        out.tritonSpecs[i] = tritonSpec(b.maxBatch, b.maxWaitMs, b.triton);
        out.tritonBatcher0[i] = out.tritonCount;
        out.tritonCount += replicasOf(i);
        out.tritonMaxBatch = Math.max(out.tritonMaxBatch, b.maxBatch);
      }
    }
    const llm = node.kind === 'llm-server' ? node.llm : null;
    if (!llm) return;
    out.nodeSpecial[i] = SPECIAL_LLM;
    out.llmReplica0[i] = out.llmReplicaCount;
    out.llmReplicaCount += replicasOf(i);
    out.llmBlock[i] = out.llmNodeCount++;
    out.llmMode[i] = MODES[llm.mode];
    out.llmFinal[i] = llm.mode !== 'prefill' || !callsDecode.has(node.id) ? 1 : 0;
    out.llmKvBytesPerToken[i] = llm.model ? kvBytesPerToken(llm.model) : 0;
    const kv = replicaKvTokensOf(llm, findHardware(doc, node.hardware));
    out.llmSpecs[i] = {
      alphaMs: llm.alphaMs,
      betaMs: llm.betaMs,
      stepTable: llm.stepTable ? stepTable(llm.stepTable) : null,
      maxNumSeqs: llm.maxNumSeqs,
      maxNumBatchedTokens: llm.maxNumBatchedTokens,
      kvCacheTokens: kv ?? 0,
      blockSizeTokens: llm.blockSizeTokens,
      chunkedPrefill: llm.chunkedPrefill,
      mode: MODES[llm.mode],
      emitTokenEvents: false,
    };
  });
  if (out.llmNodeCount > 0 && doc.workload.tokens) {
    out.tokensIn = compileTokenDist(doc.workload.tokens.input);
    out.tokensOut = compileTokenDist(doc.workload.tokens.output);
  }
  const index = new Map(doc.nodes.map((x, i) => [x.id, i]));
  edges.forEach((edge, k) => {
    if (edge.tokens?.input) out.edgeTokensIn[k] = compileTokenDist(edge.tokens.input);
    if (edge.tokens?.output) out.edgeTokensOut[k] = compileTokenDist(edge.tokens.output);
    if (edge.streaming) out.edgeStreaming[k] = 1;
    const kt = edge.kvTransfer;
    if (kt) {
      const bytes = out.llmKvBytesPerToken[index.get(edge.source) ?? 0];
      out.edgeKvFixedMs[k] = kt.fixedMs;
      out.edgeKvMsPerToken[k] = (bytes / (kt.gbPerSec * 1e9)) * 1000;
    }
  });
  return out;
}
