/** The engine's building blocks: histogram error bounds, the event heap's order, the random streams. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';
import { bucketCount, bucketOf, bucketValue, FINE_SUB_BUCKETS, histogramBucketBounds, quantile, subBits } from './histogram';
import { replicationSeed, Rng, streamSeed } from './rng';

describe('log-linear histogram', () => {
  const bits = subBits(FINE_SUB_BUCKETS);
  it('puts every value in the bucket whose bounds hold it, with midpoint error under 0.4%', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.008, max: 1e7, noNaN: true }), (v) => {
        const i = bucketOf(v, bits);
        const [lo, hi] = histogramBucketBounds(i);
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThan(hi);
        expect(Math.abs(bucketValue(i, FINE_SUB_BUCKETS) / v - 1)).toBeLessThan(1 / (2 * FINE_SUB_BUCKETS) + 1e-12);
      }),
    );
  });
  it('has contiguous buckets, underflow at 0 and overflow at the end', () => {
    for (let i = 1; i < bucketCount(FINE_SUB_BUCKETS) - 1; i++) expect(histogramBucketBounds(i)[1]).toBe(histogramBucketBounds(i + 1)[0]);
    expect(bucketOf(0, bits)).toBe(0);
    expect(bucketOf(1e12, bits)).toBe(bucketCount(FINE_SUB_BUCKETS) - 1);
  });
  it('reads quantiles by rank', () => {
    const counts = new Float64Array(bucketCount(FINE_SUB_BUCKETS));
    for (let v = 1; v <= 1000; v++) counts[bucketOf(v, bits)]++;
    expect(quantile(counts, 0, FINE_SUB_BUCKETS, 0.5) / 500).toBeCloseTo(1, 2);
    expect(quantile(counts, 0, FINE_SUB_BUCKETS, 0.99) / 990).toBeCloseTo(1, 2);
    expect(Number.isNaN(quantile(new Float64Array(counts.length), 0, FINE_SUB_BUCKETS, 0.5))).toBe(true);
  });
});

describe('event queue', () => {
  it('pops in (time, insertion) order whatever the pushes, and the clock never goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 3000 }), (ops) => {
        const q = new EventQueue(4);
        const ref: { t: number; id: number }[] = [];
        let id = 0;
        let last = -1;
        for (const [t, pop] of ops) {
          if (pop && q.size > 0) {
            ref.sort((a, b) => a.t - b.t || a.id - b.id);
            const want = ref.shift()!;
            const got = q.pop();
            expect([got, q.a]).toEqual([want.t, want.id]);
            expect(got).toBeGreaterThanOrEqual(last);
            last = got;
          } else {
            const time = last + t; // never schedule in the past, as the simulator never does
            q.push(time, 1, id, 0);
            ref.push({ t: time, id: id++ });
          }
        }
        expect(q.size).toBe(ref.length);
      }),
      { numRuns: 50 },
    );
  });
});

describe('random streams', () => {
  it('are uniform on [0, 1) with the right mean and variance', () => {
    const r = new Rng(42);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });
  it('give gamma draws with the requested mean and coefficient of variation (shape below and above 1)', () => {
    for (const k of [0.25, 4]) {
      const r = new Rng(7);
      const xs = Array.from({ length: 200_000 }, () => r.gamma(k));
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
      expect(m / k).toBeCloseTo(1, 1);
      expect(v / k).toBeCloseTo(1, 1);
    }
  });
  it('derive distinct seeds per replication and per stream', () => {
    const seeds = new Set<number>();
    for (let r = 0; r < 100; r++) for (let s = 0; s < 50; s++) seeds.add(streamSeed(replicationSeed(1, r), s));
    expect(seeds.size).toBe(5000);
    expect(new Rng(5).next()).toBe(new Rng(5).next());
  });
});
