/** Reading documents with llm-servers and Triton batching: defaults filled, every problem named by its field. */
import { describe, expect, it } from 'vitest';
import { parseTopology, serializeTopology } from '../parse';

const doc = (over: Record<string, unknown> = {}) => ({
  format: 'loadsketch',
  version: 2,
  nodes: [
    { id: 'gw', kind: 'gateway' },
    { id: 'emb', kind: 'model-server', batching: { maxBatch: 8, maxWaitMs: 1, triton: { preferredBatchSizes: [4] } } },
    { id: 'llm', kind: 'llm-server' },
  ],
  edges: [
    { id: 'a', source: 'gw', target: 'emb' },
    { id: 'b', source: 'gw', target: 'llm', streaming: true, tokens: { input: { dist: 'deterministic', mean: 2000 } } },
  ],
  workload: { entry: 'gw' },
  ...over,
});

const errorsOf = (raw: unknown) => {
  const r = parseTopology(raw);
  return r.ok ? [] : r.errors;
};

describe('llm-server and Triton documents', () => {
  it('fill the defaults: the L4 preset, vLLM limits, chat-like tokens, Triton queue policy; and round-trip', () => {
    const r = parseTopology(doc());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const llm = r.doc.nodes[2].llm!;
    expect(llm).toMatchObject({ preset: 'llama-3-8b@l4-24gb', maxNumSeqs: 256, maxNumBatchedTokens: 2048, chunkedPrefill: true, mode: 'both', kvCacheTokens: null });
    expect(llm.model?.kvHeads).toBe(8);
    expect(r.doc.workload.tokens?.output.mean).toBe(256);
    expect(r.doc.nodes[1].batching?.triton).toEqual({ preferredBatchSizes: [4], maxQueueSize: 0, timeoutAction: 'reject', defaultTimeoutMs: 0, instancesPerReplica: 1 });
    expect(r.doc.edges[1]).toMatchObject({ streaming: true, tokens: { input: { dist: 'deterministic', mean: 2000 } } });
    const again = parseTopology(JSON.parse(serializeTopology(r.doc)));
    expect(again.ok && again.doc).toEqual(r.doc);
  });

  it('documents without them serialize as before (no new fields)', () => {
    const r = parseTopology({ format: 'loadsketch', version: 2, nodes: [{ id: 's', kind: 'service' }], workload: { entry: 's' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = serializeTopology(r.doc);
    for (const field of ['"llm"', '"tokens"', '"streaming"', '"kvTransfer"', '"triton"', '"ttftMs"']) expect(text).not.toContain(field);
  });

  it.each([
    ['llm on another kind', (d: ReturnType<typeof doc>) => ((d.nodes[0] as Record<string, unknown>).llm = { preset: 'llama-2-7b@a100-80gb' }), 'nodes[0].llm'],
    ['a preferred size above maxBatch', (d: ReturnType<typeof doc>) => ((d.nodes[1] as Record<string, unknown>).batching = { maxBatch: 4, maxWaitMs: 0, triton: { preferredBatchSizes: [8] } }), 'nodes[1].batching.triton.preferredBatchSizes[0]'],
    ['an llm-server in a pool', (d: ReturnType<typeof doc>) => {
      (d as Record<string, unknown>).pools = [{ id: 'p', servers: 2 }];
      (d.nodes[2] as Record<string, unknown>).pool = 'p';
    }, 'nodes[2].pool'],
    ['a pooled llm-server', (d: ReturnType<typeof doc>) => ((d.nodes[2] as Record<string, unknown>).balancer = 'pooled'), 'nodes[2].balancer'],
    ['a model shape without any GPU memory', (d: ReturnType<typeof doc>) => ((d.nodes[2] as Record<string, unknown>).llm = { alphaMs: 5, betaMs: 0.1, model: { layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2, weightsGiB: 15 } }), 'nodes[2].hardware'],
    ['weights larger than the GPU', (d: ReturnType<typeof doc>) => Object.assign(d.nodes[2], { hardware: 'g6.xlarge', llm: { alphaMs: 5, betaMs: 0.1, model: { layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2, weightsGiB: 30 } } }), 'nodes[2].llm.model.weightsGiB'],
    ['both kvCacheTokens and model', (d: ReturnType<typeof doc>) => ((d.nodes[2] as Record<string, unknown>).llm = { alphaMs: 5, betaMs: 0.1, kvCacheTokens: 1000, model: { layers: 1, kvHeads: 1, headDim: 1, bytesPerElement: 2, weightsGiB: 1 } }), 'nodes[2].llm.kvCacheTokens'],
    ['neither alpha/beta nor a preset', (d: ReturnType<typeof doc>) => ((d.nodes[2] as Record<string, unknown>).llm = { kvCacheTokens: 1000 }), 'nodes[2].llm.alphaMs'],
    ['streaming into a non-LLM node', (d: ReturnType<typeof doc>) => ((d.edges[0] as Record<string, unknown>).streaming = true), 'edges[0].streaming'],
    ['tokens on an async edge', (d: ReturnType<typeof doc>) => ((d.edges[1] as Record<string, unknown>).mode = 'async'), 'edges[1].tokens'],
    ['kvTransfer not between prefill and decode', (d: ReturnType<typeof doc>) => ((d.edges[1] as Record<string, unknown>).kvTransfer = { gbPerSec: 50 }), 'edges[1].kvTransfer'],
    ['a decode node called by a gateway', (d: ReturnType<typeof doc>) => ((d.nodes[2] as Record<string, unknown>).llm = { preset: 'llama-3-8b@l4-24gb', mode: 'decode' }), 'edges[1].source'],
    ['a cv missing on lognormal tokens', (d: ReturnType<typeof doc>) => ((d.workload as Record<string, unknown>).tokens = { input: { dist: 'lognormal', mean: 5 }, output: { dist: 'deterministic', mean: 5 } }), 'workload.tokens.input.cv'],
  ])('names the field: %s', (_what, breakIt, path) => {
    const d = doc();
    breakIt(d);
    expect(errorsOf(d).map((e) => e.path)).toContain(path);
  });
});
