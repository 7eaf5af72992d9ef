/**
 * Workload profiles for a day of traffic, as editable profile points
 * ({atSec, ratePerSec}, linear between points: the `workload.profile` format,
 * at most LIMITS.maxProfilePoints).
 *
 * - Diurnal: a sinusoid over 24 h with a given peak-to-trough ratio r, mean
 *   kept at `meanRatePerSec`. Default r = 4: "peaks and troughs in your
 *   traffic, which can easily lead to a 3-4X difference between minimum and
 *   maximum load over the day" (Robust Perception, "Do you know your
 *   peak-to-mean ratio?", robustperception.io/do-you-know-your-peak-to-mean-ratio);
 *   the sinusoid's peak-to-mean is 2r/(r+1) = 1.6, inside the 1.6–1.7 that
 *   post calls typical for a global user base. The peak hour (20:00) is an
 *   assumption (an evening peak).
 * - Flash crowd: the three phases of Ari et al., "Modeling, analysis and
 *   simulation of flash crowds on the Internet" (UCSC-CRL-03-15, 2003): a
 *   ramp-up to `shockLevel` × the normal rate, a sustained phase, a ramp-down.
 *   The default shock level (10×) and phase lengths are assumptions.
 * - Weekly peak: the busiest day of the week as the diurnal curve scaled by
 *   `weeklyPeakFactor` (default 1.25: an assumption, no source found).
 * Rates are rounded to 0.001 req/s; the cosine is evaluated with + and ×
 * only, so the points are the same in every JavaScript engine.
 */
import { LIMITS } from '../limits';
import type { ProfilePoint } from '../schema';

const TWO_PI = 6.283185307179586;
const DAY_SEC = 86_400;

/** cos(2π · turns) by its Taylor series on [−π, π] (error below 1e-13), with IEEE-exact operations only. */
export function cosTurns(turns: number): number {
  let x = turns - Math.floor(turns);
  if (x > 0.5) x -= 1;
  const r2 = TWO_PI * x * (TWO_PI * x);
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 14; k++) {
    term *= -r2 / ((2 * k - 1) * (2 * k));
    sum += term;
  }
  return sum;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function checkCount(n: number, field: string): void {
  if (n > LIMITS.maxProfilePoints) throw new Error(`${field}: gives ${n} profile points, at most ${LIMITS.maxProfilePoints}`);
}

/** Options of {@link diurnalProfile}. */
export interface DiurnalSpec {
  meanRatePerSec: number;
  /** Highest ÷ lowest rate of the day (≥ 1). */
  peakToTrough?: number;
  /** Time of day of the peak, seconds after midnight (the run starts at midnight). */
  peakAtSec?: number;
  durationSec?: number;
  /** Spacing of the points, seconds. */
  stepSec?: number;
}

/** A diurnal day: mean × (1 + a·cos(2π(t − peak)/24 h)), a = (r − 1)/(r + 1), a point every `stepSec`. */
export function diurnalProfile(s: DiurnalSpec): ProfilePoint[] {
  const r = s.peakToTrough ?? 4;
  const peak = s.peakAtSec ?? 20 * 3600;
  const duration = s.durationSec ?? DAY_SEC;
  const step = s.stepSec ?? 900;
  if (!(r >= 1)) throw new Error('peakToTrough: must be at least 1');
  if (!(step > 0)) throw new Error('stepSec: must be greater than 0');
  checkCount(Math.ceil(duration / step) + 1, 'stepSec');
  const a = (r - 1) / (r + 1);
  const out: ProfilePoint[] = [];
  for (let k = 0; ; k++) {
    const t = Math.min(k * step, duration);
    out.push({ atSec: t, ratePerSec: round3(s.meanRatePerSec * (1 + a * cosTurns((t - peak) / DAY_SEC))) });
    if (t >= duration) return out;
  }
}

/** Options of {@link addFlashCrowd} (seconds; `shockLevel` multiplies the normal rate). */
export interface FlashCrowdSpec {
  startSec: number;
  shockLevel?: number;
  rampUpSec?: number;
  sustainedSec?: number;
  rampDownSec?: number;
}

/** The rate of a profile at `tSec`: linear between points, held before the first and after the last. */
export function rateAt(points: readonly ProfilePoint[], tSec: number): number {
  if (tSec <= points[0].atSec) return points[0].ratePerSec;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    if (tSec < p.atSec) {
      const q = points[i - 1];
      return q.ratePerSec + ((p.ratePerSec - q.ratePerSec) * (tSec - q.atSec)) / (p.atSec - q.atSec);
    }
  }
  return points[points.length - 1].ratePerSec;
}

/** `base` with a flash crowd on top: the rate × a factor rising linearly to `shockLevel`, holding, then falling back to 1. */
export function addFlashCrowd(base: readonly ProfilePoint[], f: FlashCrowdSpec): ProfilePoint[] {
  const shock = f.shockLevel ?? 10;
  const t0 = f.startSec;
  const t1 = t0 + (f.rampUpSec ?? 60);
  const t2 = t1 + (f.sustainedSec ?? 600);
  const t3 = t2 + (f.rampDownSec ?? 1200);
  const factor = (t: number) => (t <= t0 || t >= t3 ? 1 : t < t1 ? 1 + ((shock - 1) * (t - t0)) / (t1 - t0) : t <= t2 ? shock : shock - ((shock - 1) * (t - t2)) / (t3 - t2));
  const end = base[base.length - 1].atSec;
  const times = [...new Set([...base.map((p) => p.atSec), ...[t0, t1, t2, t3].filter((t) => t <= end)])].sort((x, y) => x - y);
  checkCount(times.length, 'profile');
  return times.map((t) => ({ atSec: t, ratePerSec: round3(rateAt(base, t) * factor(t)) }));
}

/** Options of {@link weeklyPeakProfile}: a diurnal day and the busiest day's factor over the weekly mean. */
export interface WeeklyPeakSpec extends DiurnalSpec {
  weeklyPeakFactor?: number;
}

/** The week's busiest day: the diurnal curve with its mean × `weeklyPeakFactor`. */
export function weeklyPeakProfile(s: WeeklyPeakSpec): ProfilePoint[] {
  return diurnalProfile({ ...s, meanRatePerSec: s.meanRatePerSec * (s.weeklyPeakFactor ?? 1.25) });
}

/** Which day {@link dayProfile} builds: `diurnal`, `flash-crowd` (a diurnal day with a flash crowd at `flash.startSec`) or `weekly-peak`. */
export type DayProfileKind = 'diurnal' | 'flash-crowd' | 'weekly-peak';

/** Options of {@link dayProfile}. */
export interface DayProfileSpec extends WeeklyPeakSpec {
  kind: DayProfileKind;
  /** The flash crowd (kind `flash-crowd`); default: at 12:00 with the defaults of {@link addFlashCrowd}. */
  flash?: FlashCrowdSpec;
}

/** A day of traffic as editable `workload.profile` points (the studio's and the CLI's entry point to this module). */
export function dayProfile(s: DayProfileSpec): ProfilePoint[] {
  if (s.kind === 'weekly-peak') return weeklyPeakProfile(s);
  const day = diurnalProfile(s);
  return s.kind === 'flash-crowd' ? addFlashCrowd(day, s.flash ?? { startSec: 12 * 3600 }) : day;
}
