import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECOVERY_STABLE_WINDOWS,
  availability,
  goodputPerSec,
  timeToRecover,
  windowComplianceByCount,
  windowComplianceByPercentile,
} from './recovery';

const ones = (s: string) => Uint8Array.from(s.split('').map(Number));

describe('results of a run with faults', () => {
  it('availability and goodput', () => {
    expect(availability(990, 1000)).toBe(0.99);
    expect(availability(0, 0)).toBeNull();
    expect(goodputPerSec(4500, 90)).toBe(50);
    expect(goodputPerSec(10, 0)).toBe(0);
  });

  it('compliance by percentile: NaN (nothing finished) does not comply', () => {
    expect([...windowComplianceByPercentile([100, 200, 200.0001, Number.NaN], 200)]).toEqual([1, 1, 0, 0]);
  });

  it('compliance by count: failures count as infinitely slow', () => {
    // p99: at most 1 % bad. 1000 finished: 10 bad complies, 11 does not; nothing finished does not.
    expect([...windowComplianceByCount([1000, 1000, 0, 100], [10, 11, 0, 0], 0.99)]).toEqual([1, 0, 0, 1]);
  });

  it('time to recover: from the end of the last event to the start of 5 compliant windows in a row', () => {
    // 1 s windows from 0 s; the fault ends at 10 s; windows 10..12 violate, 13 complies, 14 violates, 15..19 comply.
    const c = ones('1111111111000101111111');
    expect(RECOVERY_STABLE_WINDOWS).toBe(5);
    expect(timeToRecover(c, 0, 1, 10)).toEqual({ recoverySec: 5, recovered: true, endsViolating: false });
    // Within SLO as the fault ends: 0.
    expect(timeToRecover(ones('000001111111'), 0, 1, 5).recoverySec).toBe(0);
    // A window straddling the end counts: the fault ends at 4.5 s inside window [4, 5).
    expect(timeToRecover(ones('000011111'), 0, 1, 4.5).recoverySec).toBe(0);
    // Windows before the end never count, even if they comply.
    expect(timeToRecover(ones('1111100000'), 0, 1, 5)).toEqual({ recoverySec: null, recovered: false, endsViolating: true });
  });

  it('did not recover: the run ends before the system is stable again (metastable)', () => {
    expect(timeToRecover(ones('1111100001111'), 0, 1, 5)).toEqual({ recoverySec: null, recovered: false, endsViolating: false });
    expect(timeToRecover(ones('11111000000'), 0, 1, 5).endsViolating).toBe(true);
    // Recovered, then relapsed: recovered, and flagged.
    expect(timeToRecover(ones('0000011111100'), 0, 1, 0)).toEqual({ recoverySec: 5, recovered: true, endsViolating: true });
  });

  it('windows of 2 s starting at 30 s (after warm-up)', () => {
    expect(timeToRecover(ones('00011111'), 30, 2, 33, 3).recoverySec).toBe(3); // run starts at 36 s
  });

  it('property: recoverySec is null or a non-negative multiple of the window past the end, followed by a stable run', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 6 }), (bits, end, stable) => {
        const c = Uint8Array.from(bits.map(Number));
        const r = timeToRecover(c, 0, 1, end, stable);
        expect(r.recovered).toBe(r.recoverySec !== null);
        if (r.recoverySec === null) return;
        expect(r.recoverySec).toBeGreaterThanOrEqual(0);
        const k0 = Math.max(end, 0) + r.recoverySec;
        for (let k = k0; k < k0 + stable; k++) expect(c[k]).toBe(1);
      }),
    );
  });
});
