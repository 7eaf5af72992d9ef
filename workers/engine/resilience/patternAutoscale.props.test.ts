/**
 * Properties of runs with resilience patterns AND autoscalers over random small documents (fast-check;
 * patternSim.ts's ElasticPatternSimulator): breakers, back-offs, retry budgets and hedging on random sync
 * edges, in-flight caps, lifo and slowdown on random nodes, HPAs and KPAs on random nodes (and maybe on the
 * monolith), a crash or an error burst, an open or a closed workload. The combinations still refused
 * (patternSemantics.ts: a rate limit on an autoscaled node, slowdown on a pooled one, and both on the merged
 * components of an autoscaled monolith) are left out. Requests are conserved in both
 * designs with every loss counted by its cause, and the same seed gives the same results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../parse';
import { runPoint } from '../run';
import type { Topology } from '../schema';
import { conserved } from '../testing/conservation';

const autoscaler = fc.oneof(
  fc.record({ policy: fc.constant('hpa'), metric: fc.constantFrom('utilization', 'concurrency'), target: fc.constantFrom(0.5, 2), minReplicas: fc.integer({ min: 1, max: 2 }), maxReplicas: fc.integer({ min: 3, max: 6 }), syncPeriodSec: fc.constant(2) }),
  fc.record({ policy: fc.constant('kpa'), target: fc.constantFrom(1, 3), minReplicas: fc.integer({ min: 0, max: 1 }), maxReplicas: fc.integer({ min: 2, max: 6 }) }),
);

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
  autoscale: fc.option(autoscaler),
});

const edge = fc.record({
  async: fc.boolean(),
  timeout: fc.option(fc.record({ timeoutMs: fc.double({ min: 5, max: 80, noNaN: true }), retries: fc.integer({ min: 0, max: 2 }) })),
  backoff: fc.option(fc.record({ baseMs: fc.double({ min: 0.5, max: 30, noNaN: true }), multiplier: fc.double({ min: 1, max: 4, noNaN: true }), maxMs: fc.constant(200), jitter: fc.constantFrom('full', 'none') })),
  budget: fc.option(fc.constantFrom({ kind: 'envoy', budgetPercent: 20, minRetryConcurrency: 1 }, { kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 })),
  hedging: fc.option(fc.record({ hedgeAfterMs: fc.double({ min: 0, max: 20, noNaN: true }), maxAttempts: fc.integer({ min: 2, max: 5 }) }), { freq: 2 }),
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
    fault: fc.option(fc.record({ crash: fc.boolean(), target: fc.nat(), x: fc.double({ min: 0.1, max: 1, noNaN: true }), atSec: fc.integer({ min: 0, max: 6 }) })),
    ratePerSec: fc.double({ min: 20, max: 300, noNaN: true }),
    closed: fc.option(fc.record({ users: fc.integer({ min: 1, max: 40 }), thinkMs: fc.double({ min: 1, max: 200, noNaN: true }) })),
    mono: fc.option(autoscaler, { freq: 4 }),
  })
  .map(({ nodes, edges, fault, ratePerSec, closed, mono }): Topology | null => {
    if (!nodes.some((n) => n.autoscale !== null) && mono === null) return null;
    // An autoscaled monolith runs the merged components in its pooled units: no slowdown or rate limit on them.
    const unit = mono !== null;
    const scaled = (k: number) => nodes[k].autoscale !== null || unit;
    // A chain n0 → n1 → …, one edge per link while edges last.
    const es = edges.slice(0, nodes.length - 1).map((e, k) => {
      const hedged = !e.async && e.hedging !== null;
      const retried = !e.async && !hedged && e.timeout !== null;
      return {
        id: `e${k}`,
        source: `n${k}`,
        target: `n${k + 1}`,
        mode: e.async ? 'async' : 'sync',
        networkMs: 0.5,
        ...(hedged ? { hedging: e.hedging } : {}),
        ...(retried ? e.timeout : {}),
        ...(retried && e.timeout!.retries > 0 && e.backoff ? { backoff: e.backoff } : {}),
        ...(retried && e.timeout!.retries > 0 && e.budget ? { retryBudget: e.budget } : {}),
        ...(!e.async && !hedged && e.breaker ? { circuitBreaker: e.breaker } : {}),
      };
    });
    const admission = (n: (typeof nodes)[number], k: number) => {
      const rateLimit = scaled(k) ? null : n.rateLimit;
      return n.maxInFlight !== null || rateLimit !== null ? { admission: { ...(n.maxInFlight !== null ? { maxInFlight: n.maxInFlight } : {}), ...(rateLimit !== null ? { rateLimit } : {}) } } : {};
    };
    const slowOk = (n: (typeof nodes)[number]) => !unit && !(n.autoscale !== null && n.balancer === 'pooled');
    const events = fault
      ? [
          fault.crash
            ? { atSec: fault.atSec, durationSec: 3, kind: 'crash', target: `n${fault.target % nodes.length}`, fraction: fault.x }
            : { atSec: fault.atSec, durationSec: 3, kind: 'errors', target: `n${fault.target % nodes.length}`, fraction: fault.x },
        ]
      : [];
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
        ...(n.slowdown !== null && slowOk(n) ? { slowdown: n.slowdown } : {}),
        ...(n.autoscale !== null ? { autoscale: n.autoscale, coldStart: { dist: 'deterministic', meanSec: 0.5 + (i % 3) } } : {}),
        ...admission(n, i),
      })),
      edges: es,
      workload: closed ? { entry: 'n0', model: 'closed', users: closed.users, thinkTime: { dist: 'exponential', meanMs: closed.thinkMs } } : { entry: 'n0', ratePerSec },
      run: { durationSec: 10, warmupSec: 1 },
      ...(unit ? { monolith: { autoscale: { ...mono, minReplicas: Math.max(1, mono.minReplicas) } } } : {}),
      ...(events.length > 0 ? { scenario: { events } } : {}),
    });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return r.doc;
  })
  .filter((d): d is Topology => d !== null);


describe('resilience patterns with autoscalers on random documents', () => {
  it('conserve requests in both designs (every loss by its cause) and give the same results for the same seed', () => {
    let rejecting = 0;
    let breaking = 0;
    let scaledUp = 0;
    let closedRuns = 0;
    let hedgedIntoScaled = 0;
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 1000 }), (doc, seed) => {
        const a = runPoint(doc, { seed });
        conserved(a.microservices);
        conserved(a.monolith);
        expect(runPoint(doc, { seed }).microservices).toEqual(a.microservices);
        if ((a.microservices.endToEnd.rejected ?? 0) > 0) rejecting++;
        if ((a.microservices.endToEnd.errorsByCause?.breakerOpen ?? 0) > 0) breaking++;
        if (a.microservices.nodes.some((n) => (n.elasticity?.coldStarts ?? 0) > 0)) scaledUp++;
        if (doc.edges.some((x) => x.hedging && doc.nodes.find((n) => n.id === x.target)?.autoscale)) hedgedIntoScaled++;
        const users = doc.workload.model === 'closed' ? (doc.workload.users ?? 0) : 0;
        if (users > 0) {
          closedRuns++;
          expect(a.microservices.endToEnd.inFlight).toBeLessThanOrEqual(users);
          expect(a.monolith.endToEnd.inFlight).toBeLessThanOrEqual(users);
        }
      }),
      { numRuns: 40, seed: 13, endOnFailure: true },
    );
    // The generator reaches the patterns and the autoscalers (a property over runs that never reject or scale would test nothing).
    expect(rejecting).toBeGreaterThan(3);
    expect(breaking).toBeGreaterThan(1);
    expect(scaledUp).toBeGreaterThan(3);
    expect(closedRuns).toBeGreaterThan(3);
    expect(hedgedIntoScaled).toBeGreaterThan(1);
  });
});
