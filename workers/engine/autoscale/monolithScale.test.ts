/** The monolith scales as a whole: its heaviest component's cold start, utilization summed over its pools. */
import { describe, expect, it } from 'vitest';
import { MODEL_SERVER_COLD_START, SERVICE_COLD_START } from './coldStart';
import { monolithColdStart, unitUtilization } from './monolithScale';

describe('monolith scaling', () => {
  it('cold start of the heaviest component; the fallback when none has one', () => {
    const slow = { dist: 'gamma', meanSec: 300, cv: 0.2 } as const;
    expect(monolithColdStart([SERVICE_COLD_START, MODEL_SERVER_COLD_START, null], SERVICE_COLD_START)).toBe(MODEL_SERVER_COLD_START);
    expect(monolithColdStart([MODEL_SERVER_COLD_START, slow], SERVICE_COLD_START)).toBe(slow);
    expect(monolithColdStart([null], SERVICE_COLD_START)).toBe(SERVICE_COLD_START);
  });

  it('utilization of a unit: busy ÷ servers summed over CPU threads and GPUs', () => {
    // 30 of 32 threads busy and 1 of 4 GPUs: 31 / 36, not the mean of 0.94 and 0.25.
    expect(unitUtilization([30, 1], [32, 4])).toBeCloseTo(31 / 36, 12);
    expect(unitUtilization([], [])).toBe(0);
  });
});
