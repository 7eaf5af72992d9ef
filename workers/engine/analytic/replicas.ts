/**
 * Waits at one replica of a balanced replica group (each replica its own
 * FCFS queue with `servers` servers; docs/model.md, "Replicas behind a load
 * balancer"). The group's Poisson stream at rate λ is split n ways:
 * - random: each replica sees Poisson(λ/n) (a random split of a Poisson
 *   process is Poisson): the M/G/c wait at λ/n, exact as far as M/G/c is;
 * - round-robin: each replica sees every n-th arrival, Erlang-n interarrival
 *   times (E_n/G/c). With one exponential server this is GI/M/1, solved exactly
 *   by its root σ; other cases have no closed form here (not covered);
 * - least-outstanding and p2c: state-dependent routing with no closed form
 *   (not covered; the simulation shows they fall between random and pooled).
 */
import { detPowInt } from '../detmath';
import type { Balancer } from '../schema';
import { mgcWaitMs } from './erlang';
import type { ServiceMoments } from './serviceMoments';

/**
 * GI/M/1 with Erlang-n interarrival times (Kleinrock Vol. 1 §6.4; Gross & Harris
 * §6.3): arrivals at rate λ, so phase rate nλ and A*(s) = (nλ/(nλ + s))^n;
 * service exponential at rate μ. σ is the root in (0, 1) of σ = A*(μ(1 − σ)),
 * found by bisection (the map is a contraction there for ρ = λ/μ < 1). The
 * wait is W = σ/(μ(1 − σ)). Rates per ms. Returns NaN when ρ ≥ 1.
 */
export function erlangArrivalSigma(n: number, lambdaPerMs: number, muPerMs: number): number {
  if (!(lambdaPerMs < muPerMs)) return Number.NaN;
  const g = (s: number) => detPowInt((n * lambdaPerMs) / (n * lambdaPerMs + muPerMs * (1 - s)), n) - s;
  let lo = 0;
  let hi = 1 - 1e-15;
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Mean wait (ms) at one replica of a group of `replicas` behind `balancer`,
 * each with `servers` servers, the group fed at λ (req/s) with service
 * moments `m`; null when saturated or not covered (then `covered` is false).
 */
export function replicaWaitMs(
  balancer: Balancer,
  replicas: number,
  servers: number,
  ratePerSec: number,
  m: ServiceMoments,
): { waitMs: number | null; covered: boolean } {
  const perReplica = ratePerSec / replicas;
  const split = mgcWaitMs(servers, perReplica, m.meanMs, m.scv);
  if (balancer === 'pooled' || balancer === 'random' || replicas === 1) return { waitMs: split, covered: true };
  if (balancer === 'round-robin' && servers === 1 && m.scv === 1 && m.meanMs > 0) {
    const mu = 1 / m.meanMs;
    const sigma = erlangArrivalSigma(replicas, perReplica / 1000, mu);
    return { waitMs: Number.isNaN(sigma) ? null : sigma / (mu * (1 - sigma)), covered: true };
  }
  // No closed form: the random-split figure only marks saturation (null), it is never shown.
  return { waitMs: split, covered: false };
}
