/**
 * detmath against the engine's Math: within 1 ulp of Math.log / Math.exp over
 * about a million seeded inputs spread over the whole double range (fdlibm's
 * bound is < 1 ulp from the true value; Node's V8 is within 1 ulp of it too),
 * exact special values, and the documented bounds of detPow / detPowInt.
 */
import { describe, expect, it } from 'vitest';
import { detExp, detLog, detPow, detPowInt } from './detmath';
import { Rng } from './rng';

const f = new Float64Array(2);
const u64 = new BigUint64Array(f.buffer);
const SIGN = 0x8000000000000000n;

/** Position of a double on the number line in ulps (−0 and +0 both 0). */
function ordinal(x: number): bigint {
  f[0] = x;
  const b = u64[0];
  return b & SIGN ? -(b & ~SIGN) : b;
}

/** Distance in ulps between two doubles; 0 for two NaNs, Infinity for a NaN and a number. */
function ulps(a: number, b: number): number {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.POSITIVE_INFINITY;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** A double from two random 32-bit words (sign cleared): every exponent equally likely. */
function anyPositive(r: Rng): number {
  const w = new Uint32Array(f.buffer, 8, 2);
  const hi = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  w[hi] = (r.next() * 4294967296) & 0x7fffffff;
  w[1 - hi] = r.next() * 4294967296;
  return f[1];
}

/** Largest ulp distance between fn and ref over the inputs, with a worst input for the message. */
function worst(inputs: Iterable<number>, fn: (x: number) => number, ref: (x: number) => number) {
  let max = 0;
  let at = Number.NaN;
  let n = 0;
  let exact = 0;
  for (const x of inputs) {
    const d = ulps(fn(x), ref(x));
    n++;
    if (d === 0) exact++;
    if (d > max) {
      max = d;
      at = x;
    }
  }
  return { max, at, n, exact };
}

function* gen(count: number, seed: number, draw: (r: Rng) => number) {
  const r = new Rng(seed);
  for (let i = 0; i < count; i++) yield draw(r);
}

describe('detLog', () => {
  it('is within 1 ulp of Math.log over 700 000 inputs: every binade, subnormals, near 1, the samplers’ 1 − u', () => {
    const sets = [
      gen(300_000, 1, anyPositive),
      gen(100_000, 2, (r) => (r.next() + 1e-9) * 2 ** -1022), // subnormals and just above
      gen(200_000, 3, (r) => 1 + (r.next() - 0.5) * 2 ** -Math.floor(r.next() * 53)), // near 1, every scale
      gen(100_000, 4, (r) => 1 - r.next()), // the exponential sampler's argument
    ];
    let total = 0;
    for (const s of sets) {
      const w = worst(s, detLog, Math.log);
      expect(w.max, `worst at ${w.at}`).toBeLessThanOrEqual(1);
      total += w.n;
    }
    expect(total).toBe(700_000);
  });

  it('gives the exact special values', () => {
    expect(detLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(detLog(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(detLog(1)).toBe(0);
    expect(Object.is(detLog(1), 0)).toBe(true);
    expect(detLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    for (const x of [Number.NaN, -1, -Number.MIN_VALUE, -1e300, Number.NEGATIVE_INFINITY]) expect(detLog(x)).toBeNaN();
    expect(detLog(Math.E)).toBe(1);
    expect(detLog(2)).toBe(Math.LN2);
    expect(detLog(10)).toBe(Math.LN10);
  });
});

describe('detExp', () => {
  it('is within 1 ulp of Math.exp over 500 000 inputs: the whole finite range, tiny arguments, every branch edge', () => {
    const ln2 = Math.LN2;
    const sets = [
      gen(250_000, 5, (r) => -745.2 + r.next() * 1455), // overflow/underflow thresholds included
      gen(100_000, 6, (r) => (r.next() - 0.5) * 2 ** -Math.floor(r.next() * 60)), // |x| < 0.5 at every scale
      gen(50_000, 7, (r) => (r.next() < 0.5 ? -1 : 1) * (ln2 / 2) * (1 + (r.next() - 0.5) * 1e-6)), // ±ln2/2
      gen(50_000, 8, (r) => (r.next() < 0.5 ? -1 : 1) * 1.5 * ln2 * (1 + (r.next() - 0.5) * 1e-6)), // ±1.5·ln2
      gen(50_000, 9, (r) => -708.4 - r.next() * 37), // subnormal results
    ];
    for (const s of sets) {
      const w = worst(s, detExp, Math.exp);
      expect(w.max, `worst at ${w.at}`).toBeLessThanOrEqual(1);
      expect(w.n).toBeGreaterThan(0);
    }
  });

  it('gives the exact special values', () => {
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
    expect(ulps(detExp(1), Math.E)).toBeLessThanOrEqual(1); // fdlibm's e is 1 ulp above the nearest double
    expect(detExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(detExp(Number.NEGATIVE_INFINITY), 0)).toBe(true);
    expect(detExp(Number.NaN)).toBeNaN();
    expect(detExp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(detExp(-746)).toBe(0);
    expect(detExp(-745.1332191019411)).toBe(Number.MIN_VALUE);
    expect(detExp(709.782712893384)).toBeLessThan(Number.MAX_VALUE * (1 + 2 ** -52));
  });

  it('is the inverse of detLog to a few ulps', () => {
    const w = worst(gen(100_000, 10, (r) => (r.next() < 0.5 ? -1 : 1) * (1 + r.next() * 700)), (x) => detLog(detExp(x)), (x) => x);
    // log(exp(x)) = x·(1 + O(ε·|x|)): a few ulps of x at most for |x| ≥ 1.
    expect(w.max).toBeLessThanOrEqual(4);
  });
});

describe('detPow and detPowInt', () => {
  it('detPow stays within its bound (2·|y·ln x| + 1.5)·2^-52 of Math.pow', () => {
    const r = new Rng(11);
    let worstShare = 0; // largest error / bound
    for (let i = 0; i < 100_000; i++) {
      const x = r.next() < 0.5 ? 1 - r.next() : 1 + r.next() * 100;
      const y = (r.next() - 0.5) * 40;
      const want = x ** y;
      const bound = (2 * Math.abs(y * Math.log(x)) + 1.5) * 2 ** -52 + 2 ** -53; // + Math.pow's own rounding
      worstShare = Math.max(worstShare, Math.abs(detPow(x, y) - want) / want / bound);
    }
    expect(worstShare).toBeGreaterThan(0);
    expect(worstShare).toBeLessThanOrEqual(1);
  });

  it('detPow: exact special cases', () => {
    expect(detPow(0.3, 0)).toBe(1);
    expect(detPow(0.3, 1)).toBe(0.3);
    expect(detPow(1, 123.4)).toBe(1);
    expect(detPow(0, 2.5)).toBe(0);
    expect(detPow(0, -2.5)).toBe(Number.POSITIVE_INFINITY);
    expect(detPow(-2, 0.5)).toBeNaN();
    expect(detPow(4, 0.5)).toBeCloseTo(2, 15);
  });

  it('detPowInt: exact on exact cases, close elsewhere, NaN for non-integers', () => {
    expect(detPowInt(2, 10)).toBe(1024);
    expect(detPowInt(0.5, 30)).toBe(2 ** -30);
    expect(detPowInt(-3, 3)).toBe(-27);
    expect(detPowInt(7.5, 0)).toBe(1);
    expect(detPowInt(0.9, 1)).toBe(0.9);
    expect(Math.abs(detPowInt(0.999, 1000) - 0.999 ** 1000) / 0.999 ** 1000).toBeLessThan(1e-14);
    expect(detPowInt(2, 1.5)).toBeNaN();
    expect(detPowInt(2, -1)).toBeNaN();
  });
});
