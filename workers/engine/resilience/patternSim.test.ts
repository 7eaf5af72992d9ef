/**
 * Circuit breakers on edges in the simulator (patternSim.ts; Resilience4j
 * rules in circuitBreaker.ts): an open breaker sends nothing, it opens and
 * re-opens as its window dictates, conservation holds with `breakerOpen`
 * counted as a cause, the same seed gives the same bits, and a document
 * without patterns never reaches the pattern simulator. Admission control
 * on nodes: an in-flight cap is a queue capacity (M/M/1/K), a token bucket
 * admits at most its tokens plus its fills, rejected attempts are retried,
 * conservation counts `rejected` apart.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import { N_VISITS, NODE_FIELDS } from '../raw';
import { replicationSeed } from '../rng';
import { resolveRun, simSpec, simulateDesign } from '../run';
import type { Topology } from '../schema';
import { conserved } from '../testing/conservation';
import { testDoc2 } from '../testing/docs';
import { CB_OPEN } from './circuitBreaker';
import { CAUSE_REJECTED } from './failureCauses';
import { FR_CAUSES } from './faultRaw';
import { PatternSimulator } from './patternSim';
import type { ScenarioEventSpec } from './scenarioSchema';

/** api → db (sync), λ = 100 req/s, 60 s, no warm-up. */
function breakerChain(events: ScenarioEventSpec[], extra: { edge?: Record<string, unknown>; db?: Record<string, unknown>; ratePerSec?: number; durationSec?: number } = {}): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 2, concurrency: 16, serviceTime: { dist: 'exponential', meanMs: 1 } },
      { id: 'db', kind: 'database', replicas: 2, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 2 }, ...extra.db },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, ...extra.edge }],
    workload: { entry: 'api', ratePerSec: extra.ratePerSec ?? 100 },
    run: { durationSec: extra.durationSec ?? 60, warmupSec: 0, seed: 5 },
    ...(events.length ? { scenario: { events } } : {}),
  });
}

/** Counts the visits that reach node `target` while breaker 0 is OPEN (the callee's side of "sends nothing"). */
class WatchedSimulator extends PatternSimulator {
  visitsWhileOpen = 0;
  visits = 0;
  constructor(
    doc: Topology,
    private readonly target: number,
  ) {
    const m = compileModel(doc);
    super(m, simSpec(doc, resolveRun(doc), replicationSeed(doc.run.seed, 0))); // replication 0, as simulateDesign runs it
  }
  protected override arrive(f: number): void {
    if (this.fNode[f] === this.target) {
      this.visits++;
      if (this.breakers.state[0] === CB_OPEN) this.visitsWhileOpen++;
    }
    super.arrive(f);
  }
}


const fast = { slidingWindowSize: 10, minimumNumberOfCalls: 10, waitDurationInOpenStateMs: 1000 };
const failing: ScenarioEventSpec[] = [{ atSec: 10, durationSec: 100, kind: 'errors', target: 'db', fraction: 1 }];

describe('circuit breakers in the simulator', () => {
  it('an open breaker sends nothing: the callee sees no visit from the edge while it is open', () => {
    const sim = new WatchedSimulator(breakerChain(failing, { edge: { circuitBreaker: fast } }), 1);
    sim.run();
    expect(sim.breakers.opened[0]).toBeGreaterThan(40); // re-opened after every failed trial window (every ~1 s)
    expect(sim.breakers.rejected[0]).toBeGreaterThan(4000);
    expect(sim.visitsWhileOpen).toBe(0);
    // 10 s healthy at 100/s, then at most the opening window and 10 trial calls per opening.
    expect(sim.visits).toBeLessThan(1000 + 10 + 10 * sim.breakers.opened[0] + 10);
  });

  it('a failing dependency: the breaker opens after half of its window failed, each trial window fails and re-opens it; causes add up', () => {
    const d = simulateDesign(breakerChain(failing, { edge: { circuitBreaker: fast } }));
    const sim = new WatchedSimulator(breakerChain(failing, { edge: { circuitBreaker: fast } }), 1);
    sim.run();
    const opened = sim.breakers.opened[0];
    const byCause = d.endToEnd.errorsByCause!;
    // Failures that reached the db: ≥ 5 of a window of 10 to open it, then the 10 trial calls of each re-opening.
    expect(byCause.error).toBeGreaterThanOrEqual(5 + 10 * (opened - 1));
    expect(byCause.error).toBeLessThanOrEqual(10 + 10 * opened);
    expect(byCause.breakerOpen).toBeGreaterThan(4000);
    expect(byCause.breakerOpen + byCause.error).toBe(d.endToEnd.errors);
    // The result keeps the breaker's own counts: every refusal failed one request (no retries here).
    expect(d.breakers).toEqual([{ edge: 'api-db', opened, refused: sim.breakers.rejected[0] }]);
    expect(byCause.breakerOpen).toBe(sim.breakers.rejected[0]);
    conserved(d);
  });

  it('a refused retry keeps the cause of the attempt before it; a breaker that never opens changes nothing', () => {
    const slow: ScenarioEventSpec[] = [{ atSec: 10, durationSec: 100, kind: 'latency', target: 'db', factor: 100 }];
    const edge = { timeoutMs: 50, retries: 2, circuitBreaker: fast };
    const d = simulateDesign(breakerChain(slow, { edge, ratePerSec: 50 }));
    expect(d.endToEnd.errorsByCause!.timeout).toBeGreaterThan(0);
    expect(d.endToEnd.errorsByCause!.breakerOpen).toBeGreaterThan(0);
    conserved(d);
    // A breaker whose thresholds are never reached: the same bits as the scenario simulator without it.
    const calm = [{ atSec: 10, durationSec: 5, kind: 'latency' as const, target: 'db', factor: 1.5 }];
    const a = simulateDesign(breakerChain(calm, { edge: { circuitBreaker: {} } }));
    const b = simulateDesign(breakerChain(calm));
    expect(a.endToEnd).toEqual(b.endToEnd);
  });

  it('same seed, same results; a document without patterns compiles without them', () => {
    const doc = breakerChain(failing, { edge: { circuitBreaker: fast } });
    expect(simulateDesign(doc)).toEqual(simulateDesign(doc));
    expect(simulateDesign(breakerChain(failing)).breakers).toBeUndefined();
    expect(compileModel(doc).patterns).not.toBeNull();
    const plain = compileModel(breakerChain([]));
    expect(plain.patterns).toBeNull();
    expect(plain.scenario).toBeNull();
  });

  it('parse: defaults filled, a breaker on an async edge is refused naming the field', async () => {
    const { parseTopology } = await import('../parse');
    const doc = breakerChain([], { edge: { circuitBreaker: { waitDurationInOpenStateMs: 5000 } } });
    expect(doc.edges[0].circuitBreaker).toEqual({
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      failureRateThreshold: 50,
      slowCallRateThreshold: 100,
      slowCallDurationThresholdMs: 60_000,
      waitDurationInOpenStateMs: 5000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
    const r = parseTopology({ ...doc, edges: [{ ...doc.edges[0], mode: 'async' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('edges[0].circuitBreaker');
  });
});

/** One M/M/1 node (10 ms) at λ = 80 req/s, 120 s. */
function single(node: Record<string, unknown>, ratePerSec = 80): Topology {
  return testDoc2({
    nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 }, ...node }],
    edges: [],
    workload: { entry: 'api', ratePerSec },
    run: { durationSec: 120, warmupSec: 0, seed: 9 },
  });
}

function runRaw(doc: Topology): { sim: PatternSimulator; raw: ReturnType<PatternSimulator['run']> } {
  const sim = new PatternSimulator(compileModel(doc), simSpec(doc, resolveRun(doc), doc.run.seed));
  return { sim, raw: sim.run() };
}

describe('admission control in the simulator', () => {
  it('maxInFlight K on one server rejects exactly the requests a queue of K − 1 drops (M/M/1/K), counted as rejected', () => {
    const k = 4;
    const capped = simulateDesign(single({ admission: { maxInFlight: k } }));
    const queued = simulateDesign(single({ queueCapacity: k - 1 }));
    expect(capped.endToEnd.rejected).toBe(queued.endToEnd.dropped);
    expect(capped.endToEnd.completed).toBe(queued.endToEnd.completed);
    expect(capped.endToEnd.p99Ms).toBe(queued.endToEnd.p99Ms);
    expect(capped.endToEnd.errors).toBe(0);
    expect(capped.endToEnd.errorsByCause?.rejected).toBe(capped.endToEnd.rejected);
    // M/M/1/K blocking probability (1 − ρ)ρ^K / (1 − ρ^(K+1)) (Kleinrock, Queueing Systems I, §3.6): ρ = 0.8, K = 4 → 0.1218.
    const rho = 0.8;
    const blocking = ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
    expect(capped.endToEnd.rejected! / capped.endToEnd.arrivals).toBeCloseTo(blocking, 1);
    conserved(capped);
  });

  it('a token bucket admits at most maxTokens + fills × tokensPerFill, and nearly that under twice its rate', () => {
    // 1 token every 20 ms = 50/s against λ = 100/s for 120 s: at most 10 + 6000 admitted.
    const d = simulateDesign(single({ serviceTime: { dist: 'exponential', meanMs: 1 }, admission: { rateLimit: { maxTokens: 10, fillIntervalMs: 20 } } }, 100));
    const admitted = d.endToEnd.completed + d.endToEnd.inFlight;
    expect(admitted).toBeLessThanOrEqual(10 + 6000);
    expect(admitted).toBeGreaterThan(0.98 * 6000);
    expect(d.endToEnd.rejected).toBe(d.endToEnd.arrivals - admitted);
    conserved(d);
  });

  it('a rejected attempt is retried while the call allows (at the same instant: rejected again), and fails with cause rejected', () => {
    for (const retries of [0, 2]) {
      const doc = breakerChain([], { db: { replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 8 }, admission: { maxInFlight: 2 } }, edge: { timeoutMs: 60_000, retries } });
      const { sim, raw } = runRaw(doc);
      const rejectedCalls = raw.fault![FR_CAUSES + CAUSE_REJECTED];
      expect(rejectedCalls).toBeGreaterThan(100);
      expect(sim.rejectedAt[1]).toBe((retries + 1) * rejectedCalls);
      expect(raw.nodeStats[1 * NODE_FIELDS + N_VISITS]).toBeGreaterThan(sim.rejectedAt[1]);
      conserved(simulateDesign(doc));
    }
  });

  it('breaker and admission together: conservation, and the same seed gives the same results', () => {
    const doc = breakerChain(failing, { db: { admission: { maxInFlight: 3, rateLimit: { maxTokens: 5, tokensPerFill: 2, fillIntervalMs: 25 } } }, edge: { timeoutMs: 30, retries: 1, circuitBreaker: fast }, ratePerSec: 150 });
    const a = simulateDesign(doc);
    conserved(a);
    expect(a.endToEnd.rejected).toBeGreaterThan(0);
    expect(a.endToEnd.errorsByCause!.breakerOpen).toBeGreaterThan(0);
    expect(simulateDesign(doc)).toEqual(a);
  });

  it('parse: admission needs maxInFlight or rateLimit; the bucket’s default fill is 1 token', () => {
    expect(() => single({ admission: {} })).toThrow(/admission/);
    expect(single({ admission: { rateLimit: { maxTokens: 3, fillIntervalMs: 10 } } }).nodes[0].admission).toEqual({ rateLimit: { maxTokens: 3, tokensPerFill: 1, fillIntervalMs: 10 } });
  });
});

describe('queue discipline in the simulator', () => {
  it('lifo on M/M/1 (ρ = 0.8): the same departures and mean (a work-conserving order: the same number in system on every path), a far longer tail', () => {
    const fifo = simulateDesign(single({}));
    const lifo = simulateDesign(single({ queueDiscipline: 'lifo' }));
    expect(lifo.endToEnd.completed).toBe(fifo.endToEnd.completed);
    expect(Math.abs(lifo.endToEnd.meanMs / fifo.endToEnd.meanMs - 1)).toBeLessThan(0.03);
    // FIFO M/M/1: response time exponential with mean 1/(μ − λ) = 50 ms, p99 = 50 ln 100 ≈ 230 ms.
    expect(fifo.endToEnd.p99Ms).toBeGreaterThan(180);
    expect(fifo.endToEnd.p99Ms).toBeLessThan(290);
    expect(lifo.endToEnd.p99Ms).toBeGreaterThan(1.3 * fifo.endToEnd.p99Ms);
    expect(lifo.endToEnd.p50Ms).toBeLessThan(fifo.endToEnd.p50Ms);
    conserved(lifo);
  });

  it('fifo written out keeps the plain simulator; lifo is refused on a pool member', () => {
    expect(compileModel(single({ queueDiscipline: 'fifo' })).patterns).toBeNull();
    expect(() =>
      testDoc2({
        nodes: [{ id: 'api', kind: 'service', pool: 'p', queueDiscipline: 'lifo' }],
        pools: [{ id: 'p', servers: 4 }],
        workload: { entry: 'api' },
      }),
    ).toThrow(/queueDiscipline/);
  });
});
