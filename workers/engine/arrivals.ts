/**
 * Arrival processes at the entry, as a time change of a unit-rate process:
 * with Λ(t) the cumulative offered load (requests expected by time t, a
 * piecewise-quadratic function when the rate profile is piecewise linear),
 * Poisson arrivals are at Λ⁻¹ of a unit-rate Poisson process, constant
 * arrivals at Λ⁻¹(1), Λ⁻¹(2), …, and bursty arrivals are a two-state
 * Markov-modulated Poisson process (MMPP) on top of Λ.
 */
import type { Rng } from './rng';

/** One point of a rate profile. */
export interface RatePoint {
  atSec: number;
  ratePerSec: number;
}

/** Bursty arrivals: burst-state rate = peakFactor × normal rate; the long-run mean equals the nominal rate. */
export interface BurstSpec {
  peakFactor: number;
  burstFraction: number;
  meanBurstMs: number;
}

/** A constant rate or a piecewise-linear profile (held constant before the first and after the last point). */
export class RateCurve {
  private t: number[] = [];
  private r: number[] = [];
  private c: number[] = [];
  private k = 0;

  constructor(ratePerSec: number, profile: readonly RatePoint[] | null) {
    const pts = profile && profile.length > 0 ? profile : [{ atSec: 0, ratePerSec }];
    if (pts[0].atSec > 0) this.addPoint(0, pts[0].ratePerSec / 1000);
    for (const p of pts) this.addPoint(p.atSec * 1000, p.ratePerSec / 1000);
  }

  private addPoint(tMs: number, perMs: number): void {
    const n = this.t.length;
    const c = n === 0 ? 0 : this.c[n - 1] + ((this.r[n - 1] + perMs) / 2) * (tMs - this.t[n - 1]);
    this.t.push(tMs);
    this.r.push(perMs);
    this.c.push(c);
  }

  /** The rate per ms when it never changes (no profile, or a one-point profile), else 0. */
  steadyRatePerMs(): number {
    return this.t.length === 1 ? this.r[0] : 0;
  }

  /** Λ(tMs): expected arrivals in [0, tMs]. */
  cumulative(tMs: number): number {
    const { t, r, c } = this;
    const last = t.length - 1;
    if (tMs >= t[last]) return c[last] + r[last] * (tMs - t[last]);
    let i = 0;
    while (t[i + 1] <= tMs) i++;
    const x = tMs - t[i];
    const dt = t[i + 1] - t[i];
    return c[i] + r[i] * x + ((r[i + 1] - r[i]) / (2 * dt)) * x * x;
  }

  /** Λ⁻¹(L): the time (ms) at which `L` arrivals are expected; +Infinity if never. Calls must have non-decreasing L. */
  inverse(L: number): number {
    const { t, r, c } = this;
    const last = t.length - 1;
    while (this.k > 0 && c[this.k] > L) this.k--;
    while (this.k < last && c[this.k + 1] < L) this.k++;
    const i = this.k;
    if (i === last) return r[last] > 0 ? t[last] + (L - c[last]) / r[last] : Number.POSITIVE_INFINITY;
    const dt = t[i + 1] - t[i];
    const a = (r[i + 1] - r[i]) / (2 * dt);
    const y = L - c[i];
    const den = r[i] + Math.sqrt(Math.max(0, r[i] * r[i] + 4 * a * y));
    return den > 0 ? t[i] + Math.min(dt, (2 * y) / den) : t[i + 1];
  }
}

/** Arrival kinds, as codes. */
export const ARRIVAL_POISSON = 0;
export const ARRIVAL_CONSTANT = 1;
export const ARRIVAL_BURSTY = 2;

/**
 * Generates successive arrival times (ms) from its own random stream.
 *
 * Bounded work: the process never looks past `endMs` (the run's end: once
 * the next arrival or the next burst/quiet switch lies beyond it, `next()`
 * returns +∞), and it counts its steps (one per arrival, one per burst/quiet
 * switch). When `steps` reaches `maxSteps` it stops (`exhausted`, +∞): the
 * simulator reports the run as cut short by its work budget.
 */
export class ArrivalProcess {
  /** Arrivals drawn plus burst/quiet switches stepped through. */
  steps = 0;
  /** True once `maxSteps` was reached (no further arrivals). */
  exhausted = false;
  private L = 0;
  private inBurst = false;
  private stateEndMs = 0;
  private readonly mNormal: number;
  private readonly mBurst: number;
  private readonly meanNormalMs: number;
  /** Rate per ms of a steady, non-bursty process; 0 when the general path is needed. */
  private readonly steadyPerMs: number;

  constructor(
    private readonly kind: number,
    private readonly curve: RateCurve,
    private readonly burst: BurstSpec,
    private readonly rng: Rng,
    private readonly endMs = Number.POSITIVE_INFINITY,
    private readonly maxSteps = Number.POSITIVE_INFINITY,
  ) {
    this.mNormal = 1 / (1 + burst.burstFraction * (burst.peakFactor - 1));
    this.mBurst = burst.peakFactor * this.mNormal;
    this.meanNormalMs = (burst.meanBurstMs * (1 - burst.burstFraction)) / burst.burstFraction;
    const steady = curve.steadyRatePerMs();
    this.steadyPerMs = kind !== ARRIVAL_BURSTY ? steady : 0;
    if (kind === ARRIVAL_BURSTY) {
      this.inBurst = rng.next() < burst.burstFraction;
      this.stateEndMs = rng.exp(this.inBurst ? burst.meanBurstMs : this.meanNormalMs);
    }
  }

  /** The next arrival time (ms) after the previous one; +Infinity when the rate stays 0. */
  next(): number {
    const rate = this.steadyPerMs;
    if (rate > 0) {
      // Steady rate: Λ(t) = rate·t, so Λ⁻¹(L) = L / rate (the same arithmetic as the general path).
      this.L += this.kind === ARRIVAL_POISSON ? this.rng.exp(1) : 1;
      return this.L / rate;
    }
    if (this.kind === ARRIVAL_POISSON) {
      this.L += this.rng.exp(1);
      return this.curve.inverse(this.L);
    }
    if (this.kind === ARRIVAL_CONSTANT) {
      this.L += 1;
      return this.curve.inverse(this.L);
    }
    for (;;) {
      if (++this.steps > this.maxSteps) {
        this.exhausted = true;
        return Number.POSITIVE_INFINITY;
      }
      const m = this.inBurst ? this.mBurst : this.mNormal;
      const L = this.L + this.rng.exp(1) / m;
      const t = this.curve.inverse(L);
      if (t === Number.POSITIVE_INFINITY) return t;
      if (t <= this.stateEndMs) {
        this.L = L;
        return t;
      }
      // Memoryless: restart from the state switch with the other state's rate.
      const switchAt = this.stateEndMs;
      // Past the run's end nothing more arrives: stop instead of stepping through every switch up to t.
      if (switchAt > this.endMs) return Number.POSITIVE_INFINITY;
      this.L = this.curve.cumulative(switchAt);
      this.inBurst = !this.inBurst;
      this.stateEndMs = switchAt + this.rng.exp(this.inBurst ? this.burst.meanBurstMs : this.meanNormalMs);
    }
  }
}
