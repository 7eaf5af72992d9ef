/** The run plan of a closed-workload document: users, not rates (plan.ts planClosed), and the rows its charts plot (series.ts). */
import { describe, expect, it } from 'vitest';
import { sweep, sweepUsers } from '../../workers/engine/sweep';
import type { Topology } from '../../workers/engine/schema';
import { loadTemplate } from '../../workers/templates';
import { closedThroughputBound, donePoints, latencyRows, throughputRows, xKeyOf } from '../results/series';
import { DEFAULT_RUN_FORM, planRun } from './plan';

const open = loadTemplate('retrieve-rank-rerank');
const closed: Topology = { ...open, workload: { ...open.workload, profile: null, model: 'closed', users: 30, thinkTime: { dist: 'exponential', meanMs: 400 } } };

describe('planRun, closed workload', () => {
  it('a sweep is the engine sweepUsers: points carry users, not rates', () => {
    const r = planRun(closed, { ...DEFAULT_RUN_FORM, steps: '5' });
    if (!('plan' in r)) throw new Error(`expected a plan, got ${JSON.stringify(r)}`);
    expect(r.plan.points).toEqual(sweepUsers(closed, { steps: 5 }).map((users) => ({ users })));
    expect(r.plan.points.every((p) => p.ratePerSec === undefined)).toBe(true);
    expect(r.plan.points[r.plan.points.length - 1].users).toBeGreaterThanOrEqual(30);
  });

  it('the manual range is in users; the rate fields are not read', () => {
    const r = planRun(closed, { ...DEFAULT_RUN_FORM, autoRange: false, fromUsers: '5', toUsers: '25', steps: '5', fromPerSec: '999', toPerSec: '1' });
    if (!('plan' in r)) throw new Error('expected a plan');
    expect(r.plan.points.map((p) => p.users)).toEqual([5, 10, 15, 20, 25]);
    expect(planRun(closed, { ...DEFAULT_RUN_FORM, autoRange: false, fromUsers: '9', toUsers: '3' })).toEqual({ errors: { toUsers: 'to (3 users) must not be below from (9 users)' } });
    expect(planRun(closed, { ...DEFAULT_RUN_FORM, autoRange: false, toUsers: '' })).toHaveProperty('errors.toUsers');
  });

  it('a single run takes users (default: the document’s)', () => {
    const r = planRun(closed, { ...DEFAULT_RUN_FORM, mode: 'single' });
    if (!('plan' in r)) throw new Error('expected a plan');
    expect(r.plan.points).toEqual([{ users: 30 }]);
    expect(planRun(closed, { ...DEFAULT_RUN_FORM, mode: 'single', users: '0' })).toHaveProperty('errors.users');
  });
});

describe('chart rows of a closed sweep', () => {
  it('are keyed by users, carry MVA and the bound, and open sweeps keep their rate rows', () => {
    const tiny: Topology = { ...closed, run: { ...closed.run, durationSec: 4, warmupSec: 1, replications: 1 } };
    const points = donePoints([...sweep(tiny, { fromUsers: 2, toUsers: 6, steps: 2 }).points].reverse());
    expect(points.map((p) => p.users)).toEqual([2, 6]);
    expect(xKeyOf(points)).toBe('users');
    const lat = latencyRows(points);
    expect(lat.map((r) => r.users)).toEqual([2, 6]);
    expect(lat[0].microservices_analytic).toBe(points[0].analytic.microservices.meanMs);
    const thr = throughputRows(points);
    expect(thr[1].microservices_analytic).toBe(points[1].analytic.microservices.closed!.throughputPerSec);
    // The bound: min(N/(D+Z), 1/Dmax), never below the MVA throughput.
    for (const [i, p] of points.entries()) {
      const c = p.analytic.microservices.closed!;
      expect(thr[i].bound).toBeCloseTo(1000 * Math.min(p.users! / (c.totalDemandMs + c.thinkMs), 1 / c.maxDemandMs), 9);
      expect(closedThroughputBound(p)!).toBeGreaterThanOrEqual(c.throughputPerSec! * (1 - 1e-12));
    }
    expect(xKeyOf([])).toBe('ratePerSec');
  });
});
