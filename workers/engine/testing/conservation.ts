/**
 * Conservation of a run with a fault scenario or resilience patterns, for the
 * engine's tests: every arrival completed, failed, was dropped or rejected, or
 * is still in flight at the end; and the failures counted by cause add up to
 * the losses (errors + dropped + rejected), the rejections apart.
 */
import { expect } from 'vitest';
import type { DesignResult } from '../results';

export function conserved(d: DesignResult): void {
  const e = d.endToEnd;
  const rejected = e.rejected ?? 0;
  expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + rejected + e.inFlight);
  expect(e.errorsByCause).toBeDefined();
  expect(Object.values(e.errorsByCause!).reduce((a, b) => a + b, 0)).toBe(e.errors + e.dropped + rejected);
  expect(e.errorsByCause!.rejected).toBe(rejected);
}
