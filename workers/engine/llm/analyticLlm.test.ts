/** The analytic guidance of llm-servers in the analytic result, against the simulator's saturated throughput. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytic';
import { simulateDesign } from '../run';
import { testDoc2 } from '../testing/docs';

const doc = (replicas: number) =>
  testDoc2({
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 1000, serviceTime: { dist: 'deterministic', meanMs: 0.1 } },
      { id: 'llm', kind: 'llm-server', replicas, balancer: 'least-outstanding', llm: { alphaMs: 10, betaMs: 0.1, kvCacheTokens: 1_000_000, maxNumSeqs: 16 } },
    ],
    edges: [{ id: 'e', source: 'gw', target: 'llm' }],
    workload: { entry: 'gw', ratePerSec: 20, tokens: { input: { dist: 'deterministic', mean: 16 }, output: { dist: 'deterministic', mean: 512 } } },
  });

describe('analytic guidance for llm-servers', () => {
  it('gives the KV capacity, the decode-bound ceiling and the request ceiling, and makes the LLM the bottleneck', () => {
    const a = analyze(doc(2), 1);
    const g = a.llm![0].guidance!;
    expect(g.kvCapacityTokens).toBe(1_000_000);
    expect(g.concurrency).toBe(16);
    // 16 / step(16) = 16 / 11.6 ms; mixed: a step of 16 × (16 + 511) / 512 tokens yields 16 tokens.
    expect(g.decodeTokensPerSec).toBeCloseTo(16_000 / 11.6, 9);
    const mixedStep = 10 + 0.1 * ((16 * 527) / 512);
    expect(g.requestsPerSec).toBeCloseTo(16_000 / mixedStep / 512, 9);
    expect(a.bottleneck).toBe('llm');
    expect(a.saturationRatePerSec).toBeCloseTo(2 * g.requestsPerSec, 9);
    expect(a.nodes[1].utilization).toBeCloseTo(1 / (2 * g.requestsPerSec), 9);
    expect(a.meanMs).toBeNull();
    expect(a.notCovered.some((t) => t.includes('llm-server'))).toBe(true);
  });

  it('the saturated simulation reaches the analytic request ceiling within 2%', () => {
    const a = analyze(doc(2), 20);
    const r = simulateDesign(doc(2), { durationSec: 120, warmupSec: 20 });
    const simReqPerSec = r.llm!.tokensPerSec / 512;
    expect(simReqPerSec / a.saturationRatePerSec!).toBeGreaterThan(0.98);
    expect(simReqPerSec / a.saturationRatePerSec!).toBeLessThan(1.02);
  });
});
