/**
 * The closed workload in the simulator (patternSim.ts, closedWorkload.ts):
 * N users who think Z ms between a response and their next request.
 * - The interactive response-time law R = N/X − Z (Denning & Buzen 1978;
 *   Lazowska et al., Quantitative System Performance, 1984, §3.2.3) holds on
 *   the run's own throughput X and mean response time R.
 * - On one exponential FCFS server, exact MVA (Reiser & Lavenberg 1980;
 *   mvaClosed) gives R(N) and X(N): N = 8, S = 10 ms, Z = 50 ms → R = 36.03 ms.
 * - The monolith gets the same users; the same seed gives the same bits; an
 *   open document never reaches the pattern simulator.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile';
import type { ReplicationResult } from '../raw';
import { combineReplications, runPoint, resolveRun, simSpec, simulateDesign, simulateReplication } from '../run';
import type { Topology } from '../schema';
import { testDoc2 } from '../testing/docs';
import { replicationSeed } from '../rng';
import { mvaClosed } from './closedWorkload';
import { PatternSimulator } from './patternSim';

/** One exponential server (S ms), N users thinking Z ms (exponential), long run. */
function closedOne(users: number, serviceMs: number, thinkMs: number, durationSec = 2000, extra: Record<string, unknown> = {}): Topology {
  return testDoc2({
    nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: serviceMs } }],
    edges: [],
    workload: { entry: 'api', ratePerSec: 1, model: 'closed', users, thinkTime: { dist: 'exponential', meanMs: thinkMs }, ...extra },
    run: { durationSec, warmupSec: 20, seed: 3 },
  });
}

describe('closed workload', () => {
  it('obeys R = N/X − Z on the run’s own X, R and think times, and matches MVA on one M/M/1 station', () => {
    const doc = closedOne(8, 10, 50);
    const d = simulateDesign(doc);
    const e = d.endToEnd;
    const X = e.throughputPerSec / 1000; // per ms
    // Z: the mean of the think times this very run drew (same replication seed as simulateDesign's).
    const sim = new PatternSimulator(compileModel(doc), simSpec(doc, resolveRun(doc), replicationSeed(doc.run.seed, 0)));
    sim.run();
    const Z = sim.users!.thinkMsTotal / sim.users!.thinks;
    const law = 8 / X - Z;
    expect(Math.abs(law - e.meanMs) / e.meanMs).toBeLessThan(0.01);
    const mva = mvaClosed(8, [10], 50);
    expect(mva.responseMs).toBeCloseTo(36.026, 2);
    expect(Math.abs(e.meanMs - mva.responseMs) / mva.responseMs).toBeLessThan(0.02);
    expect(Math.abs(X - mva.throughputPerMs) / mva.throughputPerMs).toBeLessThan(0.01);
    expect(e.errors + e.dropped + (e.rejected ?? 0)).toBe(0);
    // Conservation: at most N requests are ever in flight.
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + (e.rejected ?? 0) + e.inFlight);
    expect(e.inFlight).toBeLessThanOrEqual(8);
  });

  it('gives the monolith the same users, and repeats for one seed', () => {
    const doc = testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 2, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 4 } },
        { id: 'rank', kind: 'model-server', replicas: 2, concurrency: 2, serviceTime: { dist: 'lognormal', meanMs: 8, cv: 1 } },
      ],
      edges: [{ id: 'api-rank', source: 'api', target: 'rank', networkMs: 1 }],
      workload: { entry: 'api', ratePerSec: 1, model: 'closed', users: 20, thinkTime: { dist: 'deterministic', meanMs: 100 } },
      run: { durationSec: 120, warmupSec: 10, seed: 9 },
    });
    const a = runPoint(doc);
    const b = runPoint(doc);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const d of [a.microservices, a.monolith]) {
      const e = d.endToEnd;
      expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + (e.rejected ?? 0) + e.inFlight);
      expect(e.inFlight).toBeLessThanOrEqual(20);
      // R = N/X − Z with deterministic Z = 100 ms (no sampling in Z).
      expect(Math.abs(20 / (e.throughputPerSec / 1000) - 100 - e.meanMs) / e.meanMs).toBeLessThan(0.03);
    }
  });

  it('gives identical results from 1 or 4 workers with every new field (closed users, slowdown, hedging, back-off)', () => {
    const doc = testDoc2({
      nodes: [
        { id: 'api', kind: 'service', replicas: 2, concurrency: 8, serviceTime: { dist: 'exponential', meanMs: 2 }, callMode: 'parallel' },
        { id: 'rank', kind: 'model-server', replicas: 2, concurrency: 2, serviceTime: { dist: 'lognormal', meanMs: 6, cv: 1.5 }, slowdown: { shape: 'exponential', basis: 'queueLength', coefficient: 0.1 } },
        { id: 'db', kind: 'database', replicas: 1, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 3 } },
      ],
      edges: [
        { id: 'api-rank', source: 'api', target: 'rank', networkMs: 0.5, hedging: { hedgeAfterMs: 12, maxAttempts: 3 } },
        { id: 'api-db', source: 'api', target: 'db', networkMs: 0.5, timeoutMs: 15, retries: 2, backoff: {} },
      ],
      workload: { entry: 'api', model: 'closed', users: 30, thinkTime: { dist: 'exponential', meanMs: 40 } },
      run: { durationSec: 20, warmupSec: 2, seed: 11 },
    });
    const opts = { replications: 4 };
    const one = runPoint(doc, opts);
    const reps: ReplicationResult[] = [3, 1, 0, 2].map((k) => structuredClone(simulateReplication(doc, opts, k)));
    expect(combineReplications(doc, opts, reps)).toEqual(one);
    expect(one.microservices.endToEnd.timeouts).toBeGreaterThan(0);
  });

  it('is refused without users or thinkTime, and users/thinkTime without model closed', () => {
    expect(() => closedOne(8, 10, 50, 100, { users: undefined })).toThrow(/workload.users/);
    expect(() =>
      testDoc2({ nodes: [{ id: 'api', kind: 'service' }], workload: { entry: 'api', users: 3 } }),
    ).toThrow(/closed workload only/);
  });

  it('an open document compiles without patterns (plain simulator)', () => {
    const doc = closedOne(8, 10, 50, 100, { model: 'open', users: undefined, thinkTime: undefined });
    expect(compileModel(doc).patterns).toBeNull();
    expect(compileModel(closedOne(8, 10, 50, 100)).patterns?.closed).toEqual({ users: 8, thinkTime: { dist: 'exponential', meanMs: 50 } });
  });
});
