/** The order a worker pool takes a run's jobs in (sweepJobOrder): lightest point first, then heaviest first. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sweepJobOrder } from './sweep';

/** When n workers, each taking the next job as soon as it is free, finish jobs of the given costs taken in this order. */
function makespan(costs: readonly number[], workers: number): number {
  const free = new Array<number>(workers).fill(0);
  for (const c of costs) {
    const w = free.indexOf(Math.min(...free));
    free[w] += c;
  }
  return Math.max(...free);
}

describe('sweepJobOrder', () => {
  it('runs the lightest point first, then the others from the heaviest down, each point’s replications together', () => {
    expect(sweepJobOrder([80, 160, 240, 320], 2)).toEqual([
      { point: 0, replication: 0 },
      { point: 0, replication: 1 },
      { point: 3, replication: 0 },
      { point: 3, replication: 1 },
      { point: 2, replication: 0 },
      { point: 2, replication: 1 },
      { point: 1, replication: 0 },
      { point: 1, replication: 1 },
    ]);
    expect(sweepJobOrder([300, 100, 200], 1).map((j) => j.point)).toEqual([1, 0, 2]);
    expect(sweepJobOrder([], 3)).toEqual([]);
    expect(sweepJobOrder([50, 50, 50], 1).map((j) => j.point)).toEqual([0, 2, 1]);
  });

  it('queues every (point, replication) exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 1e5, noNaN: true }), { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (rates, reps) => {
        const jobs = sweepJobOrder(rates, reps);
        expect(jobs.length).toBe(rates.length * reps);
        expect(new Set(jobs.map((j) => `${j.point}/${j.replication}`)).size).toBe(jobs.length);
      }),
    );
  });

  it('on the bench sweep (costs growing with the load) two workers finish sooner than taking the points in rate order', () => {
    const costMs = [44, 93, 140, 198, 269, 358, 419, 477]; // measured per point of the template's 8-point sweep
    const ordered = sweepJobOrder([80, 160, 240, 320, 400, 480, 560, 640], 1).map((j) => costMs[j.point]);
    const total = costMs.reduce((a, b) => a + b);
    expect(makespan(ordered, 2)).toBe(1037);
    expect(makespan(costMs, 2)).toBe(1126);
    expect(total / makespan(ordered, 2)).toBeGreaterThan(1.9);
  });
});
