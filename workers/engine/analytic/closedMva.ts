/**
 * Mean-value analysis of a closed network (Reiser & Lavenberg 1980; Lazowska
 * et al., *Quantitative System Performance*, 1984, ch. 6) with the centres a
 * design has: queueing centres of `copies` identical replicas (a random split
 * of the visits, each its own queue) of `servers` servers each, and a pure
 * delay (network hops) besides the users' think time.
 *
 * A single-server centre is exact MVA: R_k(n) = D_k (1 + Q_k(n − 1)). A
 * c-server centre uses Seidmann's approximation (Seidmann, Schweitzer &
 * Shalev-Oren 1987; Menascé & Almeida, *Capacity Planning for Web Services*,
 * §9): a single server c times as fast (demand D/c) followed by a delay of
 * D (c − 1)/c; it is exact at n = 1 and as n → ∞. With copies = servers = 1
 * everywhere this is `mvaClosed` (resilience/closedWorkload.ts), exactly.
 */

/** One queueing centre: `demandMs` is the whole group's service demand per request (Σ visits × mean service, ms). */
export interface MvaCentre {
  demandMs: number;
  servers: number;
  copies: number;
}

export interface MvaSolution {
  /** Response time per request (ms), think time excluded. */
  responseMs: number;
  /** Throughput, requests per ms. */
  throughputPerMs: number;
  /** Per centre: residence time per request over all its copies (ms). */
  residenceMs: number[];
  /** Per centre: mean requests queued or in service at one copy's single fast server (Seidmann's queueing part). */
  queue: number[];
}

/** MVA at `users` users (a whole number ≥ 1) with mean think time `thinkMs` and a fixed `delayMs` per request. */
export function mvaCentres(users: number, centres: readonly MvaCentre[], delayMs: number, thinkMs: number): MvaSolution {
  const k = centres.length;
  const q = new Float64Array(k);
  const res = new Float64Array(k);
  // Per copy: the fast server's demand D/(r c) and the delay part D (c − 1)/(r c).
  const fast = centres.map((c) => c.demandMs / (c.copies * c.servers));
  const lag = centres.map((c) => (c.demandMs * (c.servers - 1)) / (c.copies * c.servers));
  let r = delayMs;
  let x = 0;
  for (let n = 1; n <= users; n++) {
    r = delayMs;
    for (let i = 0; i < k; i++) {
      res[i] = centres[i].copies * (fast[i] * (1 + q[i]) + lag[i]);
      r += res[i];
    }
    x = n / (thinkMs + r);
    for (let i = 0; i < k; i++) q[i] = x * fast[i] * (1 + q[i]);
  }
  return { responseMs: r, throughputPerMs: x, residenceMs: Array.from(res), queue: Array.from(q) };
}

/**
 * The asymptotic bounds of a closed system (Lazowska et al. §5.3): X(N) ≤
 * min(N/(D + Z), 1/Dmax) and R(N) ≥ max(D, N·Dmax − Z), where D is the total
 * demand per request (delays included) and Dmax the largest demand per server.
 * `kneeUsers` is N* = (D + Z)/Dmax, where the two throughput bounds meet.
 */
export function closedBounds(users: number, totalDemandMs: number, maxDemandMs: number, thinkMs: number): { maxThroughputPerMs: number; minResponseMs: number; kneeUsers: number } {
  const cap = maxDemandMs > 0 ? 1 / maxDemandMs : Number.POSITIVE_INFINITY;
  return {
    maxThroughputPerMs: Math.min(users / (totalDemandMs + thinkMs), cap),
    minResponseMs: Math.max(totalDemandMs, users * maxDemandMs - thinkMs),
    kneeUsers: maxDemandMs > 0 ? (totalDemandMs + thinkMs) / maxDemandMs : Number.POSITIVE_INFINITY,
  };
}
