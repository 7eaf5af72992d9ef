import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CB_CLOSED, CB_HALF_OPEN, CB_OPEN, CIRCUIT_BREAKER_DEFAULTS, CircuitBreakers, type CircuitBreakerSpec } from './circuitBreaker';

const small: CircuitBreakerSpec = {
  slidingWindowSize: 10,
  minimumNumberOfCalls: 5,
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThresholdMs: 1000,
  waitDurationInOpenStateMs: 5000,
  permittedNumberOfCallsInHalfOpenState: 3,
};

/** Permits and records `n` calls at time t with the given outcome. */
function calls(cb: CircuitBreakers, b: number, t: number, n: number, failed: boolean, ms = 10): number {
  let permitted = 0;
  for (let i = 0; i < n; i++) {
    if (!cb.tryAcquire(b, t)) continue;
    permitted++;
    cb.record(b, t, failed, ms);
  }
  return permitted;
}

describe('circuit breaker (Resilience4j semantics)', () => {
  it('defaults are Resilience4j’s CircuitBreakerConfig.DEFAULT_*', () => {
    expect(CIRCUIT_BREAKER_DEFAULTS).toEqual({
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      failureRateThreshold: 50,
      slowCallRateThreshold: 100,
      slowCallDurationThresholdMs: 60_000,
      waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
  });

  it('does not open below the minimum number of calls, even if all failed', () => {
    const cb = new CircuitBreakers([small]);
    calls(cb, 0, 0, 4, true);
    expect(cb.state[0]).toBe(CB_CLOSED);
    expect(cb.failureRate(0)).toBe(-1);
    calls(cb, 0, 0, 1, true);
    expect(cb.state[0]).toBe(CB_OPEN);
  });

  it('opens at failure rate ≥ threshold (exactly 50 % opens), over the last window only', () => {
    const cb = new CircuitBreakers([small]);
    calls(cb, 0, 0, 8, false);
    calls(cb, 0, 0, 1, true); // 1/9
    expect(cb.state[0]).toBe(CB_CLOSED);
    // Window of 10: 10 successes push the failure out.
    calls(cb, 0, 0, 10, false);
    expect(cb.failureRate(0)).toBe(0);
    calls(cb, 0, 0, 4, true); // 4/10
    expect(cb.state[0]).toBe(CB_CLOSED);
    expect(cb.failureRate(0)).toBe(40);
    calls(cb, 0, 0, 1, true); // 5/10 = 50 %: ≥ threshold
    expect(cb.state[0]).toBe(CB_OPEN);
    expect(cb.opened[0]).toBe(1);
  });

  it('an open breaker sends nothing until the wait has passed, then allows the trial calls only', () => {
    const cb = new CircuitBreakers([small]);
    calls(cb, 0, 1000, 5, true); // opens at t = 1000, until 6000
    expect(calls(cb, 0, 2000, 100, false)).toBe(0);
    expect(calls(cb, 0, 6000, 100, false)).toBe(0); // not strictly after
    expect(cb.rejected[0]).toBe(200);
    expect(cb.stateAt(0, 6000)).toBe(CB_OPEN);
    expect(cb.stateAt(0, 6001)).toBe(CB_HALF_OPEN);
    // Trial calls acquired but not yet answered: 3 permitted, the rest refused.
    const got = [0, 1, 2, 3, 4].map(() => cb.tryAcquire(0, 6001));
    expect(got).toEqual([true, true, true, false, false]);
    expect(cb.state[0]).toBe(CB_HALF_OPEN);
    cb.record(0, 6100, false, 10);
    cb.record(0, 6100, false, 10);
    expect(cb.state[0]).toBe(CB_HALF_OPEN); // 2 of min(5, 3) = 3 results
    cb.record(0, 6100, true, 10); // 1/3 < 50 %: closes
    expect(cb.state[0]).toBe(CB_CLOSED);
    expect(cb.failureRate(0)).toBe(-1); // a fresh window
  });

  it('half-open trials failing at ≥ threshold re-open it for another wait', () => {
    const cb = new CircuitBreakers([small]);
    calls(cb, 0, 0, 5, true);
    expect(calls(cb, 0, 5001, 3, true)).toBe(3); // 3/3 failed → open again at 5001
    expect(cb.state[0]).toBe(CB_OPEN);
    expect(cb.openUntilMs[0]).toBe(10_001);
    expect(cb.opened[0]).toBe(2);
  });

  it('results that arrive while open change nothing', () => {
    const cb = new CircuitBreakers([small]);
    calls(cb, 0, 0, 5, true);
    for (let i = 0; i < 50; i++) cb.record(0, 100, false, 10);
    expect(cb.state[0]).toBe(CB_OPEN);
    expect(calls(cb, 0, 5001, 3, false)).toBe(3);
    expect(cb.state[0]).toBe(CB_CLOSED);
  });

  it('slow calls: opens when the share slower than the threshold reaches the slow-call rate', () => {
    const cb = new CircuitBreakers([{ ...small, slowCallRateThreshold: 60 }]);
    calls(cb, 0, 0, 2, false, 1000); // 1000 is not slower than 1000
    calls(cb, 0, 0, 2, false, 1001);
    calls(cb, 0, 0, 1, false, 5);
    expect(cb.state[0]).toBe(CB_CLOSED); // 2/5 = 40 %
    calls(cb, 0, 0, 1, false, 2000); // 3/6 = 50 %
    expect(cb.state[0]).toBe(CB_CLOSED);
    calls(cb, 0, 0, 1, false, 2000); // 4/7 = 57 %
    expect(cb.state[0]).toBe(CB_CLOSED);
    calls(cb, 0, 0, 1, false, 2000); // 5/8 = 62.5 %
    expect(cb.state[0]).toBe(CB_OPEN);
  });

  it('a minimum above the window is capped at the window (count-based)', () => {
    const cb = new CircuitBreakers([{ ...small, minimumNumberOfCalls: 1000 }]);
    calls(cb, 0, 0, 9, true);
    expect(cb.state[0]).toBe(CB_CLOSED);
    calls(cb, 0, 0, 1, true);
    expect(cb.state[0]).toBe(CB_OPEN);
  });

  it('breakers are independent', () => {
    const cb = new CircuitBreakers([small, small, CIRCUIT_BREAKER_DEFAULTS]);
    calls(cb, 1, 0, 5, true);
    expect([...cb.state]).toEqual([CB_CLOSED, CB_OPEN, CB_CLOSED]);
    calls(cb, 2, 0, 99, true);
    expect(cb.state[2]).toBe(CB_CLOSED);
    calls(cb, 2, 0, 1, true);
    expect(cb.state[2]).toBe(CB_OPEN);
  });

  it('property: the failure rate equals a recount of the last window; an open breaker never permits before its wait', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 200 }), (outcomes) => {
        const spec = { ...small, failureRateThreshold: 101, slowCallRateThreshold: 101 }; // never opens
        const cb = new CircuitBreakers([spec]);
        outcomes.forEach((f) => {
          cb.tryAcquire(0, 0);
          cb.record(0, 0, f, 1);
        });
        const last = outcomes.slice(-10);
        const expected = last.length < 5 ? -1 : (last.filter((f) => f).length * 100) / last.length;
        expect(cb.failureRate(0)).toBe(expected);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { maxLength: 300 }), (steps) => {
        const cb = new CircuitBreakers([small]);
        let t = 0;
        for (const [dt, f] of steps) {
          t += dt;
          const wasOpen = cb.state[0] === CB_OPEN && t <= cb.openUntilMs[0];
          const ok = cb.tryAcquire(0, t);
          if (wasOpen) expect(ok).toBe(false);
          if (ok) cb.record(0, t, f, 1);
        }
      }),
    );
  });
});
