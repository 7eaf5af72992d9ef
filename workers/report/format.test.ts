import { describe, expect, it } from 'vitest';
import { fmtPct } from './format';

describe('fmtPct', () => {
  it('three significant digits, at most two decimals, tiny shares as "< 0.01%" (never "0.00405%")', () => {
    expect([0.834, 0.0201, 0.00405, 0.0000405, 0, 1].map(fmtPct)).toEqual(['83.4%', '2.01%', '0.41%', '< 0.01%', '0%', '100%']);
    expect(fmtPct(Number.NaN)).toBe('—');
  });
});
