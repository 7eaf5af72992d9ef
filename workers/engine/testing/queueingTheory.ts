/**
 * Closed forms of queueing theory that the engine's tests check the
 * simulation against. Rates per ms, times in ms.
 */
import { detExp, detPowInt } from '../detmath';

/**
 * Erlang C: the probability that an arrival waits in M/M/c with offered load
 * a = λ/μ (Erlang B by the stable recursion B(k) = a·B(k−1)/(k + a·B(k−1)),
 * then C = B / (1 − ρ(1 − B)); Kleinrock, Queueing Systems Vol. 1, §3.5).
 */
export function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** M/M/c mean response time E[T] = C/(cμ − λ) + 1/μ (Kleinrock Vol. 1, eq. 3.40 plus service). */
export function mmcMeanMs(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
}

/**
 * M/M/c response-time tail P(T > t): the wait is 0 with probability 1 − C and
 * Exp(θ = cμ − λ) otherwise (Gross & Harris, Fundamentals of Queueing Theory,
 * §2.3.2), plus an independent Exp(μ) service, so
 * P(T > t) = (1 − C)e^{−μt} + C(θe^{−μt} − μe^{−θt})/(θ − μ)   (θ ≠ μ).
 */
export function mmcTail(c: number, lambda: number, mu: number, t: number): number {
  const C = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  const both = Math.abs(theta - mu) < 1e-12 ? (1 + mu * t) * detExp(-mu * t) : (theta * detExp(-mu * t) - mu * detExp(-theta * t)) / (theta - mu);
  return (1 - C) * detExp(-mu * t) + C * both;
}

/** The q-quantile of a decreasing tail function, by bisection. */
export function quantileOfTail(tail: (t: number) => number, q: number, hiMs = 1e7): number {
  let lo = 0;
  let hi = hiMs;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Pollaczek–Khinchine mean response time of M/G/1:
 * E[T] = E[S] + ρ E[S] (1 + c_s²) / (2(1 − ρ))  (Kleinrock Vol. 1, eq. 5.70).
 */
export function pkMeanMs(lambda: number, meanS: number, scv: number): number {
  const rho = lambda * meanS;
  return meanS + (rho * meanS * (1 + scv)) / (2 * (1 - rho));
}

/**
 * Tail of a sum of independent exponentials with distinct rates (the
 * hypoexponential distribution): P(X > t) = Σ_i e^{−r_i t} Π_{j≠i} r_j/(r_j − r_i).
 * In a tandem of M/M/1 queues the sojourn times are independent (Reich 1957),
 * so the end-to-end tail is this with r_i = μ_i − λ.
 */
export function hypoexpTail(rates: readonly number[], t: number): number {
  let sum = 0;
  rates.forEach((ri, i) => {
    let prod = 1;
    rates.forEach((rj, j) => {
      if (j !== i) prod *= rj / (rj - ri);
    });
    sum += detExp(-ri * t) * prod;
  });
  return sum;
}

/**
 * Nelson & Tantawi (1988) fork–join of two M/M/1 queues fed by the same
 * Poisson stream: E[R₂] = (12 − ρ)/8 × 1/(μ − λ) (exact bounds within a few %).
 */
export function nelsonTantawi2Ms(lambda: number, mu: number): number {
  const rho = lambda / mu;
  return ((12 - rho) / 8) * (1 / (mu - lambda));
}

/**
 * E_n/M/1 (GI/M/1 with Erlang-n interarrivals; Kleinrock Vol. 1 §6.4, Gross & Harris §6.3):
 * arrivals at rate λ per server (interarrival ~ Erlang-n with phase rate nλ, LST
 * A*(s) = (nλ/(nλ + s))^n), exponential service at rate μ. σ is the root in (0, 1) of
 * σ = A*(μ(1 − σ)); the response time is Exp(μ(1 − σ)): mean 1/(μ(1 − σ)), wait σ/(μ(1 − σ)).
 * This is one replica behind round-robin over n replicas fed by Poisson(nλ). Returns σ.
 */
export function enM1Sigma(n: number, lambda: number, mu: number): number {
  const f = (s: number) => detPowInt((n * lambda) / (n * lambda + mu * (1 - s)), n) - s;
  let lo = 0;
  let hi = 1 - 1e-12;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
