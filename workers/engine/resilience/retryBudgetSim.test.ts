/**
 * Retry budgets on edges (schema.ts `edge.retryBudget`, retryBudget.ts,
 * patternBudget.ts): the field parses with Envoy's defaults and is refused
 * where it would do nothing; in the simulator Envoy's budget caps a retry
 * storm at its concurrency rule and gRPC's throttle stops and resumes
 * retries with its tokens.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { replicationSeed } from '../rng';
import type { ReplicationResult } from '../raw';
import { combineReplications, resolveRun, runPoint, simSpec, simulateDesign, simulateReplication } from '../run';
import type { Topology } from '../schema';
import { testDoc2 } from '../testing/docs';
import { PatternSimulator } from './patternSim';
import { usesPatterns } from './patternSemantics';

/** api → db with the given retry budget and edge fields. */
function budgeted(retryBudget: Record<string, unknown>, extraEdge: Record<string, unknown> = {}): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, timeoutMs: 500, retries: 3, retryBudget, ...extraEdge }],
    workload: { entry: 'api', arrival: 'constant', ratePerSec: 1 },
    run: { durationSec: 10, warmupSec: 0, seed: 2 },
  });
}

describe('edge.retryBudget in the document', () => {
  it('takes Envoy’s defaults (20 %, 3) and keeps a gRPC throttle as given', () => {
    const doc = budgeted({ kind: 'envoy' });
    expect(doc.edges[0].retryBudget).toEqual({ kind: 'envoy', budgetPercent: 20, minRetryConcurrency: 3 });
    expect(usesPatterns(doc)).toBe(true);
    expect(budgeted({ kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 }).edges[0].retryBudget).toEqual({ kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 });
  });

  it('is refused without retries, on async edges and with out-of-range numbers', () => {
    expect(() => budgeted({ kind: 'envoy' }, { retries: 0 })).toThrow(/edges\[0\]\.retryBudget: a retry budget applies to sync edges with retries only/);
    expect(() => budgeted({ kind: 'envoy' }, { mode: 'async', timeoutMs: null })).toThrow(/retryBudget/);
    expect(() => budgeted({ kind: 'envoy', budgetPercent: 120 })).toThrow(/retryBudget\.budgetPercent/);
    expect(() => budgeted({ kind: 'grpc-throttle', maxTokens: 2000, tokenRatio: 0.1 })).toThrow(/retryBudget\.maxTokens/);
    expect(() => budgeted({ kind: 'grpc-throttle', maxTokens: 10 })).toThrow(/retryBudget\.tokenRatio/);
    expect(() => budgeted({ kind: 'token-bucket' })).toThrow(/retryBudget/);
  });
});

/**
 * A retry storm held back: db takes 200 ms, the edge times out each attempt at 50 ms and retries 3 times, so
 * every attempt times out and, unbudgeted, each request sends 4 attempts. Arrivals are evenly spaced at λ/s, so
 * λ × 0.05 first attempts are in flight at any time. Envoy's budget lets a retry start while the retries in
 * flight (each holds its slot for its 50 ms attempt) are fewer than max(⌊p/100 × active⌋, min), active =
 * first attempts + retries in flight: the retries in flight settle at R = max(⌊p/100 × (λ·0.05 + R)⌋, min),
 * and db's attempt rate at λ + R / 0.05 s.
 */
function storm(ratePerSec: number, retryBudget?: Record<string, unknown>): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 1, concurrency: 5000, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 5000, serviceTime: { dist: 'deterministic', meanMs: 200 } },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, timeoutMs: 50, retries: 3, ...(retryBudget ? { retryBudget } : {}) }],
    workload: { entry: 'api', arrival: 'constant', ratePerSec },
    run: { durationSec: 30, warmupSec: 2, seed: 4 },
  });
}

/** The retries in flight Envoy's rule settles at when the demand for retries exceeds it: the largest R with R ≤ limit(first + R). */
function settledRetries(first: number, percent: number, min: number): number {
  let r = 0;
  while (r < Math.max(Math.floor((percent / 100) * (first + r)), min)) r++;
  return r;
}

describe('Envoy retry budget in a retry storm', () => {
  const dbRate = (d: ReturnType<typeof simulateDesign>) => d.nodes.find((n) => n.id === 'db')!.arrivalRatePerSec;

  it('without a budget every request makes 4 attempts: the storm multiplies the callee’s load by 4', () => {
    const d = simulateDesign(storm(100));
    expect(dbRate(d) / 100).toBeCloseTo(4, 1);
    expect(d.retryBudgets).toBeUndefined();
  });

  it('at a low rate the floor min_retry_concurrency (default 3) caps it: λ + 3 / 0.05 s', () => {
    const d = simulateDesign(storm(100, { kind: 'envoy' }));
    const r = settledRetries(100 * 0.05, 20, 3);
    expect(r).toBe(3);
    expect(dbRate(d)).toBeGreaterThan(0.95 * (100 + r / 0.05));
    expect(dbRate(d)).toBeLessThan(1.05 * (100 + r / 0.05)); // 160/s instead of 400/s
    const b = d.retryBudgets![0];
    expect(b).toMatchObject({ edge: 'api-db', kind: 'envoy' });
    // Each request asks for up to 3 retries; the refused ones fail at once with the timeout's cause.
    const e = d.endToEnd;
    expect(e.errorsByCause?.timeout).toBe(e.errors);
    expect(b.retriesAllowed / 30).toBeCloseTo(r / 0.05, -1);
    expect(b.retriesRefused).toBeGreaterThan(b.retriesAllowed);
  });

  it('at a high rate the percentage caps it: retries in flight ≈ 20 % of the active requests', () => {
    const d = simulateDesign(storm(1000, { kind: 'envoy', budgetPercent: 20, minRetryConcurrency: 3 }));
    const r = settledRetries(1000 * 0.05, 20, 3);
    expect(r).toBe(12); // ⌊0.2 × (50 + 12)⌋ = 12
    expect(dbRate(d)).toBeGreaterThan(0.95 * (1000 + r / 0.05));
    expect(dbRate(d)).toBeLessThan(1.05 * (1000 + r / 0.05)); // ≈ 1240/s instead of 4000/s
    // A larger budget lets more through.
    const wide = simulateDesign(storm(1000, { kind: 'envoy', budgetPercent: 50, minRetryConcurrency: 3 }));
    const rw = settledRetries(50, 50, 3);
    expect(dbRate(wide)).toBeGreaterThan(0.95 * (1000 + rw / 0.05));
    expect(dbRate(wide)).toBeLessThan(1.05 * (1000 + rw / 0.05));
  });
});

describe('retry budget with a back-off', () => {
  it('a retry waiting out its back-off holds its slot (Envoy decides before the back-off): λ + 3 / (50 + 50 ms)', () => {
    const doc = storm(100, { kind: 'envoy' });
    doc.edges[0].backoff = { baseMs: 50, multiplier: 1, maxMs: 50, jitter: 'none' };
    const d = simulateDesign(doc);
    const rate = d.nodes.find((n) => n.id === 'db')!.arrivalRatePerSec;
    expect(rate).toBeGreaterThan(0.95 * 130);
    expect(rate).toBeLessThan(1.05 * 130); // the slot is held 100 ms: 30 retries/s, not 60
  });
});

/**
 * gRPC retry throttling (A6): api → db at 10 requests/s, 3 retries; db fails every visit during two 10 s
 * errors events (20–30 s and 60–70 s) and is healthy otherwise. maxTokens 10, tokenRatio 0.1: the bucket starts
 * full; the first failing call takes 4 tokens (10 → 6) and may retry each time (tokens > 5); the next call's
 * failure leaves 5 and its retry is refused; every later one too. Between the events 100 successes refill it
 * (0.1 each), so the second event again allows exactly one call's 3 retries.
 */
function throttled(): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, timeoutMs: 500, retries: 3, retryBudget: { kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 } }],
    workload: { entry: 'api', arrival: 'constant', ratePerSec: 10 },
    run: { durationSec: 90, warmupSec: 0, seed: 2 },
    scenario: {
      events: [
        { atSec: 20, durationSec: 10, kind: 'errors', target: 'db', fraction: 1 },
        { atSec: 60, durationSec: 10, kind: 'errors', target: 'db', fraction: 1 },
      ],
    },
  });
}

/** Records, per retry decision, its time and outcome, and the bucket's tokens at the end. */
class Throttled extends PatternSimulator {
  readonly decisions: { t: number; ok: boolean }[] = [];
  constructor(doc: Topology) {
    super(compileModel(doc), simSpec(doc, resolveRun(doc), replicationSeed(doc.run.seed, 0)));
    const b = this.budgets!;
    const allow = b.allowRetry.bind(b);
    b.allowRetry = (c, e) => {
      const ok = allow(c, e);
      this.decisions.push({ t: this.now, ok });
      return ok;
    };
  }
}

describe('gRPC retry throttling', () => {
  it('stops retrying once failures take the tokens to maxTokens / 2 and resumes after successes refill them', () => {
    const sim = new Throttled(throttled());
    sim.run();
    const inFirst = sim.decisions.filter((x) => x.t >= 20_000 && x.t < 31_000);
    const inSecond = sim.decisions.filter((x) => x.t >= 60_000 && x.t < 71_000);
    expect(inFirst.length + inSecond.length).toBe(sim.decisions.length); // no retries while healthy
    for (const part of [inFirst, inSecond]) {
      expect(part.slice(0, 3).every((x) => x.ok)).toBe(true); // 10 → 9 → 8 → 7 → 6: > 5 each time
      expect(part.slice(3).every((x) => !x.ok)).toBe(true); // 5 is not > 5
      expect(part.length).toBeGreaterThan(90);
    }
    expect(sim.budgets!.throttle.tokens[0]).toBeCloseTo(10, 9); // refilled after the second event
    const d = simulateDesign(throttled());
    const b = d.retryBudgets![0];
    expect(b).toMatchObject({ kind: 'grpc-throttle', retriesAllowed: 6 });
    // Every failed request but the two that used their retries was refused its first retry.
    expect(b.retriesRefused).toBe(d.endToEnd.errors - 2);
    expect(d.endToEnd.errorsByCause?.error).toBe(d.endToEnd.errors);
  });
});

describe('retry budgets leave other documents alone', () => {
  it('compiles no budget for a document without one, and Envoy’s defaults into one with `{kind: "envoy"}`', () => {
    expect(compileModel(storm(100)).patterns).toBeNull();
    const p = compileModel(storm(100, { kind: 'envoy' })).patterns!;
    expect([p.budgetPercent[0], p.budgetMinRetries[0], p.budgetThrottle[0], p.edgeBudget[0]]).toEqual([20, 3, 0, 0]);
  });

  it('gives identical results from 1 or 4 workers, the budgets’ counts summed over replications', () => {
    const doc = storm(200, { kind: 'envoy', budgetPercent: 10, minRetryConcurrency: 2 });
    doc.workload.arrival = 'poisson';
    doc.run.durationSec = 10;
    doc.edges[0].backoff = { baseMs: 10, multiplier: 2, maxMs: 40, jitter: 'full' };
    const opts = { replications: 4 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [3, 1, 0, 2].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    expect(combineReplications(doc, opts, reps)).toEqual(one);
    const b = one.microservices.retryBudgets![0];
    expect(b.retriesRefused).toBeGreaterThan(0);
    expect(b.retriesAllowed).toBeGreaterThan(0);
    // Each replication's raw counts (allowed, refused) add up to the result's.
    expect(reps.reduce((a, r) => a + r.microservices.retryBudgets![0], 0)).toBe(b.retriesAllowed);
    expect(reps.reduce((a, r) => a + r.microservices.retryBudgets![1], 0)).toBe(b.retriesRefused);
  });
});
