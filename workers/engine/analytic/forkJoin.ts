/**
 * Fork–join approximations: the mean time until the slowest of a node's
 * parallel calls has answered.
 */
import { detExp, detPowInt } from '../detmath';

/** One group of identical parallel calls: made with `probability`, then `count` copies at once. */
export interface ForkBranch {
  probability: number;
  count: number;
  /** Constant network cost of one call, ms. */
  networkMs: number;
  /** Mean response of the callee (its wait + service + its own calls), ms. */
  responseMs: number;
}

/** Harmonic number H_k = 1 + 1/2 + … + 1/k. */
export function harmonic(k: number): number {
  let h = 0;
  for (let i = 1; i <= k; i++) h += 1 / i;
  return h;
}

/**
 * Nelson & Tantawi (1988), "Approximate analysis of fork/join
 * synchronization in parallel queues", IEEE Trans. Computers 37(6): mean
 * response of a job forked to K ≥ 2 homogeneous M/M/1 queues, each at
 * utilisation ρ with mean response R₁ = E[S]/(1 − ρ):
 * R₂ = (12 − ρ)/8 · R₁ (exact for K = 2, Nelson–Tantawi 1985) and
 * R_K ≈ [H_K/H₂ + (4/11)(1 − H_K/H₂)ρ] · R₂.
 */
export function nelsonTantawiMs(k: number, rho: number, r1Ms: number): number {
  const r2 = ((12 - rho) / 8) * r1Ms;
  if (k === 2) return r2;
  const ratio = harmonic(k) / 1.5;
  return (ratio + (4 / 11) * (1 - ratio) * rho) * r2;
}

// 8-point Gauss–Legendre nodes and weights on [−1, 1].
const GL_X = [
  -0.960289856497536, -0.7966664774136267, -0.525532409916329, -0.1834346424956498, 0.1834346424956498,
  0.525532409916329, 0.7966664774136267, 0.960289856497536,
];
const GL_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362,
  0.3137066458778873, 0.2223810344533745, 0.1012285362903763,
];

/**
 * Expected maximum of independent branch responses, ms — the fork–join
 * approximation for heterogeneous or general branches. Each call is taken as
 * networkMs + an exponential with mean responseMs, independent of the
 * others; an edge is made with its probability, and then all its `count`
 * copies run at once; calls not made count as 0. So edge i's slowest copy is
 * below t with probability Φ_i(t) = (1 − p_i) + p_i·G_i(t)^{count_i}, where
 * G_i(t) = 1 − e^{−(t − n_i)/m_i} for t ≥ n_i, 0 before, and
 * E[max] = ∫₀^∞ (1 − ∏ Φ_i(t)) dt. The integral uses 8-point Gauss–Legendre
 * on segments that break at every network cost n and then at
 * n + m_min·2^j (j = −4, −3, … up to n + 64·m_max) for the branches with that
 * network cost: accurate to ~1e−9 relative. Exact for one branch
 * (p·(n + m)); for K identical exponentials it gives m·H_K.
 */
export function expectedMaxMs(branches: readonly ForkBranch[]): number {
  const bs = branches.filter((b) => b.probability > 0 && b.count > 0);
  if (bs.length === 0) return 0;
  if (bs.length === 1 && bs[0].count === 1) return bs[0].probability * (bs[0].networkMs + bs[0].responseMs);
  // Per distinct network cost: the smallest and largest positive mean response.
  const scales = new Map<number, { lo: number; hi: number }>();
  for (const b of bs) {
    const s = scales.get(b.networkMs) ?? { lo: Number.POSITIVE_INFINITY, hi: 0 };
    if (b.responseMs > 0) {
      s.lo = Math.min(s.lo, b.responseMs);
      s.hi = Math.max(s.hi, b.responseMs);
    }
    scales.set(b.networkMs, s);
  }
  const cuts = [0];
  for (const [net, s] of scales) {
    cuts.push(net);
    if (s.hi > 0) for (let d = s.lo / 16; d <= 64 * s.hi * 1.0001; d *= 2) cuts.push(net + d);
  }
  cuts.sort((x, y) => x - y);
  // P(max > t) = 1 − ∏ Φ_i(t).
  const survival = (t: number): number => {
    let prod = 1;
    for (const b of bs) {
      const g = t < b.networkMs ? 0 : b.responseMs > 0 ? 1 - detExp(-(t - b.networkMs) / b.responseMs) : 1;
      prod *= 1 - b.probability + b.probability * (b.count === 1 ? g : detPowInt(g, b.count));
    }
    return 1 - prod;
  };
  let total = 0;
  for (let i = 1; i < cuts.length; i++) {
    const lo = cuts[i - 1];
    const hi = cuts[i];
    if (!(hi > lo)) continue;
    const half = (hi - lo) / 2;
    const mid = lo + half;
    let sum = 0;
    for (let g = 0; g < 8; g++) sum += GL_W[g] * survival(mid + half * GL_X[g]);
    total += sum * half;
  }
  return total;
}
