import { describe, expect, it } from 'vitest';
import { CAUSE_BREAKER_OPEN, CAUSE_NAMES, CAUSE_REJECTED, CAUSE_TIMEOUT, conservationHolds, errorsByCause, newCauseCounts, rejectedCount } from './failureCauses';

describe('failure causes', () => {
  it('errorsByCause lists every cause, zeros included, in a fixed order', () => {
    const c = newCauseCounts();
    c[CAUSE_TIMEOUT] = 3;
    c[CAUSE_REJECTED] = 2;
    c[CAUSE_BREAKER_OPEN] = 1;
    expect(errorsByCause(c)).toEqual({ error: 0, crash: 0, outage: 0, partition: 0, timeout: 3, dropped: 0, rejected: 2, breakerOpen: 1 });
    expect(Object.keys(errorsByCause(c))).toEqual([...CAUSE_NAMES]);
    expect(rejectedCount(c)).toBe(2);
  });

  it('conservation: arrivals = completed + failures by cause + in flight', () => {
    const c = newCauseCounts();
    c[CAUSE_TIMEOUT] = 3;
    c[CAUSE_REJECTED] = 2;
    expect(conservationHolds(100, 90, c, 5)).toBe(true);
    expect(conservationHolds(100, 90, c, 4)).toBe(false);
  });
});
