/**
 * Log-linear histograms (HdrHistogram-style): each power of two of the value
 * is split into `subBuckets` equal buckets, so a bucket's width is at most
 * 1/subBuckets of its value (128 sub-buckets: under 0.4% error at the
 * bucket midpoint). Histograms are plain count arrays: they merge across
 * replications and workers by adding counts.
 *
 * Values are milliseconds. Bucket 0 holds values below 2^MIN_EXP ms
 * (≈7.8 µs, reported as 0); the last bucket holds values of 2^MAX_EXP ms
 * (≈4.7 h) and more (the exact maximum is tracked separately).
 */

/** Smallest resolved value: 2^-7 ms. */
export const MIN_EXP = -7;
/** Values from 2^24 ms (≈4.7 hours) on fall in the overflow bucket. */
export const MAX_EXP = 24;
/** Sub-buckets per power of two of end-to-end histograms (relative bucket width 1/128). */
export const FINE_SUB_BUCKETS = 128;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high 32 bits of a float64 in `u32` (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Number of buckets of a histogram with `sub` sub-buckets per octave (a power of two). */
export function bucketCount(sub: number): number {
  return (MAX_EXP - MIN_EXP) * sub + 2;
}

/** log2 of a power-of-two sub-bucket count. */
export function subBits(sub: number): number {
  return 31 - Math.clz32(sub);
}

/** The bucket of a value in ms (reads the float's exponent and top mantissa bits: no logarithm). */
export function bucketOf(valueMs: number, bits: number): number {
  if (!(valueMs >= 0.0078125)) return 0;
  f64[0] = valueMs;
  const hi = u32[HI];
  const e = (hi >>> 20) - 1023;
  if (e >= MAX_EXP) return ((MAX_EXP - MIN_EXP) << bits) + 1;
  return ((e - MIN_EXP) << bits) + ((hi >>> (20 - bits)) & ((1 << bits) - 1)) + 1;
}

/** The [low, high) bounds in ms of bucket `i` of a histogram with `sub` sub-buckets per octave. */
export function histogramBucketBounds(i: number, sub = FINE_SUB_BUCKETS): [number, number] {
  if (i <= 0) return [0, 2 ** MIN_EXP];
  const last = bucketCount(sub) - 1;
  if (i >= last) return [2 ** MAX_EXP, Number.POSITIVE_INFINITY];
  const k = i - 1;
  const e = Math.floor(k / sub) + MIN_EXP;
  const s = k % sub;
  return [2 ** e * (1 + s / sub), 2 ** e * (1 + (s + 1) / sub)];
}

/** The value a bucket stands for: its midpoint (0 for the underflow bucket, the lower bound for overflow). */
export function bucketValue(i: number, sub: number): number {
  const [lo, hi] = histogramBucketBounds(i, sub);
  if (i <= 0) return 0;
  return hi === Number.POSITIVE_INFINITY ? lo : (lo + hi) / 2;
}

/**
 * The q-quantile (0 < q ≤ 1) of `count` values recorded in `counts[offset .. offset+n)`:
 * the midpoint of the bucket holding the ⌈q·count⌉-th value, capped at `maxMs`. NaN when empty.
 */
export function quantile(
  counts: ArrayLike<number>,
  offset: number,
  sub: number,
  q: number,
  maxMs = Number.POSITIVE_INFINITY,
): number {
  const n = bucketCount(sub);
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[offset + i];
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * total - 1e-9));
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += counts[offset + i];
    if (cum >= rank) return Math.min(bucketValue(i, sub), maxMs);
  }
  return maxMs;
}

/** Several quantiles at once (qs ascending) in one pass. */
export function quantiles(counts: ArrayLike<number>, offset: number, sub: number, qs: readonly number[], maxMs: number): number[] {
  const n = bucketCount(sub);
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[offset + i];
  const out = qs.map(() => Number.NaN);
  if (total === 0) return out;
  let cum = 0;
  let j = 0;
  for (let i = 0; i < n && j < qs.length; i++) {
    cum += counts[offset + i];
    while (j < qs.length && cum >= Math.max(1, Math.ceil(qs[j] * total - 1e-9))) {
      out[j++] = Math.min(bucketValue(i, sub), maxMs);
    }
  }
  return out;
}
