/** Load-profile presets for a single run: ramp, step and spike, as workload profile points. */
import type { ProfilePoint } from '../../workers/engine/schema';

export const PROFILE_PRESETS = ['ramp', 'step', 'spike'] as const;
export type ProfilePreset = (typeof PROFILE_PRESETS)[number];

/**
 * Profile points over `durationSec` peaking at `peakPerSec` (rates are
 * interpolated linearly between points; two points at one time make a step):
 * ramp 10% → 100%; step 50% → 100% at half time; spike 40% with 100% from 45% to 55% of the run.
 */
export function presetProfile(preset: ProfilePreset, peakPerSec: number, durationSec: number): ProfilePoint[] {
  const r = peakPerSec;
  const d = durationSec;
  switch (preset) {
    case 'ramp':
      return [
        { atSec: 0, ratePerSec: 0.1 * r },
        { atSec: d, ratePerSec: r },
      ];
    case 'step':
      return [
        { atSec: 0, ratePerSec: 0.5 * r },
        { atSec: d / 2, ratePerSec: 0.5 * r },
        { atSec: d / 2, ratePerSec: r },
        { atSec: d, ratePerSec: r },
      ];
    case 'spike':
      return [
        { atSec: 0, ratePerSec: 0.4 * r },
        { atSec: 0.45 * d, ratePerSec: 0.4 * r },
        { atSec: 0.45 * d, ratePerSec: r },
        { atSec: 0.55 * d, ratePerSec: r },
        { atSec: 0.55 * d, ratePerSec: 0.4 * r },
        { atSec: d, ratePerSec: 0.4 * r },
      ];
  }
}
