/**
 * Day-of-traffic presets for the workload profile: the engine's day profiles
 * (workers/engine/autoscale/dayProfiles.ts, sources there) under the names the
 * studio offers, and the summary figures shown beside the profile.
 */
import { type DayProfileKind, dayProfile } from '../../workers/engine/autoscale/dayProfiles';
import type { ProfilePoint } from '../../workers/engine/schema';

export const DAY_PRESETS: readonly DayProfileKind[] = ['diurnal', 'flash-crowd', 'weekly-peak'];
export type DayPreset = DayProfileKind;

/** One simulated day, seconds: the presets span it and set the run's duration to it. */
export const DAY_SEC = 86_400;

export const DAY_PRESET_LABEL: Record<DayPreset, string> = {
  diurnal: 'Diurnal (peak ÷ trough 4, at 20:00)',
  'flash-crowd': 'Flash crowd (diurnal, 10× at 12:00)',
  'weekly-peak': 'Weekly peak (diurnal × 1.25)',
};

/** The profile points of a preset around a base mean rate (req/s), over one day (the engine's dayProfile). */
export function dayPresetProfile(preset: DayPreset, meanRatePerSec: number): ProfilePoint[] {
  return dayProfile({ kind: preset, meanRatePerSec });
}

/** Mean and peak rate of a profile over [first point, last point] (linear between points: the trapezoid rule is exact). */
export function profileSummary(points: readonly ProfilePoint[]): { meanPerSec: number; peakPerSec: number; troughPerSec: number; spanSec: number } {
  if (!points.length) return { meanPerSec: 0, peakPerSec: 0, troughPerSec: 0, spanSec: 0 };
  let area = 0;
  for (let i = 1; i < points.length; i++) area += ((points[i].ratePerSec + points[i - 1].ratePerSec) / 2) * (points[i].atSec - points[i - 1].atSec);
  const spanSec = points[points.length - 1].atSec - points[0].atSec;
  const rates = points.map((p) => p.ratePerSec);
  return {
    meanPerSec: spanSec > 0 ? area / spanSec : points[0].ratePerSec,
    peakPerSec: Math.max(...rates),
    troughPerSec: Math.min(...rates),
    spanSec,
  };
}
