/**
 * The closed-workload analytic line (analytic/closed.ts, closedMva.ts):
 * exact MVA where the network is product-form single-server exponential,
 * Seidmann's approximation for multi-server stations, and notes that say so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mvaClosed } from '../resilience/closedWorkload';
import { analyzeClosed } from './closed';
import { closedBounds, mvaCentres } from './closedMva';
import { call, expNode, makeDoc } from './testDoc';

const closedLoad = (users: number, thinkMs: number) =>
  ({ entry: 'api', ratePerSec: 1, model: 'closed', users, thinkTime: { dist: 'exponential', meanMs: thinkMs } }) as const;

describe('closed MVA over a design', () => {
  it('single-server centres reproduce exact MVA (mvaClosed) for any demands, users and think time', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 50, noNaN: true }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 500, noNaN: true }), (demands, n, z) => {
        const a = mvaCentres(n, demands.map((d) => ({ demandMs: d, servers: 1, copies: 1 })), 0, z);
        const b = mvaClosed(n, demands, z);
        expect(a.responseMs).toBeCloseTo(b.responseMs, 9);
        expect(a.throughputPerMs).toBeCloseTo(b.throughputPerMs, 12);
      }),
    );
  });

  it('a chain api → db (sequential sync calls, network hop) is exact MVA with the hop as a delay', () => {
    const doc = makeDoc([expNode('api', 4), expNode('db', 6)], [call('api', 'db', { networkMs: 2, count: 2 })], closedLoad(12, 100));
    const a = analyzeClosed(doc);
    // Demands: api 4 ms, db 2 visits × 6 ms = 12 ms; delay 2 calls × 2 ms = 4 ms.
    const m = mvaClosed(12, [4, 12], 100 + 0);
    // The hop is a pure delay: MVA with Z' = Z + 4 gives the cycle; R adds the 4 ms back.
    const withHop = mvaClosed(12, [4, 12], 104);
    expect(a.closed!.exact).toBe(true);
    expect(a.notCovered).toEqual([]);
    expect(a.meanMs!).toBeCloseTo(withHop.responseMs + 4, 9);
    expect(a.closed!.throughputPerSec!).toBeCloseTo(withHop.throughputPerMs * 1000, 9);
    expect(a.meanMs!).toBeGreaterThan(m.responseMs); // the hop costs time
    expect(a.closed!.totalDemandMs).toBe(20);
    expect(a.closed!.maxDemandMs).toBe(12);
    expect(a.bottleneck).toBe('db');
    expect(a.saturationRatePerSec).toBeCloseTo(1000 / 12, 9);
    // Utilisation law U = X·D per node; db's arrivals are twice api's.
    const [api, db] = a.nodes;
    expect(db.arrivalRatePerSec).toBeCloseTo(2 * api.arrivalRatePerSec, 9);
    expect(db.utilization).toBeCloseTo((a.closed!.throughputPerSec! / 1000) * 12, 9);
    // Little's law over the whole cycle: N = X (R + Z).
    expect((a.closed!.throughputPerSec! / 1000) * (a.meanMs! + 100)).toBeCloseTo(12, 9);
  });

  it('stays within the asymptotic bounds X ≤ min(N/(D+Z), 1/Dmax), R ≥ max(D, N·Dmax − Z)', () => {
    for (const n of [1, 3, 10, 30, 100]) {
      const doc = makeDoc([expNode('api', 4), expNode('db', 6)], [call('api', 'db', { networkMs: 1 })], closedLoad(n, 50));
      const c = analyzeClosed(doc).closed!;
      const b = closedBounds(n, c.totalDemandMs, c.maxDemandMs, c.thinkMs);
      expect(c.throughputPerSec! / 1000).toBeLessThanOrEqual(b.maxThroughputPerMs * (1 + 1e-12));
      expect(c.responseMs!).toBeGreaterThanOrEqual(b.minResponseMs * (1 - 1e-12));
    }
  });

  it('a multi-server station: Seidmann is exact at N = 1 and tends to c/D; it is labelled an approximation', () => {
    const doc = (n: number) => makeDoc([expNode('api', 40, 4)], [], closedLoad(n, 10));
    const one = analyzeClosed(doc(1));
    expect(one.meanMs!).toBeCloseTo(40, 9);
    const many = analyzeClosed(doc(2000));
    expect(many.closed!.throughputPerSec!).toBeCloseTo(4 / 40 * 1000, 6);
    expect(many.closed!.exact).toBe(false);
    expect(many.notCovered.some((t) => t.includes("Seidmann's approximation") && t.includes('"api"'))).toBe(true);
  });

  it('non-exponential service, parallel calls and asynchronous messages are marked approximate; llm, holds and timeouts are not covered', () => {
    const logn = makeDoc([{ ...expNode('api', 5), serviceTime: { dist: 'lognormal', meanMs: 5, cv: 2 } }], [], closedLoad(5, 20));
    const a = analyzeClosed(logn);
    expect(a.meanMs).not.toBeNull();
    expect(a.closed!.exact).toBe(false);
    expect(a.notCovered.join(' ')).toMatch(/lognormal service .* an approximation/);

    const fork = makeDoc([expNode('api', 1, 1, { callMode: 'parallel' }), expNode('a', 5), expNode('b', 5)], [call('api', 'a'), call('api', 'b')], closedLoad(5, 20));
    expect(analyzeClosed(fork).notCovered.join(' ')).toMatch(/parallel calls/);

    const held = makeDoc([expNode('api', 1, 1, { holdWorkerDuringCalls: true }), expNode('db', 5)], [call('api', 'db')], closedLoad(5, 20));
    const h = analyzeClosed(held);
    expect(h.meanMs).toBeNull();
    expect(h.closed!.responseMs).toBeNull();
    expect(h.notCovered.join(' ')).toMatch(/holds its worker/);

    const timed = makeDoc([expNode('api', 1), expNode('db', 5)], [call('api', 'db', { timeoutMs: 50 })], closedLoad(5, 20));
    expect(analyzeClosed(timed).meanMs).toBeNull();
  });
});
