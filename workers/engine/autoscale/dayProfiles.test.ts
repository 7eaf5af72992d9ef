/** Day-of-traffic profiles: valid profile points, the documented ratios, the flash crowd's phases. */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { ProfilePointSchema } from '../schema';
import { addFlashCrowd, cosTurns, diurnalProfile, rateAt, weeklyPeakProfile } from './dayProfiles';

/** Mean rate of a piecewise-linear profile over [first, last] (trapezoids: exact for linear segments). */
function meanRate(p: { atSec: number; ratePerSec: number }[]): number {
  let area = 0;
  for (let i = 1; i < p.length; i++) area += ((p[i].ratePerSec + p[i - 1].ratePerSec) / 2) * (p[i].atSec - p[i - 1].atSec);
  return area / (p[p.length - 1].atSec - p[0].atSec);
}

describe('day profiles', () => {
  it('cosTurns matches cos(2π x) to 1e-12', () => {
    for (let x = -2; x <= 2; x += 0.01) expect(Math.abs(cosTurns(x) - Math.cos(2 * Math.PI * x))).toBeLessThan(1e-12);
  });

  it('diurnal: valid points, mean kept, peak ÷ trough = 4 and peak ÷ mean = 1.6, peak at 20:00', () => {
    const p = diurnalProfile({ meanRatePerSec: 300 });
    expect(p).toHaveLength(97);
    for (const x of p) expect(ProfilePointSchema.safeParse(x).success).toBe(true);
    const rates = p.map((x) => x.ratePerSec);
    const max = Math.max(...rates);
    const min = Math.min(...rates);
    expect(max / min).toBeCloseTo(4, 6);
    expect(max / 300).toBeCloseTo(1.6, 6); // 2r/(r + 1)
    expect(p[rates.indexOf(max)].atSec).toBe(20 * 3600);
    expect(p[rates.indexOf(min)].atSec).toBe(8 * 3600);
    // Sampling a cosine every 15 min and joining linearly keeps its mean to well under 0.1%.
    expect(Math.abs(meanRate(p) / 300 - 1)).toBeLessThan(1e-3);
  });

  it('a flash crowd rises to the shock level, holds and falls back; at most 1000 points', () => {
    const base = diurnalProfile({ meanRatePerSec: 100, peakToTrough: 1 });
    const f = addFlashCrowd(base, { startSec: 36_000, shockLevel: 8, rampUpSec: 60, sustainedSec: 600, rampDownSec: 1200 });
    expect(rateAt(f, 35_000)).toBe(100);
    expect(rateAt(f, 36_030)).toBeCloseTo(100 * 4.5, 6); // half-way up the ramp
    expect(rateAt(f, 36_060)).toBe(800);
    expect(rateAt(f, 36_660)).toBe(800);
    expect(rateAt(f, 37_860)).toBe(100);
    expect(f.length).toBeLessThanOrEqual(LIMITS.maxProfilePoints);
    expect(() => diurnalProfile({ meanRatePerSec: 1, stepSec: 10 })).toThrow(/stepSec: gives 8641 profile points, at most 1000/);
  });

  it('weekly peak: the diurnal day × the busiest-day factor', () => {
    const d = diurnalProfile({ meanRatePerSec: 200 });
    const w = weeklyPeakProfile({ meanRatePerSec: 200, weeklyPeakFactor: 1.5 });
    expect(w.map((x) => x.atSec)).toEqual(d.map((x) => x.atSec));
    // Both rounded to 0.001 req/s.
    for (let i = 0; i < w.length; i++) expect(Math.abs(w[i].ratePerSec - 1.5 * d[i].ratePerSec)).toBeLessThanOrEqual(0.002);
    expect(Math.max(...w.map((x) => x.ratePerSec))).toBe(480); // 1.5 × 200 × peak-to-mean 1.6
  });
});
