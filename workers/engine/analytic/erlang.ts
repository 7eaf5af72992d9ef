/**
 * Erlang B / Erlang C and the M/G/c mean waiting time, computed so that they
 * stay finite and accurate for any server count up to `LIMITS.maxServers`
 * (100 000) and offered loads up to the same size.
 */

/**
 * Erlang B blocking probability B(c, a) for `c` servers and offered load
 * `a = λ·E[S]` (erlangs, dimensionless).
 *
 * Uses the recursion on the reciprocal, 1/B(k) = 1 + (k/a)·1/B(k−1) with
 * 1/B(0) = 1 (Jagerman 1974), which never overflows until B itself is below
 * 1e−300 (then 0 is returned). When c ≥ a > 100 the recursion starts at
 * k₀ = a − 12√a from the fluid value 1/B(k₀) ≈ a/(a − k₀): the start error is
 * multiplied by ∏(k/a) over k₀ < k ≤ a ≈ e^−72 before it reaches c, so the
 * result is exact to double precision in O(√a) steps instead of O(c).
 */
export function erlangB(c: number, a: number): number {
  if (!(a > 0)) return 0;
  let k = 0;
  let inv = 1; // 1/B(k)
  if (a > 100 && c >= a) {
    const k0 = Math.floor(a - 12 * Math.sqrt(a));
    k = k0;
    inv = a / (a - k0);
  }
  for (k += 1; k <= c; k++) {
    inv = 1 + (k / a) * inv;
    if (inv > 1e300) return 0;
  }
  return 1 / inv;
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with `c`
 * servers and offered load `a = λ/μ` erlangs; requires a < c (ρ = a/c < 1).
 * C = c·B / (c − a·(1 − B)) with B = {@link erlangB}(c, a).
 */
export function erlangC(c: number, a: number): number {
  if (!(a > 0)) return 0;
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/**
 * Mean waiting time in queue (ms) of an M/G/c FCFS station.
 *
 * W_q = C(c, a) · E[S] / (c − a) · (1 + c_s²)/2 — the M/M/c value (exact for
 * exponential service, c_s² = 1) scaled by the Allen–Cunneen / Lee–Longton
 * factor; for c = 1 this is exactly Pollaczek–Khinchine,
 * W_q = ρ·E[S]·(1 + c_s²) / (2(1 − ρ)).
 *
 * @param c servers (≥ 1)
 * @param ratePerSec arrival rate λ, per second
 * @param meanMs mean service time E[S], ms
 * @param scv squared coefficient of variation of the service time, c_s²
 * @returns the mean wait in ms, or null when ρ = λE[S]/c ≥ 1 (no steady state)
 */
export function mgcWaitMs(c: number, ratePerSec: number, meanMs: number, scv: number): number | null {
  const a = (ratePerSec * meanMs) / 1000;
  if (a >= c) return null;
  if (!(a > 0)) return 0;
  return ((erlangC(c, a) * meanMs) / (c - a)) * ((1 + scv) / 2);
}
