import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from './scenarioDoc';
import { fmtSec, lanes, ticks } from './timelineLayout';

const ev = (atSec: number, durationSec: number): ScenarioEvent => ({ kind: 'outage', target: 'n', atSec, durationSec });

describe('timeline layout', () => {
  it('ticks: at most 10 intervals of a round step, from 0 to the end', () => {
    expect(ticks(60)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(ticks(7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(ticks(86_400).length).toBeLessThanOrEqual(11);
  });

  it('lanes: overlapping events never share one; touching ones may', () => {
    expect(lanes([ev(0, 10), ev(5, 10), ev(10, 5), ev(12, 1)])).toEqual([0, 1, 0, 2]);
    expect(lanes([])).toEqual([]);
  });

  it('times read as s, min and h', () => {
    expect(fmtSec(45)).toBe('45 s');
    expect(fmtSec(600)).toBe('10 min');
    expect(fmtSec(7200)).toBe('2 h');
  });
});
