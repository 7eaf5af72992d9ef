import { describe, expect, it } from 'vitest';
import { rateAt } from '../../workers/engine/autoscale/dayProfiles';
import { DAY_PRESETS, DAY_SEC, dayPresetProfile, profileSummary } from './dayPresets';

describe('day presets', () => {
  it('every preset spans one day, starts at 0 and ends at 24 h', () => {
    for (const p of DAY_PRESETS) {
      const pts = dayPresetProfile(p, 100);
      expect(pts[0].atSec).toBe(0);
      expect(pts[pts.length - 1].atSec).toBe(DAY_SEC);
    }
  });

  it('the diurnal day keeps its mean and has peak ÷ trough 4 (a = 3/5: peak 1.6 × mean, trough 0.4 × mean)', () => {
    const s = profileSummary(dayPresetProfile('diurnal', 100));
    expect(s.meanPerSec).toBeCloseTo(100, 0);
    expect(s.peakPerSec).toBeCloseTo(160, 1);
    expect(s.troughPerSec).toBeCloseTo(40, 1);
  });

  it('the weekly peak is the diurnal day × 1.25; the flash crowd holds 10 × the diurnal rate from 12:01 to 12:11', () => {
    expect(profileSummary(dayPresetProfile('weekly-peak', 100)).meanPerSec).toBeCloseTo(125, 0);
    const flash = dayPresetProfile('flash-crowd', 100);
    const diurnal = dayPresetProfile('diurnal', 100);
    // The sustained phase ends at 12:00 + 60 s + 600 s; the diurnal rate still rises towards its 20:00 peak, so the highest point is there.
    const end = 12 * 3600 + 660;
    expect(profileSummary(flash).peakPerSec).toBeCloseTo(10 * rateAt(diurnal, end), 2);
    expect(flash.find((p) => p.atSec === end)?.ratePerSec).toBe(profileSummary(flash).peakPerSec);
  });

  it('summarises a step profile exactly (trapezoids)', () => {
    const s = profileSummary([
      { atSec: 0, ratePerSec: 10 },
      { atSec: 50, ratePerSec: 10 },
      { atSec: 50, ratePerSec: 30 },
      { atSec: 100, ratePerSec: 30 },
    ]);
    expect(s).toEqual({ meanPerSec: 20, peakPerSec: 30, troughPerSec: 10, spanSec: 100 });
  });
});
