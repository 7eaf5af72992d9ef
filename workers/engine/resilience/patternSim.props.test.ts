/**
 * Properties of runs with resilience patterns over random small documents
 * (fast-check): circuit breakers with small windows, retry back-offs and hedging on random sync edges,
 * admission control (in-flight caps, token buckets), lifo and load-dependent service time (slowdown) on random nodes,
 * with or without fault events, with an open or a closed workload. Requests are conserved in both designs with
 * every loss counted by its cause (rejected apart from errors), and the same
 * seed gives the same results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse';
import { runPoint } from '../run';
import type { Topology } from '../schema';
import { conserved } from '../testing/conservation';

const node = fc.record({
  kind: fc.constantFrom('service', 'database', 'gateway', 'feature-store'),
  replicas: fc.integer({ min: 1, max: 3 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  meanMs: fc.double({ min: 0.5, max: 15, noNaN: true }),
  holdWorkerDuringCalls: fc.boolean(),
  balancer: fc.constantFrom('pooled', 'round-robin', 'least-outstanding', 'p2c'),
  lifo: fc.boolean(),
  slowdown: fc.option(fc.record({ shape: fc.constantFrom('linear', 'exponential'), basis: fc.constantFrom('utilization', 'queueLength'), coefficient: fc.double({ min: 0, max: 3, noNaN: true }), maxFactor: fc.double({ min: 1, max: 20, noNaN: true }) })),
  maxInFlight: fc.option(fc.integer({ min: 1, max: 12 })),
  rateLimit: fc.option(fc.record({ maxTokens: fc.integer({ min: 1, max: 20 }), tokensPerFill: fc.integer({ min: 1, max: 3 }), fillIntervalMs: fc.double({ min: 2, max: 50, noNaN: true }) })),
});

const edge = fc.record({
  async: fc.boolean(),
  timeout: fc.option(fc.record({ timeoutMs: fc.double({ min: 5, max: 80, noNaN: true }), retries: fc.integer({ min: 0, max: 2 }) })),
  backoff: fc.option(fc.record({ baseMs: fc.double({ min: 0.5, max: 30, noNaN: true }), multiplier: fc.double({ min: 1, max: 4, noNaN: true }), maxMs: fc.constant(200), jitter: fc.constantFrom('full', 'none') })),
  hedged: fc.integer({ min: 0, max: 3 }),
  hedging: fc.option(fc.record({ hedgeAfterMs: fc.double({ min: 0, max: 20, noNaN: true }), maxAttempts: fc.integer({ min: 2, max: 5 }) })),
  breaker: fc.option(
    fc.record({
      slidingWindowSize: fc.integer({ min: 1, max: 20 }),
      minimumNumberOfCalls: fc.integer({ min: 1, max: 20 }),
      failureRateThreshold: fc.integer({ min: 1, max: 100 }),
      slowCallRateThreshold: fc.integer({ min: 1, max: 100 }),
      slowCallDurationThresholdMs: fc.integer({ min: 1, max: 100 }),
      waitDurationInOpenStateMs: fc.integer({ min: 1, max: 3000 }),
      permittedNumberOfCallsInHalfOpenState: fc.integer({ min: 1, max: 5 }),
    }),
  ),
});

const documents = fc
  .record({
    nodes: fc.array(node, { minLength: 2, maxLength: 4 }),
    edges: fc.array(edge, { minLength: 1, maxLength: 3 }),
    errors: fc.option(fc.record({ target: fc.nat(), fraction: fc.double({ min: 0.1, max: 1, noNaN: true }), atSec: fc.integer({ min: 0, max: 6 }) })),
    ratePerSec: fc.double({ min: 20, max: 300, noNaN: true }),
    closed: fc.option(fc.record({ users: fc.integer({ min: 1, max: 40 }), thinkMs: fc.double({ min: 1, max: 200, noNaN: true }) })),
  })
  .map(({ nodes, edges, errors, ratePerSec, closed }): Topology => {
    // A chain n0 → n1 → …, one edge per link while edges last.
    const es = edges.slice(0, nodes.length - 1).map((e, k) => ({
      id: `e${k}`,
      source: `n${k}`,
      target: `n${k + 1}`,
      mode: e.async ? 'async' : 'sync',
      networkMs: 0.5,
      // A quarter of the sync edges hedge (and then neither retry, time out nor break: gRPC A6).
      ...(!e.async && e.hedged === 0 && e.hedging ? { hedging: e.hedging } : {}),
      ...(!e.async && !(e.hedged === 0 && e.hedging) && e.timeout ? e.timeout : {}),
      ...(!e.async && !(e.hedged === 0 && e.hedging) && e.timeout && e.timeout.retries > 0 && e.backoff ? { backoff: e.backoff } : {}),
      ...(!e.async && !(e.hedged === 0 && e.hedging) && e.breaker ? { circuitBreaker: e.breaker } : {}),
    }));
    const admission = (n: (typeof nodes)[number]) =>
      n.maxInFlight !== null || n.rateLimit !== null ? { admission: { ...(n.maxInFlight !== null ? { maxInFlight: n.maxInFlight } : {}), ...(n.rateLimit !== null ? { rateLimit: n.rateLimit } : {}) } } : {};
    const r = parseTopology({
      format: 'loadsketch',
      version: 2,
      nodes: nodes.map((n, i) => ({
        id: `n${i}`,
        kind: n.kind,
        replicas: n.replicas,
        concurrency: n.concurrency,
        serviceTime: { dist: 'exponential', meanMs: n.meanMs },
        holdWorkerDuringCalls: n.holdWorkerDuringCalls,
        balancer: n.balancer,
        costPerReplicaHour: 0.1,
        ...(n.lifo ? { queueDiscipline: 'lifo' } : {}),
        ...(n.slowdown !== null ? { slowdown: n.slowdown } : {}),
        ...admission(n),
      })),
      edges: es,
      workload: closed ? { entry: 'n0', model: 'closed', users: closed.users, thinkTime: { dist: 'exponential', meanMs: closed.thinkMs } } : { entry: 'n0', ratePerSec },
      run: { durationSec: 10, warmupSec: 1 },
      ...(errors ? { scenario: { events: [{ atSec: errors.atSec, durationSec: 3, kind: 'errors', target: `n${errors.target % nodes.length}`, fraction: errors.fraction }] } } : {}),
    });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return r.doc;
  });


describe('resilience patterns on random documents', () => {
  it('conserve requests in both designs (every loss by its cause) and give the same results for the same seed', () => {
    let rejecting = 0;
    let breaking = 0;
    let closedRuns = 0;
    let hedgedRuns = 0;
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 1000 }), (doc, seed) => {
        const a = runPoint(doc, { seed });
        conserved(a.microservices);
        conserved(a.monolith);
        expect(runPoint(doc, { seed }).microservices.endToEnd).toEqual(a.microservices.endToEnd);
        if ((a.microservices.endToEnd.rejected ?? 0) > 0) rejecting++;
        if ((a.microservices.endToEnd.errorsByCause?.breakerOpen ?? 0) > 0) breaking++;
        if (doc.edges.some((x) => x.hedging)) hedgedRuns++;
        const users = doc.workload.model === 'closed' ? (doc.workload.users ?? 0) : 0;
        if (users > 0) {
          // A closed workload never has more requests in flight than users, in either design.
          closedRuns++;
          expect(a.microservices.endToEnd.inFlight).toBeLessThanOrEqual(users);
          expect(a.monolith.endToEnd.inFlight).toBeLessThanOrEqual(users);
          expect(a.microservices.endToEnd.arrivals).toBeGreaterThan(0);
        }
      }),
      { numRuns: 30, seed: 12, endOnFailure: true },
    );
    // The generator reaches both patterns (a property over documents that never reject would test nothing).
    expect(rejecting).toBeGreaterThan(3);
    expect(breaking).toBeGreaterThan(1);
    expect(closedRuns).toBeGreaterThan(3);
    expect(hedgedRuns).toBeGreaterThan(3);
  });
});
