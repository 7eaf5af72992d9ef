/**
 * When do timeouts and retries make a retry storm that outlives its cause (a
 * metastable failure: Bronson et al., "Metastable Failures in Distributed
 * Systems", HotOS 2021)? A mean-value sketch for one FCFS station with
 * exponential service, to pick example parameters and to say in words what a
 * run shows; the simulator gives the real answer.
 *
 * Callers make λ calls per second; an attempt that has not answered after
 * timeoutMs is given up and retried, up to `retries` times; the server does
 * not know and serves the abandoned attempt anyway. With attempt rate Λ the
 * M/M/1 response time is exponential with rate μ − Λ (Λ < μ), so an attempt
 * times out with p(Λ) = e^(−(μ − Λ)·τ), and Λ = λ·(1 − p^(r+1))/(1 − p)
 * (visitRate.ts). Treating attempts as a Poisson stream is the approximation.
 *
 * - Healthy state: the least Λ < μ solving the equation, found by iterating
 *   from Λ = λ (the right-hand side rises with Λ, so the iteration climbs to
 *   the least fixed point, or past μ if there is none).
 * - Storm state: once the queue is long enough that every attempt times out,
 *   Λ = λ(r + 1); if that is at least μ the queue keeps growing, every attempt
 *   keeps timing out, and the storm sustains itself after the trigger ends.
 * Both at once (a healthy state exists, and λ(r + 1) ≥ μ) is the metastable
 * case: a long enough slowdown tips the system from the first to the second.
 */
import { detExp } from '../detmath';
import { attemptsPerCall } from './visitRate';

/** The healthy attempt rate (per second), or null if there is none below the service rate. */
export function healthyAttemptRate(callsPerSec: number, serviceRatePerSec: number, timeoutMs: number, retries: number): number | null {
  const tauSec = timeoutMs / 1000;
  let rate = callsPerSec;
  for (let i = 0; i < 10_000; i++) {
    if (rate >= serviceRatePerSec) return null;
    const p = detExp(-(serviceRatePerSec - rate) * tauSec);
    const next = callsPerSec * attemptsPerCall(p, retries);
    if (Math.abs(next - rate) <= 1e-12 * rate) return next;
    rate = next;
  }
  return rate < serviceRatePerSec ? rate : null;
}

/** Whether a storm, once every attempt times out, sustains itself: λ(r + 1) ≥ μ. */
export function stormSelfSustaining(callsPerSec: number, serviceRatePerSec: number, retries: number): boolean {
  return callsPerSec * (retries + 1) >= serviceRatePerSec;
}

/** Metastable: healthy is possible, and so is a self-sustaining storm. */
export function retryMetastable(callsPerSec: number, serviceRatePerSec: number, timeoutMs: number, retries: number): boolean {
  return (
    healthyAttemptRate(callsPerSec, serviceRatePerSec, timeoutMs, retries) !== null &&
    stormSelfSustaining(callsPerSec, serviceRatePerSec, retries)
  );
}
