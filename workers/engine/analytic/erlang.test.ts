import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mgcWaitMs } from './erlang';

/** Erlang B from its definition, in log space: B = P(N = c) / P(N ≤ c) for N ~ Poisson(a). Independent of the recursion. */
function erlangBLogSpace(c: number, a: number): number {
  const logs: number[] = [];
  let logFact = 0;
  for (let j = 0; j <= c; j++) {
    if (j > 0) logFact += Math.log(j);
    logs.push(j * Math.log(a) - logFact);
  }
  const max = Math.max(...logs);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - max);
  return Math.exp(logs[c] - max) / sum;
}

/** The plain O(c) recursion 1/B(k) = 1 + (k/a)/B(k−1) with no shortcut. */
function erlangBFullRecursion(c: number, a: number): number {
  let inv = 1;
  for (let k = 1; k <= c; k++) inv = 1 + (k / a) * inv;
  return 1 / inv;
}

const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
/** Standard normal CDF (Abramowitz & Stegun 26.2.17, |error| < 7.5e−8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = phi(Math.abs(x)) * poly;
  return x >= 0 ? 1 - upper : upper;
}

describe('Erlang B and C', () => {
  it('Erlang C, c = 2, λ = 1, μ = 1: P(wait) = 1/3 (Kleinrock, Queueing Systems Vol. 1, eq. 3.40)', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('Erlang C, c = 3, a = 2: P(wait) = (8/6·3)/(1 + 2 + 2 + 4) = 4/9 (Gross & Harris, M/M/c, eq. 2.36)', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
  });

  it('Erlang B table values: B(10, 5) = 0.018385, B(5, 2) = 0.036697 (standard Erlang B tables)', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
    expect(erlangB(5, 2)).toBeCloseTo(0.036697, 6);
  });

  it('agrees with the log-space definition over a grid of c and ρ', () => {
    for (const c of [1, 2, 7, 50, 150, 400]) {
      for (const rho of [0.05, 0.5, 0.8, 0.95, 0.999]) {
        const a = rho * c;
        expect(erlangB(c, a)).toBeCloseTo(erlangBLogSpace(c, a), 12);
      }
    }
  });

  it('is stable for c = 10 000 at ρ = 0.99: matches the log-space definition and the Halfin–Whitt limit', () => {
    const c = 10_000;
    const a = 9_900;
    const b = erlangB(c, a);
    expect(b).toBeGreaterThan(0);
    expect(Math.abs(b / erlangBLogSpace(c, a) - 1)).toBeLessThan(1e-9);
    // Halfin & Whitt (1981): with c = a + β√a, P(wait) → [1 + βΦ(β)/φ(β)]⁻¹ as c → ∞.
    const beta = (c - a) / Math.sqrt(a);
    const halfinWhitt = 1 / (1 + (beta * normalCdf(beta)) / phi(beta));
    expect(Math.abs(erlangC(c, a) / halfinWhitt - 1)).toBeLessThan(0.02);
  });

  it('stays finite and exact for c = 100 000 near saturation and underflows cleanly to 0 when no one waits', () => {
    const c = 100_000;
    const a = 99_500;
    // The log-space sum of 10⁵ log-factorials carries ~1e−9 rounding of its own.
    expect(Math.abs(erlangB(c, a) / erlangBLogSpace(c, a) - 1)).toBeLessThan(1e-7);
    // The O(√a) shortcut start must not change the O(c) recursion's answer.
    for (const load of [a, 90_000, 99_999.9]) {
      expect(Math.abs(erlangB(c, load) / erlangBFullRecursion(c, load) - 1)).toBeLessThan(1e-12);
    }
    const w = mgcWaitMs(c, a, 1000, 1); // λ = a per second, E[S] = 1 s
    expect(Number.isFinite(w)).toBe(true);
    expect(w).toBeGreaterThan(0);
    expect(erlangC(10_000, 10)).toBe(0);
  });
});

describe('M/G/c mean wait', () => {
  it('M/M/1: W_q = ρS/(1 − ρ), so R = S/(1 − ρ) (Kleinrock Vol. 1, eq. 3.26)', () => {
    // λ = 80/s, S = 10 ms, ρ = 0.8: W_q = 40 ms.
    expect(mgcWaitMs(1, 80, 10, 1)).toBeCloseTo(40, 10);
  });

  it('M/M/c: W_q = C(c, a)/(cμ − λ); c = 3, λ = 2/s, S = 1 s gives (4/9)/1 s', () => {
    expect(mgcWaitMs(3, 2, 1000, 1)).toBeCloseTo((4 / 9) * 1000, 8);
  });

  it('M/D/1: Pollaczek–Khinchine W_q = ρS/(2(1 − ρ))', () => {
    expect(mgcWaitMs(1, 80, 10, 0)).toBeCloseTo((0.8 * 10) / (2 * 0.2), 10);
  });

  it('M/G/1: Pollaczek–Khinchine W_q = ρS(1 + c_s²)/(2(1 − ρ)) for c_s = 0.5 and c_s = 2', () => {
    expect(mgcWaitMs(1, 50, 10, 0.25)).toBeCloseTo((0.5 * 10 * 1.25) / (2 * 0.5), 10);
    expect(mgcWaitMs(1, 50, 10, 4)).toBeCloseTo((0.5 * 10 * 5) / (2 * 0.5), 10);
  });

  it('M/G/c (Allen–Cunneen): the M/M/c wait times (1 + c_s²)/2', () => {
    const mmc = mgcWaitMs(4, 300, 10, 1)!;
    expect(mgcWaitMs(4, 300, 10, 0)).toBeCloseTo(mmc / 2, 10);
    expect(mgcWaitMs(4, 300, 10, 3)).toBeCloseTo(mmc * 2, 10);
  });

  it('has no steady state at ρ ≥ 1 (null) and no wait at zero load', () => {
    expect(mgcWaitMs(2, 200, 10, 1)).toBeNull();
    expect(mgcWaitMs(2, 250, 10, 1)).toBeNull();
    expect(mgcWaitMs(2, 0, 10, 1)).toBe(0);
  });
});
