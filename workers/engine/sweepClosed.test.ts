/**
 * Sweeps of a closed workload vary the users N, not the rate (sweep.ts):
 * the ladder, and the simulator against exact MVA (Reiser & Lavenberg 1980)
 * and the interactive response-time law R = N/X − Z (Lazowska et al. §3.2.3)
 * at every point.
 */
import { describe, expect, it } from 'vitest';
import { mvaClosed } from './resilience/closedWorkload';
import { runPoint } from './run';
import type { Topology } from './schema';
import { sweep, sweepJobOrder, sweepPoints, sweepUsers } from './sweep';
import { testDoc2 } from './testing/docs';

const T99_OVER_T95 = 4.604 / 2.776;

/** One exponential server (S ms), N users thinking Z ms (exponential). */
function closedOne(users: number, serviceMs: number, thinkMs: number, durationSec: number, replications = 1): Topology {
  return testDoc2({
    nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: serviceMs } }],
    edges: [],
    workload: { entry: 'api', ratePerSec: 1, model: 'closed', users, thinkTime: { dist: 'exponential', meanMs: thinkMs } },
    run: { durationSec, warmupSec: 20, seed: 1, replications },
  });
}

describe('closed sweep: users, not rate', () => {
  it('default ladder: up to max(users, 2 × the knee N* = (D + Z)/D), evenly spaced whole numbers', () => {
    // D = 10, Z = 50: N* = 6, so the sweep ends at 12 users unless the document has more.
    expect(sweepUsers(closedOne(3, 10, 50, 100))).toEqual([1, 2, 3, 5, 6, 7, 8, 10, 11, 12]);
    expect(sweepUsers(closedOne(40, 10, 50, 100), { steps: 4 })).toEqual([10, 20, 30, 40]);
    expect(sweepUsers(closedOne(3, 10, 50, 100), { fromUsers: 1, toUsers: 3, steps: 10 })).toEqual([1, 2, 3]);
    expect(sweepUsers(closedOne(3, 10, 50, 100), { steps: 1 })).toEqual([12]);
    expect(() => sweepUsers(closedOne(3, 10, 50, 100), { fromUsers: 0.5 })).toThrow(/from must be a whole number of users/);
    expect(() => sweepUsers(closedOne(3, 10, 50, 100), { fromUsers: 8, toUsers: 4 })).toThrow(/must not be below/);
    expect(sweepPoints(closedOne(3, 10, 50, 100), { toUsers: 4, fromUsers: 2, steps: 3 })).toEqual([{ users: 2 }, { users: 3 }, { users: 4 }]);
    // Job order works on users as on rates: the lightest point first, then the heaviest down.
    expect(sweepJobOrder([2, 3, 4], 1).map((j) => j.point)).toEqual([0, 2, 1]);
  });

  it('a rate is refused for nothing, users are refused on an open document', () => {
    const open = testDoc2({
      nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 10 } }],
      edges: [],
      workload: { entry: 'api', ratePerSec: 20 },
      run: { durationSec: 5, warmupSec: 1 },
    });
    expect(() => runPoint(open, { users: 4 })).toThrow(/users apply to a closed workload only/);
    expect(sweepPoints(open, { steps: 2, toPerSec: 40 })).toEqual([{ ratePerSec: 20 }, { ratePerSec: 40 }]);
  });

  it('one M/M/1 station: simulated R and X at each N match exact MVA within their 99% CIs, and R = N/X − Z holds', () => {
    const S = 10;
    const Z = 50;
    const doc = closedOne(4, S, Z, 400, 5);
    const result = sweep(doc, { fromUsers: 2, toUsers: 14, steps: 4 });
    expect(result.points.map((p) => p.users)).toEqual([2, 6, 10, 14]);
    for (const p of result.points) {
      const n = p.users!;
      const e = p.microservices.endToEnd;
      const mva = mvaClosed(n, [S], Z);
      const X = e.throughputPerSec / 1000;
      // Exact MVA against the simulation, within the replications' 99% confidence intervals (8 comparisons, and
      // the points share replication seeds, so their errors are correlated; the engine reports 95% half-widths,
      // t(0.975, 4 df) = 2.776; the 99% ones use t(0.995, 4 df) = 4.604).
      expect(Math.abs(e.meanMs - mva.responseMs)).toBeLessThanOrEqual(e.ci95!.meanMs! * T99_OVER_T95);
      expect(Math.abs(e.throughputPerSec - mva.throughputPerMs * 1000)).toBeLessThanOrEqual(e.ci95!.throughputPerSec! * T99_OVER_T95);
      // The interactive response-time law on the run's own X (cycle time N/X within 1%).
      expect(Math.abs(n / X - Z - e.meanMs)).toBeLessThan(0.01 * (n / X));
      // The analytic line is MVA, exact here.
      const a = p.analytic.microservices;
      expect(a.closed!.exact).toBe(true);
      expect(a.meanMs!).toBeCloseTo(mva.responseMs, 9);
      expect(a.closed!.throughputPerSec!).toBeCloseTo(mva.throughputPerMs * 1000, 9);
      expect(p.analytic.monolith.closed!.users).toBe(n);
    }
    // Past the knee (N* = 6) throughput is pinned at 1/D and R grows by D per user.
    const [, , p10, p14] = result.points;
    expect(p14.microservices.endToEnd.throughputPerSec / 1000).toBeGreaterThan(0.97 / S);
    expect(p14.microservices.endToEnd.meanMs - p10.microservices.endToEnd.meanMs).toBeGreaterThan(0.9 * 4 * S);
  });

  it('a 4-server station: the Seidmann approximation is a pessimistic estimate (R within 15 %, not below the simulation’s 95 % interval)', () => {
    const doc = testDoc2({
      nodes: [{ id: 'api', kind: 'service', replicas: 1, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 40 } }],
      edges: [],
      workload: { entry: 'api', ratePerSec: 1, model: 'closed', users: 4, thinkTime: { dist: 'exponential', meanMs: 100 } },
      run: { durationSec: 400, warmupSec: 20, seed: 1, replications: 3 },
    });
    const points = sweep(doc, { fromUsers: 2, toUsers: 20, steps: 4 }).points;
    for (const p of points) {
      const e = p.microservices.endToEnd;
      const a = p.analytic.microservices;
      expect(a.closed!.exact).toBe(false);
      expect(a.meanMs!).toBeGreaterThan(e.meanMs - e.ci95!.meanMs!);
      expect(a.meanMs! / e.meanMs).toBeLessThan(1.15);
    }
    // Past the knee (N* = (40 + 100)/10 = 14) both reach X = c/S = 100 req/s.
    expect(points[3].microservices.endToEnd.throughputPerSec).toBeGreaterThan(97);
    expect(points[3].analytic.microservices.closed!.throughputPerSec!).toBeGreaterThan(97);
  });
});
