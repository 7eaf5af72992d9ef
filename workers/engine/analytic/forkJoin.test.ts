import { describe, expect, it } from 'vitest';
import { expectedMaxMs, harmonic, nelsonTantawiMs } from './forkJoin';

const branch = (responseMs: number, probability = 1, networkMs = 0, count = 1) => ({
  probability,
  count,
  networkMs,
  responseMs,
});

describe('Nelson–Tantawi fork–join (IEEE Trans. Computers 37(6), 1988)', () => {
  it('K = 2 homogeneous M/M/1: R₂ = (12 − ρ)/8 · S/(1 − ρ) (exact, Nelson & Tantawi 1985)', () => {
    const s = 10;
    for (const rho of [0.1, 0.5, 0.8]) {
      const r1 = s / (1 - rho);
      expect(nelsonTantawiMs(2, rho, r1)).toBeCloseTo(((12 - rho) / 8) * r1, 10);
    }
  });

  it('K > 2: R_K ≈ [H_K/H₂ + (4/11)(1 − H_K/H₂)ρ] · R₂', () => {
    const rho = 0.6;
    const r1 = 10 / (1 - rho);
    const r2 = ((12 - rho) / 8) * r1;
    const ratio = harmonic(8) / 1.5;
    expect(nelsonTantawiMs(8, rho, r1)).toBeCloseTo((ratio + (4 / 11) * (1 - ratio) * rho) * r2, 10);
  });

  it('at ρ → 0 gives the expected maximum of K exponentials, H_K · S', () => {
    expect(nelsonTantawiMs(4, 0, 10)).toBeCloseTo((25 / 12) * 10, 10);
  });
});

describe('expected maximum of independent branch responses', () => {
  it('K iid exponentials with mean m: m · H_K (order statistics)', () => {
    expect(expectedMaxMs([branch(20), branch(20)])).toBeCloseTo(30, 5);
    expect(expectedMaxMs(Array.from({ length: 8 }, () => branch(20)))).toBeCloseTo(20 * harmonic(8), 4);
    expect(expectedMaxMs([branch(20, 1, 0, 3)])).toBeCloseTo(20 * harmonic(3), 5);
  });

  it('two exponentials with means m₁, m₂: m₁ + m₂ − 1/(1/m₁ + 1/m₂)', () => {
    expect(expectedMaxMs([branch(5), branch(40)])).toBeCloseTo(5 + 40 - 1 / (1 / 5 + 1 / 40), 4);
    expect(expectedMaxMs([branch(0.01), branch(100)])).toBeCloseTo(0.01 + 100 - 1 / (1 / 0.01 + 1 / 100), 4);
  });

  it('a constant network cost shifts the maximum', () => {
    expect(expectedMaxMs([branch(20, 1, 3), branch(20, 1, 3)])).toBeCloseTo(3 + 30, 5);
  });

  it('probabilistic calls: one branch gives p(n + m); two iid give ∫1 − (1 − p e^(−t/m))² dt = 2pm − p²m/2', () => {
    expect(expectedMaxMs([branch(20, 0.3, 2)])).toBeCloseTo(0.3 * 22, 10);
    expect(expectedMaxMs([branch(20, 0.4), branch(20, 0.4)])).toBeCloseTo(2 * 0.4 * 20 - (0.16 * 20) / 2, 5);
  });

  it('an edge made with probability p sends all its count copies at once: p · m · H_count', () => {
    expect(expectedMaxMs([branch(20, 0.5, 0, 2)])).toBeCloseTo(0.5 * 30, 6);
    // With a second, certain branch: E[max(X, Y)] mixes the two cases, ½·E[max of 3] + ½·E[1].
    expect(expectedMaxMs([branch(20, 0.5, 0, 2), branch(20)])).toBeCloseTo(0.5 * 20 * harmonic(3) + 0.5 * 20, 6);
  });

  it('deterministic branches (zero response): the expected largest network cost among the calls made', () => {
    // Calls with network 1 and 3 ms, each made with probability 1/2: 3·½ + 1·¼ = 1.75.
    expect(expectedMaxMs([branch(0, 0.5, 1), branch(0, 0.5, 3)])).toBeCloseTo(1.75, 10);
    expect(expectedMaxMs([branch(0, 1, 1), branch(0, 1, 3)])).toBeCloseTo(3, 10);
  });

  it('no calls made: 0', () => {
    expect(expectedMaxMs([])).toBe(0);
    expect(expectedMaxMs([branch(10, 0), branch(10, 0)])).toBe(0);
  });
});
