/**
 * Fitting a service's self times to a distribution, and the fit's quantiles.
 *
 * The fit is lognormal by the method of moments: the sample mean and
 * coefficient of variation (CV = standard deviation / mean) become the
 * document's `lognormal { meanMs, cv }` directly, which has exactly that mean
 * and CV. A CV under 0.05 (nearly constant times) is fitted as deterministic.
 */
import { LIMITS } from '../../engine/limits';
import type { ServiceTime } from '../../engine/schema';

/** Below this CV the fit is deterministic. */
export const DETERMINISTIC_CV = 0.05;

/** Sample mean and CV (population standard deviation / mean; 0 when the mean is 0). */
export function moments(samples: readonly number[]): { mean: number; cv: number } {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const variance = samples.reduce((a, b) => a + (b - mean) * (b - mean), 0) / n;
  return { mean, cv: mean > 0 ? Math.sqrt(variance) / mean : 0 };
}

/** The fitted service time (ms) of self-time samples in ms. */
export function fitServiceTime(samplesMs: readonly number[]): ServiceTime {
  const { mean, cv } = moments(samplesMs);
  const meanMs = Math.min(LIMITS.maxServiceMs, round4(mean));
  if (cv < DETERMINISTIC_CV || meanMs <= 0) return { dist: 'deterministic', meanMs: Math.max(0, meanMs) };
  return { dist: 'lognormal', meanMs, cv: Math.min(LIMITS.maxCv, round4(cv)) };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The q-quantile (0 < q < 1) of sorted samples, by linear interpolation between order statistics (type 7). */
export function sampleQuantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Standard normal quantiles used by the fit report (z of 0.5 and 0.99). */
const Z = { p50: 0, p99: 2.3263478740408408 } as const;

/**
 * Quantiles and mean of a fitted distribution (ms). Lognormal with mean m and
 * CV c: σ² = ln(1 + c²), μ = ln m − σ²/2, q_p = exp(μ + σ·z_p).
 */
export function modelStats(t: ServiceTime): { p50Ms: number; p99Ms: number; meanMs: number } {
  if (t.dist === 'lognormal') {
    const s2 = Math.log(1 + t.cv * t.cv);
    const mu = Math.log(t.meanMs) - s2 / 2;
    const s = Math.sqrt(s2);
    return { p50Ms: Math.exp(mu + s * Z.p50), p99Ms: Math.exp(mu + s * Z.p99), meanMs: t.meanMs };
  }
  if (t.dist === 'deterministic') return { p50Ms: t.meanMs, p99Ms: t.meanMs, meanMs: t.meanMs };
  throw new Error(`no fit statistics for ${t.dist}`);
}
