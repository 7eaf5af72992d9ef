/** The first two moments of each service-time distribution of the format. */
import type { ServiceTime } from '../schema';

/** Mean (ms) and squared coefficient of variation of a service time. */
export interface ServiceMoments {
  meanMs: number;
  /** c_s² = Var[S] / E[S]² (0 when E[S] = 0). */
  scv: number;
}

/**
 * E[S] and c_s² of a distribution: exponential 1, deterministic 0,
 * lognormal and gamma cv², uniform on [a, b] (b − a)² / (3(a + b)²).
 */
export function serviceMoments(st: ServiceTime): ServiceMoments {
  switch (st.dist) {
    case 'exponential':
      return { meanMs: st.meanMs, scv: 1 };
    case 'deterministic':
      return { meanMs: st.meanMs, scv: 0 };
    case 'lognormal':
    case 'gamma':
      return { meanMs: st.meanMs, scv: st.cv * st.cv };
    case 'uniform': {
      const sum = st.minMs + st.maxMs;
      const width = st.maxMs - st.minMs;
      return { meanMs: sum / 2, scv: sum > 0 ? (width * width) / (3 * sum * sum) : 0 };
    }
  }
}

/**
 * Moments of a mixture: with weight w_i the service time is drawn from
 * component i. E[S] = Σ w_i E[S_i]; E[S²] = Σ w_i E[S_i]²(1 + c_i²).
 * Weights need not sum to 1 (they are normalised); all-zero weights give
 * the plain average of the components.
 */
export function mixtureMoments(parts: readonly ServiceMoments[], weights: readonly number[]): ServiceMoments {
  let total = 0;
  for (const w of weights) total += w;
  const n = parts.length;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const w = total > 0 ? weights[i] / total : 1 / n;
    const m = parts[i].meanMs;
    m1 += w * m;
    m2 += w * m * m * (1 + parts[i].scv);
  }
  return { meanMs: m1, scv: m1 > 0 ? Math.max(0, m2 / (m1 * m1) - 1) : 0 };
}
