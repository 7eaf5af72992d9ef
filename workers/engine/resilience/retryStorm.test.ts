import { describe, expect, it } from 'vitest';
import { CIRCUIT_BREAKER_DEFAULTS } from './circuitBreaker';
import { timeToRecover, windowComplianceByCount } from './recovery';
import { healthyAttemptRate, retryMetastable, stormSelfSustaining } from './retryStorm';
import { runStorm } from './retryStormHarness';

// λ = 30 calls/s on one server of μ = 100/s (10 ms), attempts time out at 100 ms, 3 retries:
// healthy at Λ ≈ 30.03/s, and a storm of 4 × 30 = 120 ≥ 100 attempts/s sustains itself.
const base = { callsPerSec: 30, serviceMs: 10, timeoutMs: 100, retries: 3, durationSec: 200, seed: 21 };
// A feature-store slowdown: service × 4 (μ = 25/s < λ) from 20 s to 25 s.
const spike = { fromSec: 20, toSec: 25, factor: 4 };
/** Recovery after the spike: windows whose share of calls failed or over 100 ms is ≤ 1 % (a p99 SLO of 100 ms). */
const recovery = (r: ReturnType<typeof runStorm>) => timeToRecover(windowComplianceByCount(r.finished, r.bad, 0.99), 0, 1, spike.toSec);

describe('retry storms (mean-value sketch and a standalone loop)', () => {
  it('the healthy fixed point and the storm condition', () => {
    // Λ = λ (1 − p⁴)/(1 − p), p = e^(−(100 − Λ) 0.05): Λ ≈ 42.3 per second.
    const healthy = healthyAttemptRate(40, 100, 50, 3)!;
    expect(healthy).toBeGreaterThan(42);
    expect(healthy).toBeLessThan(42.6);
    expect(stormSelfSustaining(40, 100, 3)).toBe(true); // 160 ≥ 100
    expect(stormSelfSustaining(40, 100, 1)).toBe(false); // 80 < 100
    expect(retryMetastable(40, 100, 50, 3)).toBe(true);
    expect(retryMetastable(40, 100, 50, 1)).toBe(false);
    expect(healthyAttemptRate(60, 100, 50, 3)).toBeNull(); // no healthy state: the storm is the only one
    // τ = 100 ms: p = e^(−6) at Λ ≈ λ, so Λ ≈ 40 × 1.0025.
    expect(healthyAttemptRate(40, 100, 100, 3)).toBeCloseTo(40.1, 1);
  });

  it('the sketch is only a mean: at τ = 50 ms its healthy state exists, but a Poisson burst alone starts the storm', () => {
    const r = runStorm({ ...base, callsPerSec: 40, timeoutMs: 50, durationSec: 100 });
    let attempts = 0;
    for (let k = 30; k < 100; k++) attempts += r.attempts[k];
    expect(attempts / 70).toBeGreaterThan(100); // far above the healthy 42.3 per second: every attempt times out
  });

  it('before any fault the loop runs at the healthy attempt rate (within the Poisson approximation, 5 %)', () => {
    const r = runStorm({ ...base, durationSec: 400 });
    let attempts = 0;
    let calls = 0;
    for (let k = 20; k < 400; k++) {
      attempts += r.attempts[k];
      calls += r.finished[k];
    }
    const measured = attempts / 380;
    expect(Math.abs(measured / healthyAttemptRate(30, 100, 100, 3)! - 1)).toBeLessThan(0.05);
    expect(Math.abs(calls / 380 / 30 - 1)).toBeLessThan(0.02);
    // Within the SLO throughout: recovered "at once" from time 0, and nothing piles up.
    expect(timeToRecover(windowComplianceByCount(r.finished, r.bad, 0.99), 0, 1, 0).recoverySec).toBe(0);
    expect(r.queueAtEnd).toBeLessThan(10);
  });

  it('metastable: with 3 retries the storm outlives the 5 s slowdown; without retries it recovers', () => {
    const storm = runStorm({ ...base, spike });
    expect(recovery(storm)).toMatchObject({ recovered: false, endsViolating: true });
    expect(storm.queueAtEnd).toBeGreaterThan(1000); // still growing at 120 − 100 attempts/s
    const noRetry = runStorm({ ...base, retries: 0, spike });
    const r = recovery(noRetry);
    expect(r.recovered).toBe(true);
    expect(r.recoverySec!).toBeLessThan(10);
  });

  it('a circuit breaker (Resilience4j defaults) ends the storm: open for 60 s, the queue drains, trials pass, it closes', () => {
    const withBreaker = runStorm({ ...base, spike, breaker: CIRCUIT_BREAKER_DEFAULTS });
    const r = recovery(withBreaker);
    expect(r.recovered).toBe(true);
    expect(r.endsViolating).toBe(false);
    // The calm system never opens it, so it opens during the spike (≥ 20 s) and closes no earlier
    // than 60 s later: recovery ≥ 20 + 60 − 25 = 55 s; it opens within the first seconds of the spike
    // (half of the last 100 calls failed) and its 10 trial calls pass at once, so not much later.
    expect(r.recoverySec!).toBeGreaterThanOrEqual(55);
    expect(r.recoverySec!).toBeLessThan(65);
    expect(withBreaker.queueAtEnd).toBeLessThan(20);
  });
});
