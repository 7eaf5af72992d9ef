import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { BACKOFF_DEFAULTS, backoffCeilingMs, backoffMs, envoyBackoffCeilingMs } from './backoff';
import { RETRY_BUDGET_DEFAULTS, RetryBudgets, RetryThrottle, retryBudgetLimit } from './retryBudget';
import { attemptsPerCall, callFailureProbability, calleeVisitRate } from './visitRate';

describe('backoff', () => {
  it('defaults are Envoy’s: 25 ms base, 10 × base cap, doubling, full jitter', () => {
    expect(BACKOFF_DEFAULTS).toEqual({ baseMs: 25, multiplier: 2, maxMs: 250, jitter: 'full' });
  });

  it('ceiling = min(max, base × multiplier^(n−1)) (gRPC A6; Resilience4j ofExponentialBackoff)', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffCeilingMs(n, 25, 2, 250))).toEqual([25, 50, 100, 200, 250]);
    // Resilience4j's defaults: 500 ms × 1.5 per attempt.
    expect([1, 2, 3].map((n) => backoffCeilingMs(n, 500, 1.5, 1e9))).toEqual([500, 750, 1125]);
  });

  it('Envoy’s own ranges: [0, 25), [0, 75), [0, 175) ms, capped at 250', () => {
    expect([1, 2, 3, 4, 60].map((n) => envoyBackoffCeilingMs(n, 25, 250))).toEqual([25, 75, 175, 250, 250]);
  });

  it('no jitter: the ceiling, without touching the stream', () => {
    const rng = new Rng(7);
    const twin = new Rng(7);
    expect(backoffMs(3, 25, 2, 250, false, rng)).toBe(100);
    expect(rng.next()).toBe(twin.next());
  });

  it('full jitter: uniform below the ceiling, mean half of it', () => {
    const rng = new Rng(1);
    let sum = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const w = backoffMs(2, 25, 2, 250, true, rng);
      lo = Math.min(lo, w);
      hi = Math.max(hi, w);
      sum += w;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(50);
    expect(hi).toBeGreaterThan(49.9);
    // Mean 25, sd of the mean 50/√12/√n ≈ 0.032.
    expect(Math.abs(sum / n - 25)).toBeLessThan(0.15);
  });

  it('property: same seed, same waits; the ceiling never decreases with n and never passes maxMs', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), (seed, base, mult) => {
        const max = base * 10;
        const a = new Rng(seed);
        const b = new Rng(seed);
        let prev = 0;
        for (let n = 1; n <= 12; n++) {
          const c = backoffCeilingMs(n, base, mult, max);
          expect(c).toBeGreaterThanOrEqual(prev);
          expect(c).toBeLessThanOrEqual(max);
          prev = c;
          expect(backoffMs(n, base, mult, max, true, a)).toBe(backoffMs(n, base, mult, max, true, b));
        }
      }),
    );
  });
});

describe('retry visit-rate law', () => {
  it('attempts per call = (1 − p^(r+1))/(1 − p)', () => {
    expect(attemptsPerCall(0, 3)).toBe(1);
    expect(attemptsPerCall(0.5, 0)).toBe(1);
    expect(attemptsPerCall(0.5, 2)).toBe(1.75); // 1 + 0.5 + 0.25
    expect(attemptsPerCall(1, 4)).toBe(5);
    expect(calleeVisitRate(100, 0.2, 3)).toBeCloseTo(100 * (1 + 0.2 + 0.04 + 0.008), 12);
    expect(callFailureProbability(0.2, 3)).toBeCloseTo(0.0016, 15);
  });

  it('agrees with counting attempts of simulated calls (Bernoulli failures)', () => {
    const rng = new Rng(42);
    const p = 0.3;
    const r = 2;
    const calls = 200_000;
    let attempts = 0;
    let failed = 0;
    for (let c = 0; c < calls; c++) {
      let k = 0;
      for (;;) {
        attempts++;
        if (rng.next() >= p) break;
        if (k++ === r) {
          failed++;
          break;
        }
      }
    }
    // Attempts per call: mean 1.39, variance < 1, so the sd of the mean < 0.0023.
    expect(Math.abs(attempts / calls - attemptsPerCall(p, r))).toBeLessThan(0.01);
    expect(Math.abs(failed / calls - callFailureProbability(p, r))).toBeLessThan(0.002);
  });

  it('property: between 1 and r + 1, rising with p and with r', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 10 }), (p, r) => {
        const a = attemptsPerCall(p, r);
        expect(a).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(a).toBeLessThanOrEqual(r + 1 + 1e-9);
        expect(attemptsPerCall(p, r + 1)).toBeGreaterThanOrEqual(a - 1e-12);
        expect(attemptsPerCall(Math.min(1, p + 0.001), r)).toBeGreaterThanOrEqual(a - 1e-9);
      }),
    );
  });
});

describe('Envoy retry budget', () => {
  it('defaults 20 % and 3 (circuit_breaker.proto RetryBudget)', () => {
    expect(RETRY_BUDGET_DEFAULTS).toEqual({ budgetPercent: 20, minRetryConcurrency: 3 });
  });

  it('limit = max(⌊percent × (active + pending)⌋, min): the docs’ examples', () => {
    expect(retryBudgetLimit(100, 0, 25, 3)).toBe(25); // "100 active requests … 25 active retries"
    expect(retryBudgetLimit(25, 0, 20, 3)).toBe(5); // Envoy Gateway: 20 % of 25 active = 5
    expect(retryBudgetLimit(2, 0, 20, 3)).toBe(3); // "still 3 active retries allowed"
    expect(retryBudgetLimit(20, 9, 20, 3)).toBe(5); // ⌊5.8⌋
  });

  it('refuses the retry that would pass the limit, and frees a slot when one ends', () => {
    const b = new RetryBudgets(1, Float64Array.of(20), Int32Array.of(3));
    b.active[0] = 10; // limit max(2, 3) = 3
    expect([b.tryStartRetry(0), b.tryStartRetry(0), b.tryStartRetry(0), b.tryStartRetry(0)]).toEqual([true, true, true, false]);
    expect(b.refused[0]).toBe(1);
    b.endRetry(0);
    expect(b.tryStartRetry(0)).toBe(true);
    b.active[0] = 30; // limit 6, 3 in flight
    expect([b.tryStartRetry(0), b.tryStartRetry(0), b.tryStartRetry(0), b.tryStartRetry(0)]).toEqual([true, true, true, false]);
  });
});

describe('gRPC retry throttling (token bucket)', () => {
  it('A6’s example: maxTokens 10, tokenRatio 0.1', () => {
    const t = new RetryThrottle(1, Float64Array.of(10), Float64Array.of(0.1));
    expect(t.allowsRetry(0)).toBe(true);
    for (let i = 0; i < 4; i++) t.onFailure(0);
    expect(t.tokens[0]).toBe(6);
    expect(t.allowsRetry(0)).toBe(true);
    t.onFailure(0); // 5 = maxTokens / 2: retries stop
    expect(t.allowsRetry(0)).toBe(false);
    t.onSuccess(0); // 5.1
    expect(t.allowsRetry(0)).toBe(true);
    for (let i = 0; i < 20; i++) t.onFailure(0);
    expect(t.tokens[0]).toBe(0);
    for (let i = 0; i < 200; i++) t.onSuccess(0);
    expect(t.tokens[0]).toBe(10);
  });
});
