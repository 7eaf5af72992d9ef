import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBuckets, admitInFlight, tokenBucketRatePerSec } from './admission';
import { slowdownFactor, slowdownLoad } from './slowdown';

describe('admission control', () => {
  it('max in-flight admits while below the limit', () => {
    expect([0, 9, 10, 11].map((n) => admitInFlight(n, 10))).toEqual([true, true, false, false]);
  });

  it('token bucket: starts full, one token per request, fills at whole intervals, never above max', () => {
    const b = new TokenBuckets(Float64Array.of(3), Float64Array.of(1), Float64Array.of(100));
    expect([0, 0, 0, 0].map(() => b.tryTake(0, 0))).toEqual([true, true, true, false]);
    expect(b.tryTake(0, 99.9)).toBe(false); // the first fill is at 100
    expect(b.tryTake(0, 100)).toBe(true);
    expect(b.tryTake(0, 150)).toBe(false);
    expect(b.rejected[0]).toBe(3);
    b.refill(0, 10_000); // 99 fills, capped at 3
    expect(b.tokens[0]).toBe(3);
    expect(b.lastFillMs[0]).toBe(10_000);
    b.refill(0, 10_050);
    expect(b.lastFillMs[0]).toBe(10_000); // the fill grid stays on multiples of 100
  });

  it('property: admitted over a long run ≤ max + fills × tokensPerFill, and meets it under overload', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 400 }),
        (max, perFill, interval, gaps) => {
          const b = new TokenBuckets(Float64Array.of(max), Float64Array.of(perFill), Float64Array.of(interval));
          let t = 0;
          let admitted = 0;
          for (const g of gaps) {
            t += g;
            if (b.tryTake(0, t)) admitted++;
          }
          expect(admitted).toBeLessThanOrEqual(max + Math.floor(t / interval) * perFill);
          expect(admitted + b.rejected[0]).toBe(gaps.length);
        },
      ),
    );
    // Overload: 10 requests per ms against 2 tokens per 10 ms admits 200 per second.
    const b = new TokenBuckets(Float64Array.of(5), Float64Array.of(2), Float64Array.of(10));
    let admitted = 0;
    for (let t = 0; t < 10_000; t += 0.1) if (b.tryTake(0, t)) admitted++;
    expect(tokenBucketRatePerSec(2, 10)).toBe(200);
    expect(admitted).toBe(5 + 999 * 2); // the initial 5, then fills at 10, 20, …, 9990 ms
  });
});

describe('load-dependent service time', () => {
  it('linear and exponential factors, capped', () => {
    expect(slowdownFactor(false, 2, 100, 0.5)).toBe(2);
    expect(slowdownFactor(false, 0, 100, 0.9)).toBe(1);
    expect(slowdownFactor(true, 0, 100, 123)).toBe(1);
    expect(slowdownFactor(true, 1, 100, 1)).toBeCloseTo(Math.E, 14);
    expect(slowdownFactor(true, 1, 5, 10)).toBe(5);
    expect(slowdownLoad(false, 3, 4, 10)).toBe(0.75);
    expect(slowdownLoad(true, 3, 4, 10)).toBe(10);
  });

  it('property: ≥ 1 and non-decreasing in load for coefficient ≥ 0', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (exp, k, x, dx) => {
        const a = slowdownFactor(exp, k, 1000, x);
        expect(a).toBeGreaterThanOrEqual(1);
        expect(slowdownFactor(exp, k, 1000, x + dx)).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});
