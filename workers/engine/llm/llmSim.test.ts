/**
 * LLM serving through the simulator (issue 13, "Done when"): exact step arithmetic for a lone
 * request, streaming, disaggregated prefill → decode with a KV transfer, the KV-capacity formula
 * as compiled, preemptions with conservation under a small cache, and the saturated decode ceiling.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { simulateDesign } from '../run';
import { testDoc2 } from '../testing/docs';

const det = (mean: number) => ({ dist: 'deterministic', mean });
const A100_80 = { id: 'a100-80', label: 'A100 80GB', cpuCores: 12, gpus: 1, gpuMemoryGb: 80, costPerHour: 4 };

/** An llm-server `llm` fed directly (or through a 0 ms gateway when `via` is set) at a constant rate. */
function llmDoc(llm: Record<string, unknown>, tokens: { input: number; output: number }, ratePerSec: number, edge?: Record<string, unknown>) {
  const nodes: Record<string, unknown>[] = [{ id: 'llm', kind: 'llm-server', replicas: 1, balancer: 'round-robin', llm }];
  const edges: Record<string, unknown>[] = [];
  if (edge) {
    nodes.unshift({ id: 'gw', kind: 'gateway', replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 0 } });
    edges.push({ id: 'e', source: 'gw', target: 'llm', networkMs: 0, ...edge });
  }
  return testDoc2({
    nodes,
    edges,
    workload: { entry: edge ? 'gw' : 'llm', arrival: 'constant', ratePerSec, tokens: { input: det(tokens.input), output: det(tokens.output) } },
  });
}

describe('one request alone', () => {
  // α = 10 ms, β = 0.1 ms/token, 100 input and 5 output tokens: the prefill step (100 tokens) gives the first
  // token at α + 100β = 20 ms; each of the 4 decode steps (1 token) takes α + β = 10.1 ms: done at 60.4 ms.
  const llm = { alphaMs: 10, betaMs: 0.1, kvCacheTokens: 100_000 };

  it('takes one prefill step plus (out − 1) decode steps, from α and β exactly', () => {
    const r = simulateDesign(llmDoc(llm, { input: 100, output: 5 }, 2), { durationSec: 60, warmupSec: 1 });
    const l = r.llm!;
    expect(l.completed).toBeGreaterThan(100);
    expect(l.ttftMs.mean).toBeCloseTo(20, 9);
    expect(l.tpotMs.mean).toBeCloseTo(10.1, 9);
    expect(l.e2eMs.mean).toBeCloseTo(60.4, 9);
    expect(r.endToEnd.meanMs).toBeCloseTo(60.4, 9);
    expect(l.tokensPerSec).toBeCloseTo(5 * 2, 1);
    expect(l.preemptions).toBe(0);
    expect(r.llmNodes!.map((n) => n.id)).toEqual(['llm']);
  });

  it('a streaming edge returns to its caller at the first token; the generation still runs to its end', () => {
    const r = simulateDesign(llmDoc(llm, { input: 100, output: 5 }, 2, { streaming: true }), { durationSec: 60, warmupSec: 1 });
    expect(r.endToEnd.meanMs).toBeCloseTo(20, 9);
    expect(r.llm!.e2eMs.mean).toBeCloseTo(60.4, 9);
    const plain = simulateDesign(llmDoc(llm, { input: 100, output: 5 }, 2, {}), { durationSec: 60, warmupSec: 1 });
    expect(plain.endToEnd.meanMs).toBeCloseTo(60.4, 9);
  });

  it('an edge overrides the request’s tokens (a RAG call carries its context)', () => {
    const r = simulateDesign(llmDoc(llm, { input: 100, output: 5 }, 2, { tokens: { input: det(300) } }), { durationSec: 60, warmupSec: 1 });
    // Prefill of 300 tokens: 10 + 30 = 40 ms, then 4 × 10.1.
    expect(r.llm!.ttftMs.mean).toBeCloseTo(40, 9);
    expect(r.endToEnd.meanMs).toBeCloseTo(80.4, 9);
  });

  it('chunked prefill splits a prompt larger than the token budget into steps', () => {
    // 100 input tokens with a budget of 32: prefill steps of 32, 32, 32, 4 tokens; the last gives the first token.
    const r = simulateDesign(llmDoc({ ...llm, maxNumSeqs: 4, maxNumBatchedTokens: 32 }, { input: 100, output: 5 }, 2), { durationSec: 30, warmupSec: 1 });
    expect(r.llm!.ttftMs.mean).toBeCloseTo(3 * (10 + 3.2) + (10 + 0.4), 9);
  });
});

describe('disaggregated prefill → decode', () => {
  it('TTFT at the prefill node; the decode node starts after the KV transfer and makes the other out − 1 tokens', () => {
    const model = { preset: 'llama-2-7b@a100-80gb', alphaMs: 10, betaMs: 0.1 };
    const doc = testDoc2({
      hardware: [A100_80],
      nodes: [
        { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 100, serviceTime: { dist: 'deterministic', meanMs: 0 } },
        { id: 'pre', kind: 'llm-server', hardware: 'a100-80', balancer: 'round-robin', llm: { ...model, mode: 'prefill' } },
        { id: 'dec', kind: 'llm-server', hardware: 'a100-80', balancer: 'round-robin', llm: { ...model, alphaMs: 8, betaMs: 0.2, mode: 'decode' } },
      ],
      edges: [
        { id: 'a', source: 'gw', target: 'pre', networkMs: 0 },
        { id: 'kv', source: 'pre', target: 'dec', networkMs: 1, kvTransfer: { fixedMs: 0.5, gbPerSec: 52.4288 } },
      ],
      workload: { entry: 'gw', arrival: 'constant', ratePerSec: 2, tokens: { input: det(100), output: det(5) } },
    });
    const r = simulateDesign(doc, { durationSec: 60, warmupSec: 1 });
    // Prefill: 10 + 100 × 0.1 = 20 ms. Transfer: 1 ms network + 0.5 ms + 100 × 524 288 B / 52.4288 GB/s = 1 ms. Decode: 4 × (8 + 0.2).
    const transferMs = 1 + 0.5 + 1;
    const doneMs = 20 + transferMs + 4 * 8.2;
    expect(r.endToEnd.meanMs).toBeCloseTo(doneMs, 9);
    const pre = r.llmNodes!.find((n) => n.id === 'pre')!;
    const dec = r.llmNodes!.find((n) => n.id === 'dec')!;
    expect(pre.ttftMs.mean).toBeCloseTo(20, 9);
    expect(pre.e2eMs.mean).toBeCloseTo(20, 9);
    expect(dec.ttftMs.mean).toBeCloseTo(20, 9);
    expect(dec.e2eMs.mean).toBeCloseTo(doneMs, 9);
    expect(dec.tpotMs.mean).toBeCloseTo((transferMs + 4 * 8.2) / 4, 9);
    // The design counts each generation once (at the decode node).
    expect(r.llm!.completed).toBe(dec.completed);
    expect(r.llm!.e2eMs.mean).toBeCloseTo(doneMs, 9);
  });
});

describe('KV cache', () => {
  it('compiles Llama-2-7B fp16 to 0.5 MiB per token: 121 744 tokens on an A100-80GB at 0.9', () => {
    const doc = testDoc2({
      hardware: [A100_80],
      nodes: [{ id: 'llm', kind: 'llm-server', hardware: 'a100-80', llm: { preset: 'llama-2-7b@a100-80gb' } }],
      workload: { entry: 'llm' },
    });
    const en = compileModel(doc).engines;
    expect(en.llmKvBytesPerToken[0]).toBe(524_288);
    // (80 × 0.9 − 12.554) GiB / 0.5 MiB, whole tokens (design note §2).
    expect(en.llmSpecs[0]!.kvCacheTokens).toBe(121_744);
  });

  it('a constrained cache preempts (newest first, recomputed later) and every request is still accounted for', () => {
    // 64 blocks of 16 tokens; each request holds up to 64 + 191 tokens = 16 blocks: at most 4 fit when fully grown.
    const doc = testDoc2({
      nodes: [{ id: 'llm', kind: 'llm-server', balancer: 'round-robin', llm: { alphaMs: 5, betaMs: 0.05, kvCacheTokens: 1024, maxNumSeqs: 32 } }],
      workload: { entry: 'llm', ratePerSec: 8, tokens: { input: { dist: 'lognormal', mean: 64, cv: 0.5 }, output: { dist: 'lognormal', mean: 120, cv: 0.5 } } },
    });
    const r = simulateDesign(doc, { durationSec: 120, warmupSec: 10, seed: 3 });
    const e = r.endToEnd;
    expect(r.llm!.preemptions).toBeGreaterThan(10);
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
    // Requests too long for the whole cache are refused (errors), never lost.
    expect(r.llm!.refused).toBe(e.errors);
    expect(r.llm!.completed).toBeGreaterThanOrEqual(e.completed);
    expect(r.llm!.kvOccupancyMean).toBeGreaterThan(0.5);
    expect(r.llm!.kvOccupancyMean).toBeLessThanOrEqual(1);
  });
});

describe('saturated decode throughput', () => {
  it('matches maxNumSeqs / step(maxNumSeqs) within 2%', () => {
    // 16 sequences, α 10 ms, β 0.1: step(16) = 11.6 ms, so at most 16 / 11.6 ms = 1379.3 tokens/s. Offered far above it.
    const doc = testDoc2({
      nodes: [{ id: 'llm', kind: 'llm-server', balancer: 'round-robin', llm: { alphaMs: 10, betaMs: 0.1, kvCacheTokens: 1_000_000, maxNumSeqs: 16 } }],
      workload: { entry: 'llm', ratePerSec: 8, tokens: { input: det(16), output: { dist: 'lognormal', mean: 512, cv: 0.5 } } },
    });
    const r = simulateDesign(doc, { durationSec: 120, warmupSec: 20 });
    const ceiling = (16 * 1000) / (10 + 0.1 * 16);
    const ratio = r.llm!.tokensPerSec / ceiling;
    expect(ratio).toBeGreaterThan(0.98);
    expect(ratio).toBeLessThanOrEqual(1 + 1e-9);
    expect(r.saturated).toBe(true);
  });
});

describe('documents without llm-servers', () => {
  it('carry no LLM figures', () => {
    const doc = testDoc2({ nodes: [{ id: 's', kind: 'service' }], workload: { entry: 's', ratePerSec: 10 } });
    const r = simulateDesign(doc, { durationSec: 5, warmupSec: 1 });
    expect(r.llm).toBeUndefined();
    expect(r.llmNodes).toBeUndefined();
  });
});
