import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../../workers/engine/parse';
import { loadTemplate } from '../../../workers/templates';
import { documentErrors } from '../../store/validation';
import { BREAKER_DEFAULTS, breakerField, breakerOn, bucketRate, maxInFlight, queueDiscipline, rateLimitField, rateLimitOn } from './resilienceEdits';

describe('resilience edits', () => {
  it('the breaker defaults are Resilience4j’s', () => {
    expect(BREAKER_DEFAULTS).toEqual({
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      failureRateThreshold: 50,
      slowCallRateThreshold: 100,
      slowCallDurationThresholdMs: 60_000,
      waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
  });

  it('turns a breaker off (the key goes) and on again (defaults), and edits a field', () => {
    const doc = loadTemplate('retry-storm-breaker');
    const off = breakerOn('gateway-features', false)(doc);
    expect('circuitBreaker' in off.edges[0]).toBe(false);
    expect(JSON.stringify(off.edges)).not.toContain('circuitBreaker');
    const on = breakerOn('gateway-features', true)(off);
    expect(on.edges[0].circuitBreaker).toEqual(BREAKER_DEFAULTS);
    const edited = breakerField('gateway-features', 'failureRateThreshold', 25)(on);
    expect(edited.edges[0].circuitBreaker?.failureRateThreshold).toBe(25);
    expect(documentErrors(edited)).toEqual([]);
    // A rate over 100 % is refused by the parser under the field's path.
    const bad = breakerField('gateway-features', 'failureRateThreshold', 150)(on);
    expect(documentErrors(bad).map((e) => e.path)).toEqual(['edges[0].circuitBreaker.failureRateThreshold']);
  });

  it('admission: max in flight and a rate limit, each removable; none left removes the key', () => {
    const doc = loadTemplate('retry-storm-breaker');
    let d = maxInFlight('features', 8)(doc);
    expect(d.nodes[1].admission).toEqual({ maxInFlight: 8 });
    d = rateLimitOn('features', true)(d);
    expect(d.nodes[1].admission).toEqual({ maxInFlight: 8, rateLimit: { maxTokens: 100, tokensPerFill: 100, fillIntervalMs: 1000 } });
    d = rateLimitField('features', 'fillIntervalMs', 500)(d);
    expect(bucketRate(d.nodes[1].admission!.rateLimit!)).toEqual({ perSec: 200, burst: 100 });
    expect(parseTopology(d).ok).toBe(true);
    d = maxInFlight('features', null)(d);
    expect(d.nodes[1].admission).toEqual({ rateLimit: { maxTokens: 100, tokensPerFill: 100, fillIntervalMs: 500 } });
    d = rateLimitOn('features', false)(d);
    expect('admission' in d.nodes[1]).toBe(false);
  });

  it('queue discipline: lifo is written, fifo removes the key; lifo on an llm-server is refused by the parser', () => {
    const doc = loadTemplate('retry-storm-breaker');
    const lifo = queueDiscipline('features', 'lifo')(doc);
    expect(lifo.nodes[1].queueDiscipline).toBe('lifo');
    expect(documentErrors(lifo)).toEqual([]);
    expect('queueDiscipline' in queueDiscipline('features', 'fifo')(lifo).nodes[1]).toBe(false);
    const llm = loadTemplate('llm-router');
    const i = llm.nodes.findIndex((n) => n.kind === 'llm-server');
    const refused = queueDiscipline(llm.nodes[i].id, 'lifo')(llm);
    expect(documentErrors(refused).map((e) => e.path)).toContain(`nodes[${i}].queueDiscipline`);
  });

  it('on an autoscaled node maxInFlight is accepted, a rate limit adds the parser’s problem (the store refuses the edit)', () => {
    const doc = loadTemplate('netflix-autoscaled');
    const i = doc.nodes.findIndex((n) => n.autoscale != null && n.kind !== 'llm-server');
    const id = doc.nodes[i]!.id;
    expect(documentErrors(maxInFlight(id, 8)(doc))).toEqual([]);
    expect(documentErrors(rateLimitOn(id, true)(doc)).map((e) => e.path)).toContain(`nodes[${i}].admission.rateLimit`);
  });
});
