import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { closedLoop } from './closedLoopHarness';
import { ClosedWorkload, ThinkTime, interactiveResponseMs, mvaClosed } from './closedWorkload';

describe('closed-loop workload', () => {
  it('MVA for one station: N = 1 has no queueing; large N saturates at 1/D', () => {
    const one = mvaClosed(1, [10], 90);
    expect(one.responseMs).toBe(10);
    expect(one.throughputPerMs).toBe(0.01);
    const many = mvaClosed(200, [10], 90);
    expect(many.throughputPerMs).toBeCloseTo(0.1, 6);
    // Above saturation the response-time law gives R = N·D − Z.
    expect(many.responseMs).toBeCloseTo(200 * 10 - 90, 3);
    // The exact recursion by hand for N = 2: R(2) = 10 (1 + Q(1)), Q(1) = 0.1.
    expect(mvaClosed(2, [10], 90).responseMs).toBeCloseTo(11, 12);
  });

  it('one M/M/1 station with N users: R = N/X − Z holds and R matches exact MVA (response-time law; MVA, Reiser & Lavenberg 1980)', () => {
    // S = 10 ms, Z = 50 ms, N = 8: near saturation (N* = (D + Z)/D = 6).
    const users = 8;
    const m = closedLoop(users, 10, 50, 2_000_000, 20_000, 3);
    const mva = mvaClosed(users, [10], 50);
    // The law holds on the measured quantities up to end effects.
    expect(Math.abs(interactiveResponseMs(users, m.throughputPerMs, m.thinkMs) / m.responseMs - 1)).toBeLessThan(0.01);
    expect(Math.abs(m.throughputPerMs / mva.throughputPerMs - 1)).toBeLessThan(0.02);
    expect(Math.abs(m.responseMs / mva.responseMs - 1)).toBeLessThan(0.03);
  });

  it('light load: R close to S, X close to N/(S + Z)', () => {
    const m = closedLoop(2, 5, 200, 2_000_000, 10_000, 9);
    const mva = mvaClosed(2, [5], 200);
    expect(Math.abs(m.responseMs / mva.responseMs - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.throughputPerMs / mva.throughputPerMs - 1)).toBeLessThan(0.02);
  });

  it('think-time draws have the stated means', () => {
    const rng = new Rng(1);
    const specs = [
      { dist: 'exponential', meanMs: 100 },
      { dist: 'deterministic', meanMs: 100 },
      { dist: 'lognormal', meanMs: 100, cv: 1 },
      { dist: 'gamma', meanMs: 100, cv: 0.5 },
      { dist: 'uniform', minMs: 50, maxMs: 150 },
    ] as const;
    for (const s of specs) {
      const t = new ThinkTime(s);
      let sum = 0;
      for (let i = 0; i < 100_000; i++) sum += t.draw(rng);
      expect(Math.abs(sum / 100_000 - 100)).toBeLessThan(1.5);
    }
  });

  it('property: same seed, same submission times; each user submits after its think time', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 20 }), (seed, users) => {
        const run = () => {
          const wl = new ClosedWorkload(users, new ThinkTime({ dist: 'exponential', meanMs: 30 }), new Rng(seed));
          const out: number[] = [];
          for (let u = 0; u < users; u++) out.push(wl.start(u));
          for (let u = 0; u < users; u++) out.push(wl.onResponse(u, 1000));
          return out;
        };
        const a = run();
        expect(run()).toEqual(a);
        for (let u = 0; u < users; u++) expect(a[users + u]).toBeGreaterThanOrEqual(1000);
      }),
    );
  });
});
