/**
 * Deterministic elementary functions: the same bits in every JavaScript
 * engine. `Math.log`, `Math.exp`, `Math.pow` (`**`), `Math.sin`… are only
 * "implementation-approximated" by ECMAScript, and V8 versions differ in the
 * last bit for a few percent of inputs, so a run in the browser would not be
 * byte-identical to the same run in Node. These ports use only operations
 * IEEE 754 defines exactly (+ − × ÷, sqrt, comparisons) and bit access to a
 * float64, so a run stays a pure function of (document, options, seed).
 *
 * `detLog` and `detExp` are line-by-line ports of fdlibm 5.3's
 * `__ieee754_log` (e_log.c 1.3 95/01/18) and `__ieee754_exp` (e_exp.c 1.6
 * 04/04/22), with their error bound: below 1 ulp for every input.
 *
 * ====================================================
 * Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index in `u32` of a float64's high (sign, exponent, top mantissa) word: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

// Constants: the shortest decimals of fdlibm's hexadecimal values (the hex words follow each).
const LN2_HI = 0.6931471803691238; // 0x3fe62e42 fee00000: k·LN2_HI is exact for |k| < 2000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16; // 2^54
const TWOM52 = 2.220446049250313e-16; // 2^-52
const TWOM53 = 1.1102230246251565e-16; // 2^-53

// log: minimax polynomial for R(z) in log(1+f) = 2s + s·R, s = f/(2+f) (error < 2^-58.45).
const LG1 = 0.6666666666666735; // 0x3fe55555 55555593
const LG2 = 0.3999999999940942; // 0x3fd99999 9997fa04
const LG3 = 0.2857142874366239; // 0x3fd24924 94229359
const LG4 = 0.22222198432149784; // 0x3fcc71c5 1d8e78af
const LG5 = 0.1818357216161805; // 0x3fc74664 96cb03de
const LG6 = 0.15313837699209373; // 0x3fc39a09 d078c69f
const LG7 = 0.14798198605116586; // 0x3fc2f112 df3e5244

const POW2_BIAS = 1021;
/** POW2[k + POW2_BIAS] = 2^k for k = −1021 … 1023 (built by exact doublings and halvings). */
const POW2 = new Float64Array(2045);
POW2[POW2_BIAS] = 1;
for (let k = 1; k <= 1023; k++) POW2[POW2_BIAS + k] = POW2[POW2_BIAS + k - 1] * 2;
for (let k = 1; k <= 1021; k++) POW2[POW2_BIAS - k] = POW2[POW2_BIAS - k + 1] * 0.5;

/**
 * Natural logarithm, bit-identical everywhere (fdlibm `__ieee754_log`; error < 1 ulp).
 * Method: x = 2^k·(1+f) with √2/2 < 1+f < √2; log(1+f) = f − s·(f − R) from
 * s = f/(2+f) and a degree-14 polynomial R; then k·ln2 in two parts.
 * Special values: log(±0) = −∞, log(x < 0) = NaN, log(+∞) = +∞, log(NaN) = NaN.
 */
export function detLog(x: number): number {
  f64[0] = x;
  const hx = u32[HI] | 0;
  if (hx < 0x00100000 || hx >= 0x7ff00000) return logOffRange(x, hx);
  return logBits(hx, u32[LO], (hx >> 20) - 1023);
}

/** detLog of a zero, negative, subnormal or non-finite x (hx: its signed high word). */
function logOffRange(x: number, hx: number): number {
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  if (((hx & 0x7fffffff) | u32[LO]) === 0) return Number.NEGATIVE_INFINITY; // ±0
  if (hx < 0) return Number.NaN; // negative (sign bit set), including −∞ and negative NaNs
  f64[0] = x * TWO54; // subnormal: scale into the normal range, k −= 54
  const h = u32[HI];
  return logBits(h, u32[LO], (h >> 20) - 1023 - 54);
}

/** log of a normal x = 2^e·1.m given its high and low words and e (k so far). */
function logBits(hw: number, lx: number, e: number): number {
  const hx = hw & 0x000fffff;
  // fdlibm writes the high word to get x (or x/2 when x's mantissa ≥ √2) in [√2/2, √2), then f = that − 1.
  // The same f, exactly, without the write (a 32-bit store then a 64-bit load stalls the CPU):
  // 1 + m·2^-52 is x's mantissa (m < 2^52, exact), so f = m·2^-52, or (1 + m·2^-52)/2 − 1 = m·2^-53 − 0.5
  // (exact by Sterbenz: m·2^-53 is in [0.35, 0.5)); m·2^-52 − 0 is m·2^-52 (m ≥ 0).
  // Branch-free (the test is a coin flip for random inputs): up = 1 when the mantissa is ≥ √2.
  const up = ((hx + 0x95f64) >> 20) & 1;
  return logReduced((hx * 4294967296 + lx) * (TWOM52 - TWOM53 * up) - 0.5 * up, hx, e + up);
}

/**
 * The common end of fdlibm's log: log(x) for x = 2^k·(1 + f), √2/2 < 1 + f < √2, where hx
 * is the top 20 mantissa bits of x (they pick the formula). fdlibm tests k = 0 to skip the
 * k·ln2 terms; they are exact zeros then and 0 − (a − b) = b − a exactly, so one formula
 * serves every k with the same bits.
 */
function logReduced(f: number, hx: number, k: number): number {
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return dk * LN2_HI + dk * LN2_LO;
    return dk * LN2_HI - (f * f * (0.5 - 0.3333333333333333 * f) - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

const O_THRESHOLD = 709.782712893384; // 0x40862e42 fefa39ef: exp overflows above
const U_THRESHOLD = -745.1332191019411; // 0xc0874910 d52d3051: exp underflows to 0 below
const INV_LN2 = Math.LOG2E; // 0x3ff71547 652b82fe (the spec fixes it: the double nearest log2(e))
const TWOM1000 = 9.332636185032189e-302; // 2^-1000
// exp: R(r²) = r·(e^r + 1)/(e^r − 1) ≈ 2 + P1·z + … + P5·z⁵ on [0, 0.34658] (error < 2^-59).
const P1 = 0.16666666666666602; // 0x3fc55555 5555553e
const P2 = -0.0027777777777015593; // 0xbf66c16c 16bebd93
const P3 = 6.613756321437934e-5; // 0x3f11566a af25de2c
const P4 = -1.6533902205465252e-6; // 0xbebbbd41 c5d26bf1
const P5 = 4.1381367970572385e-8; // 0x3e663769 72bea4d0

/**
 * e^x, bit-identical everywhere (fdlibm `__ieee754_exp`; error < 1 ulp).
 * Method: x = k·ln2 + r with |r| ≤ ln2/2 (r = hi − lo in two parts);
 * e^r = 1 + r + r·c/(2 − c) from a degree-5 rational approximation; then
 * the result is scaled by 2^k.
 * Special values: exp(+∞) = +∞, exp(−∞) = 0, exp(NaN) = NaN; +∞ above
 * 709.78…, 0 below −745.13….
 */
export function detExp(x: number): number {
  f64[0] = x;
  const hw = u32[HI];
  const hx = hw & 0x7fffffff;
  // The rare cases live in expOffRange and the rest in expCore: one function of fdlibm's size is
  // over V8's inlining limit, and a call that is not inlined boxes the double it returns.
  if (hx >= 0x40862e42 || hx < 0x3e300000) return expOffRange(x, hw, hx);
  return expCore(x, hw, hx);
}

/** detExp for |x| < 2^-28 or |x| ≥ 709.78… (non-finite, overflow, underflow or near it). */
function expOffRange(x: number, hw: number, hx: number): number {
  if (hx < 0x3e300000) return 1 + x; // |x| < 2^-28
  if (hx >= 0x7ff00000) {
    f64[0] = x;
    if (((hx & 0xfffff) | u32[LO]) !== 0) return x + x; // NaN
    return hw >>> 31 === 1 ? 0 : x;
  }
  if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
  if (x < U_THRESHOLD) return 0;
  return expCore(x, hw, hx);
}

/**
 * fdlibm's exp after the special cases: 2^-28 ≤ |x| and x within the finite-result range; hw, hx: x's
 * high word, and it without the sign. Branch-free where fdlibm branches on |x| (a coin flip for random
 * arguments), with the same bits:
 * - fdlibm takes k = ±1, hi = x ∓ LN2_HI, lo = ±LN2_LO for |x| < 1.5·ln2. The general reduction gives
 *   the same k, hi and lo there (INV_LN2·|x| + 0.5 is in (1, 2) on that range; 1·LN2_HI is exact).
 * - fdlibm skips the reduction when |x| ≤ ln2/2 (hx ≤ 0x3fd62e42; k = 0) and returns
 *   1 − (x·c/(c − 2) − x). With k = 0 the general path has hi = x − 0 = x, lo = 0, and returns
 *   1 − (0 − x·c/(2 − c) − x)·2^0: the same value, since c − 2 = −(2 − c) and 0 − a = −a exactly.
 */
function expCore(x: number, hw: number, hx: number): number {
  const big = (0x3fd62e42 - hx) >>> 31; // 1 when |x| needs the argument reduction
  const k = ((INV_LN2 * x + (0.5 - (hw >>> 31))) | 0) & -big; // C's (int) truncation toward 0; ±0.5 by x's sign
  const hi = x - k * LN2_HI; // exact: |k| < 2000
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // fdlibm adds k to y's exponent bits; multiplying by 2^k is the same exact operation (y·2^k is a
  // normal number here) without a 32-bit write and 64-bit read of one float (a CPU store-forwarding stall).
  if (k >= -1021) return k === 1024 ? y * 2 * POW2[1023 + POW2_BIAS] : y * POW2[k + POW2_BIAS];
  return y * POW2[k + 1000 + POW2_BIAS] * TWOM1000; // a subnormal result: fdlibm's two steps, one rounding
}

/**
 * x^y for x ≥ 0 (or any x with a special-cased y), bit-identical everywhere, as exp(y·log x).
 * Error bound: with log and exp each below 1 ulp (2^-52 relative) and one
 * rounded product, the relative error is below (2·|y·ln x| + 1.5)·2^-52 —
 * under 1e-15 when |y·ln x| ≤ 2 and under 3.4e-13 over the whole double
 * range (|y·ln x| ≤ 745). Meant for random-variate transforms and model
 * formulas, not where the last bits of a power matter. Exact: y = 0 → 1,
 * y = 1 → x, x = 1 → 1, x = 0 → 0 (y > 0) or +∞ (y < 0). NaN for x < 0
 * (use {@link detPowInt} for integer powers of negative numbers).
 */
export function detPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1 || Number.isNaN(x)) return x;
  if (x === 1) return 1;
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  if (x < 0) return Number.NaN;
  return detExp(y * detLog(x));
}

/**
 * x^n for an integer n ≥ 0 by repeated squaring: only multiplications, so
 * deterministic (at most ⌊log₂n⌋ + popcount(n) − 1 roundings, each ≤ ½ ulp).
 * Non-integer or negative n gives NaN.
 */
export function detPowInt(x: number, n: number): number {
  if (!(n >= 0) || n !== Math.floor(n)) return Number.NaN;
  let result = 1;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) result *= base;
    e = Math.floor(e / 2);
    if (e > 0) base *= base;
  }
  return result;
}
