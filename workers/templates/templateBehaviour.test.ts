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
    ['tfx-serving', 'tfserving', 4 / 0.02],
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

  it('retrieve-rank-rerank: the budget-matched monolith (10 GPU hosts × 22 ms) saturates at 454.5 req/s', () => {
    const doc = loadTemplate('retrieve-rank-rerank');
    expect(doc.monolith.threadsPerReplica).toBe(10);
    const mono = analyze(deriveMonolith(doc));
    expect(mono.saturationRatePerSec).toBeCloseTo(10 / 0.022, 6);
  });

  it('retrieve-rank-rerank: the monolith wins at low load, the microservices at high load (simulated)', () => {
    const doc = loadTemplate('retrieve-rank-rerank');
    const low = runPoint(doc, { ratePerSec: 100, durationSec: 30, seed: 7 });
    const high = runPoint(doc, { ratePerSec: 430, durationSec: 30, seed: 7 });
    // Low load: the monolith saves the three merged hops (1 + 3 + 1 ms) and nearly all queueing is absent.
    expect(low.microservices.endToEnd.meanMs - low.monolith.endToEnd.meanMs).toBeGreaterThan(4);
    expect(low.microservices.endToEnd.meanMs - low.monolith.endToEnd.meanMs).toBeLessThan(6);
    // High load: 10 pooled GPU hosts at ρ = 0.95 queue far longer than 8 ranker replicas at ρ = 0.81.
    expect(high.monolith.endToEnd.meanMs).toBeGreaterThan(high.microservices.endToEnd.meanMs + 10);
  });
});
