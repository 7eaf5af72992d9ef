/** Cold-start draws, the replica state machine and the cost meter. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { ColdStartSampler, coldStartMeanSec, defaultColdStart } from './coldStart';
import { ReplicaMeter } from './cost';
import { R_DRAINING, R_GONE, R_PROVISIONING, R_READY, ReplicaSet } from './replicaSet';
import { type ColdStart, ColdStartSchema } from './schema';

const fixed = (ms: number) => ({ nextMs: () => ms });

describe('cold starts', () => {
  it('the defaults parse, model servers take minutes and services seconds', () => {
    expect(ColdStartSchema.parse(defaultColdStart('model-server'))).toEqual({ dist: 'lognormal', meanSec: 120, cv: 0.3 });
    expect(coldStartMeanSec(defaultColdStart('service'))).toBe(10);
    expect(() => ColdStartSchema.parse({ dist: 'lognormal', meanSec: -1, cv: 0.3 })).toThrow(/meanSec/);
  });

  it('draws have the distribution mean (5 standard errors) and repeat for the same seed', () => {
    const N = 20_000;
    const cases: [ColdStart, number][] = [
      [defaultColdStart('model-server'), 0.3],
      [{ dist: 'gamma', meanSec: 30, cv: 0.5 }, 0.5],
      [{ dist: 'exponential', meanSec: 8 }, 1],
    ];
    for (const [c, cv] of cases) {
      const s = new ColdStartSampler(c, new Rng(11));
      let sum = 0;
      const first: number[] = [];
      for (let i = 0; i < N; i++) {
        const x = s.nextMs();
        if (i < 5) first.push(x);
        sum += x;
      }
      const mean = coldStartMeanSec(c) * 1000;
      expect(Math.abs(sum / N - mean)).toBeLessThan((5 * mean * cv) / Math.sqrt(N));
      const again = new ColdStartSampler(c, new Rng(11));
      expect(first.map(() => again.nextMs())).toEqual(first);
    }
    expect(new ColdStartSampler({ dist: 'deterministic', meanSec: 90 }, new Rng(1)).nextMs()).toBe(90_000);
  });
});

describe('replica lifecycle', () => {
  it('provisioning → ready at the drawn time; scale-down removes starting ones first, then drains the newest ready', () => {
    const rs = new ReplicaSet(8, 2);
    rs.scaleTo(4, 1000, fixed(30_000));
    expect([rs.ready, rs.provisioning, rs.coldStarts]).toEqual([2, 2, 2]);
    const [a, b] = [rs.lastProvisioned[0], rs.lastProvisioned[1]];
    expect(rs.readyAtMs[a]).toBe(31_000);
    expect(rs.markReady(a, rs.token[a], 31_000)).toBe(true);
    expect(rs.markReady(a, rs.token[a], 31_000)).toBe(false); // already ready
    rs.acquire(a);
    rs.acquire(a);
    rs.scaleTo(2, 32_000, fixed(30_000)); // b (still starting) goes at once, then a (newest ready) drains
    expect(rs.state[b]).toBe(R_GONE);
    expect(rs.markReady(b, 2, 61_000)).toBe(false); // its ready event is stale
    expect(rs.state[a]).toBe(R_DRAINING);
    expect([rs.current, rs.billed]).toEqual([2, 3]);
    rs.release(a, 33_000);
    expect(rs.state[a]).toBe(R_DRAINING); // still holds one request
    rs.release(a, 34_000);
    expect(rs.state[a]).toBe(R_GONE);
    expect(rs.billed).toBe(2);
    expect(rs.state.filter((s) => s === R_READY).length).toBe(2);
    expect(rs.state.includes(R_PROVISIONING)).toBe(false);
  });
});

describe('cost', () => {
  it('cost = replica-seconds × price; replica-hours; per-window series sum to the total', () => {
    const meter = new ReplicaMeter(60_000, 5);
    const rs = new ReplicaSet(10, 2, meter);
    rs.scaleTo(5, 100_000, fixed(0)); // 2 replicas for 100 s, then 5 for 150 s
    rs.scaleTo(0, 250_000, fixed(0));
    meter.finish(300_000);
    expect(meter.replicaSeconds).toBe(2 * 100 + 5 * 150);
    expect(meter.replicaHours).toBe(950 / 3600);
    expect(meter.cost(3.6)).toBeCloseTo(0.95, 12);
    expect([...meter.perWindowSec]).toEqual([120, 40 * 2 + 20 * 5, 300, 300, 10 * 5]);
    expect([...meter.replicaSeries()]).toEqual([2, 3, 5, 5, 50 / 60]);
  });

  it('windows of a fraction of a millisecond (a 17 s run in 60 windows): changes at every window edge fill each window once', () => {
    // (k + 1) × 283.33… ms divided by 283.33… ms gives k, not k + 1, for some k: the meter must still step on.
    const windowMs = 17_000 / 60;
    const meter = new ReplicaMeter(windowMs, 60);
    for (let k = 0; k < 60; k++) meter.record((k + 1) * windowMs, 3);
    meter.finish(17_000);
    const perWindow = [...meter.perWindowSec];
    expect(perWindow[0]).toBe(0); // nothing billed before the first record
    for (let k = 1; k < 60; k++) expect(perWindow[k]).toBeCloseTo((3 * windowMs) / 1000, 9);
    expect(meter.replicaSeconds).toBeCloseTo((3 * (17_000 - windowMs)) / 1000, 9);
  });

  it('property: cost equals replica-seconds × price for any scaling history', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 20 })), { maxLength: 40 }), fc.double({ min: 0, max: 50, noNaN: true }), (steps, price) => {
        const meter = new ReplicaMeter(10_000, 1000);
        const rs = new ReplicaSet(20, 1, meter);
        let t = 0;
        let expected = 0;
        for (const [dt, n] of steps) {
          expected += rs.billed * dt;
          t += dt;
          rs.scaleTo(n, t, fixed(0));
        }
        meter.finish(t);
        expect(meter.replicaSeconds).toBeCloseTo(expected / 1000, 6);
        expect(meter.cost(price)).toBeCloseTo((meter.replicaSeconds * price) / 3600, 9);
        expect(meter.perWindowSec.reduce((a, b) => a + b, 0)).toBeCloseTo(meter.replicaSeconds, 6);
      }),
    );
  });
});
