/**
 * The templates behave as their descriptions and docs/templates.md say:
 * the bottleneck and saturation rates quoted there, and the monolith
 * crossover of the retrieve → rank → re-rank template, checked with the
 * engine's analytic model and a short simulation.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/analytic';
import { deriveMonolith } from '../engine/monolith';
import { runPoint } from '../engine/run';
import { loadTemplate } from './index';

describe('template numbers quoted in the docs', () => {
  // [template, bottleneck, its saturation rate in req/s (servers / (visits × service time))]
  it.each([
    ['netflix', 'ranker', 16 / 0.012],
    ['uber-michelangelo', 'prediction', 8 / 0.002],
    // Batching counts in the saturation rate: 4 servers × b / T(b), b = 8, T(8) = 20 ms × (1 + 0.1 × 7).
    ['tfx-serving', 'tfserving', (4 * 8) / (0.02 * 1.7)],
    // 4 A100s × a full batch of 8 in 329.5 ms (the measured table).
    ['rag-llm', 'llm', (4 * 8) / 0.3295],
    ['retrieve-rank-rerank', 'ranker', 8 / 0.015],
    ['ml-lifecycle', 'serving', 8 / 0.012],
    ['mm1', 'server', 1 / 0.01],
    ['mmc', 'pool', 4 / 0.04],
    ['tandem', 'stage2', 1 / 0.008],
  ] as const)('%s: the bottleneck is %s, saturating at %d req/s', (id, bottleneck, rate) => {
    const a = analyze(loadTemplate(id));
    expect(a.bottleneck).toBe(bottleneck);
    expect(a.saturationRatePerSec).toBeCloseTo(rate, 6);
  });

  it('retrieve-rank-rerank: the monolith keeps the ranker on its 8 GPU slots, apart from its 10 threads (7 ms of CPU work per request)', () => {
    const doc = loadTemplate('retrieve-rank-rerank');
    expect(doc.monolith.threadsPerReplica).toBe(10);
    const mono = analyze(deriveMonolith(doc));
    // GPU slots: 8 / 15 ms = 533 req/s; threads: 10 / (1 + 2 + 4 ms) = 1429 req/s.
    expect(mono.bottleneck).toBe('ranker');
    expect(mono.saturationRatePerSec).toBeCloseTo(8 / 0.015, 6);
  });

  it('retrieve-rank-rerank: the monolith saves the merged hops at low and at high load (simulated)', () => {
    const doc = loadTemplate('retrieve-rank-rerank');
    const low = runPoint(doc, { ratePerSec: 100, durationSec: 30, seed: 7 });
    const high = runPoint(doc, { ratePerSec: 430, durationSec: 30, seed: 7 });
    // Low load: the monolith saves the three merged hops (1 + 3 + 1 ms) and nearly all queueing is absent.
    expect(low.microservices.endToEnd.meanMs - low.monolith.endToEnd.meanMs).toBeGreaterThan(4);
    expect(low.microservices.endToEnd.meanMs - low.monolith.endToEnd.meanMs).toBeLessThan(6);
    // High load: the same 8 GPU slots queue alike in both designs; the monolith still saves the hops.
    expect(high.monolith.endToEnd.meanMs).toBeLessThan(high.microservices.endToEnd.meanMs);
  });
});
