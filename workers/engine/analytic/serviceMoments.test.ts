import { describe, expect, it } from 'vitest';
import { mixtureMoments, serviceMoments } from './serviceMoments';

describe('service-time moments', () => {
  it('gives E[S] and c_s² of each distribution', () => {
    expect(serviceMoments({ dist: 'exponential', meanMs: 7 })).toEqual({ meanMs: 7, scv: 1 });
    expect(serviceMoments({ dist: 'deterministic', meanMs: 7 })).toEqual({ meanMs: 7, scv: 0 });
    expect(serviceMoments({ dist: 'gamma', meanMs: 7, cv: 0.5 })).toEqual({ meanMs: 7, scv: 0.25 });
    expect(serviceMoments({ dist: 'lognormal', meanMs: 7, cv: 2 })).toEqual({ meanMs: 7, scv: 4 });
  });

  it('uniform on [a, b]: mean (a + b)/2, variance (b − a)²/12', () => {
    const m = serviceMoments({ dist: 'uniform', minMs: 2, maxMs: 10 });
    expect(m.meanMs).toBe(6);
    expect(m.scv).toBeCloseTo(64 / 12 / 36, 12);
  });

  it('a λ-weighted mixture: E[S] = Σw·m, E[S²] = Σw·m²(1 + c²)', () => {
    // Exponential 10 ms and deterministic 30 ms, equal weights: E = 20, E[S²] = (200 + 900)/2 = 550.
    const m = mixtureMoments(
      [
        { meanMs: 10, scv: 1 },
        { meanMs: 30, scv: 0 },
      ],
      [5, 5],
    );
    expect(m.meanMs).toBeCloseTo(20, 12);
    expect(m.scv).toBeCloseTo(550 / 400 - 1, 12);
  });
});
