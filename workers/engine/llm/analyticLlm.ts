/**
 * The analytic model's view of llm-servers (issue 13): per node, the guidance of llmGuidance
 * (KV capacity in tokens and sequences, the decode-bound and mixed ceilings, what the formulas
 * leave out), the utilisation against the request-rate ceiling, and the entry rate at which the
 * node reaches that ceiling (a saturation candidate). Time in an llm-server is not predicted.
 */
import { findHardware } from '../hardware';
import type { LlmNodeGuidanceResult } from '../results';
import type { Topology } from '../schema';
import { llmGuidance } from './analytic';
import { replicaKvTokensOf } from './semantics';
import { stepTable } from './stepTime';

/** Mean input and output tokens of the requests reaching node `id`: an incoming edge's override, else the workload's. */
export function meanTokensAt(doc: Topology, id: string): { input: number; output: number } | null {
  const w = doc.workload.tokens ?? null;
  const edge = doc.edges.find((e) => e.target === id && e.tokens);
  const input = edge?.tokens?.input?.mean ?? w?.input.mean;
  const output = edge?.tokens?.output?.mean ?? w?.output.mean;
  return input !== undefined && output !== undefined ? { input, output } : null;
}

/** The analytic guidance of every llm-server node of a document (document order); empty without llm-servers. */
export function llmNodeGuidance(doc: Topology): LlmNodeGuidanceResult[] {
  return doc.nodes.flatMap((n): LlmNodeGuidanceResult[] => {
    const llm = n.kind === 'llm-server' ? n.llm : null;
    if (!llm) return [];
    const tokens = meanTokensAt(doc, n.id);
    const kv = replicaKvTokensOf(llm, findHardware(doc, n.hardware));
    const base = { id: n.id, replicas: n.replicas, meanInTokens: tokens?.input ?? 0, meanOutTokens: tokens?.output ?? 0 };
    if (kv === null) return [{ ...base, guidance: null, problem: 'The KV cache has no size: give a GPU machine type or llm.kvCacheTokens.' }];
    if (tokens === null) return [{ ...base, guidance: null, problem: 'No token counts reach this node: set workload.tokens.' }];
    // A decode-mode node never prefills: its requests arrive with the prompt's KV and make out − 1 tokens.
    const decode = llm.mode === 'decode';
    const guidance = llmGuidance({
      alphaMs: llm.alphaMs,
      betaMs: llm.betaMs,
      stepTable: llm.stepTable ? stepTable(llm.stepTable) : null,
      maxNumSeqs: llm.maxNumSeqs,
      kvCacheTokens: kv,
      blockSizeTokens: llm.blockSizeTokens,
      meanInTokens: decode ? 1 : tokens.input,
      meanOutTokens: llm.mode === 'prefill' ? 1 : tokens.output,
    });
    return [{ ...base, guidance, problem: null }];
  });
}

/** Per llm-server: utilisation at `ratePerSec` × visits and the entry rate of its ceiling, with notCovered lines. */
export function llmAnalytic(doc: Topology, visits: ArrayLike<number>, ratePerSec: number) {
  const guidance = llmNodeGuidance(doc);
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const notCovered: string[] = [];
  const util = new Map<string, number>();
  let saturationRatePerSec = Number.POSITIVE_INFINITY;
  let bottleneck: string | null = null;
  for (const g of guidance) {
    const v = visits[index.get(g.id) ?? 0];
    notCovered.push(
      `Node "${g.id}" is an llm-server (continuous batching): its time in node, TTFT and TPOT are not predicted; its utilisation is the request rate over the mixed ceiling (replicas × requests/s), and its notes list what that ceiling leaves out.`,
    );
    if (g.guidance === null || !(v > 0)) continue;
    const ceiling = g.replicas * g.guidance.requestsPerSec;
    util.set(g.id, ceiling > 0 ? (ratePerSec * v) / ceiling : Number.POSITIVE_INFINITY);
    const entryRate = ceiling / v;
    if (entryRate < saturationRatePerSec) {
      saturationRatePerSec = entryRate;
      bottleneck = g.id;
    }
  }
  return { guidance, util, saturationRatePerSec, bottleneck, notCovered };
}
