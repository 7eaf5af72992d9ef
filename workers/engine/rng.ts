/**
 * Seeded pseudo-random numbers for the engine: sfc32 (Chris Doty-Humphrey's
 * "small fast chaotic" generator, 128-bit state, passes PractRand), one
 * independent stream per purpose. `Math.random` is never used: a run must be
 * a pure function of (document, options, seed). Every transform uses the
 * deterministic logarithm of `detmath.ts` (never `Math.log`/`sin`/`cos`/`**`),
 * so a stream gives the same bits in every JavaScript engine.
 */
import { detLog as detLogImported, detPow as detPowImported } from './detmath';

// Module-local copies: an imported binding can cost a getter call per use under tsx / vite-node (see docs/performance.md).
const detLog = detLogImported;
const detPow = detPowImported;

/** Standard exponential draws made at a time by {@link Rng.exp}. */
export const EXP_BLOCK = 64;
const NO_DRAWS = new Float64Array(0);

/** Murmur3's 32-bit finalizer: a bijective mix of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of replication `r` of a run seeded `seed`: fixed by (seed, r), so any worker split gives the same bytes. */
export function replicationSeed(seed: number, r: number): number {
  return mix32(mix32(seed ^ 0x9e3779b9) + Math.imul(r + 1, 0x632be5ab));
}

/** The seed of stream `stream` (0 = arrivals, then two per node) within a replication. */
export function streamSeed(repSeed: number, stream: number): number {
  return mix32(mix32(repSeed + 0x7f4a7c15) ^ Math.imul(stream + 1, 0x2c1b3c6d));
}

/** One sfc32 stream. `next()` is uniform on [0, 1) with 32-bit resolution. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;
  /** Standard exponential draws made ahead (empty until the first exp()), and the next one to use. */
  private expBuf = NO_DRAWS;
  private expPos = 0;
  /** A cached second normal deviate of the polar method, or NaN. */
  private spare = Number.NaN;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform on [0, 1). */
  next(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /**
   * Exponential with the given mean, by inversion: mean · −log(1 − u), 1 − u in (0, 1]. The
   * standard draws −log(1 − u) are made EXP_BLOCK at a time (a tight loop the JIT compiles
   * well), so a stream that mixes exp() with other draws takes its uniforms in that order.
   */
  exp(mean: number): number {
    if (this.expPos === this.expBuf.length) this.refillExp();
    return mean * this.expBuf[this.expPos++];
  }

  private refillExp(): void {
    if (this.expBuf.length === 0) this.expBuf = new Float64Array(EXP_BLOCK);
    const buf = this.expBuf;
    for (let i = 0; i < buf.length; i++) buf[i] = -detLog(1 - this.next());
    this.expPos = 0;
  }

  /**
   * Standard normal (Marsaglia's polar method, pairs cached): (u, v) uniform in
   * the unit disc, s = u² + v², then u·m and v·m with m = √(−2·ln s / s) are two
   * independent N(0, 1) deviates. Only log and sqrt: no sin/cos.
   */
  normal(): number {
    const spare = this.spare;
    if (!Number.isNaN(spare)) {
      this.spare = Number.NaN;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * detLog(s)) / s);
    this.spare = v * m;
    return u * m;
  }

  /** Gamma with shape k and scale 1 (Marsaglia & Tsang 2000; k < 1 via the u^(1/k) boost). */
  gamma(k: number): number {
    if (k < 1) return this.gamma(k + 1) * detPow(1 - this.next(), 1 / k);
    const d = k - 1 / 3;
    return this.gammaMT(d, 1 / Math.sqrt(9 * d));
  }

  /**
   * Marsaglia & Tsang's rejection loop for shape k ≥ 1, given d = k − 1/3 and c = 1/√(9d):
   * {@link gamma} is this with d and c worked out per draw; a caller drawing many values of one
   * shape works them out once (the same bits: the same operations on the same values).
   */
  gammaMT(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (detLog(u) < 0.5 * x * x + d * (1 - v + detLog(v))) return d * v;
    }
  }
}
