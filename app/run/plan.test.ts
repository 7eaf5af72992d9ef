import { describe, expect, it } from 'vitest';
import { sweepRates } from '../../workers/engine/sweep';
import { loadTemplate } from '../../workers/templates';
import { DEFAULT_RUN_FORM, planRun } from './plan';
import { presetProfile } from './profiles';

const doc = loadTemplate('retrieve-rank-rerank');

describe('planRun', () => {
  it('auto range is the engine sweepRates (what `loadsketch sweep` runs)', () => {
    const r = planRun(doc, { ...DEFAULT_RUN_FORM, steps: '6' });
    if (!('plan' in r)) throw new Error('expected a plan');
    expect(r.plan.points.map((p) => p.ratePerSec)).toEqual(sweepRates(doc, { steps: 6 }));
    expect(r.plan.replications).toBe(doc.run.replications);
  });

  it('from/to/steps', () => {
    const r = planRun(doc, { ...DEFAULT_RUN_FORM, autoRange: false, fromPerSec: '50', toPerSec: '500', steps: '10' });
    if (!('plan' in r)) throw new Error('expected a plan');
    expect(r.plan.points.map((p) => p.ratePerSec)).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
  });

  it('names the wrong field with the engine message', () => {
    expect(planRun(doc, { ...DEFAULT_RUN_FORM, steps: '2.5' })).toEqual({ errors: { steps: 'steps must be a whole number from 1 to 1000 (got 2.5)' } });
    expect(planRun(doc, { ...DEFAULT_RUN_FORM, autoRange: false, fromPerSec: '600', toPerSec: '500' })).toEqual({
      errors: { toPerSec: 'to (500) must not be below from (600)' },
    });
    expect(planRun(doc, { ...DEFAULT_RUN_FORM, autoRange: false, toPerSec: '' })).toHaveProperty('errors.toPerSec');
    expect(planRun(doc, { ...DEFAULT_RUN_FORM, mode: 'single', ratePerSec: 'abc' })).toHaveProperty('errors.ratePerSec');
    const broken = { ...doc, workload: { ...doc.workload, entry: 'nowhere' } };
    expect(planRun(broken, DEFAULT_RUN_FORM)).toHaveProperty('errors.document');
  });

  it('a single run with a preset profile over the run duration', () => {
    const r = planRun(doc, { ...DEFAULT_RUN_FORM, mode: 'single', ratePerSec: '300', profile: 'step' });
    if (!('plan' in r)) throw new Error('expected a plan');
    expect(r.plan.kind).toBe('single');
    expect(r.plan.points).toEqual([{ ratePerSec: 300, profile: presetProfile('step', 300, doc.run.durationSec) }]);
  });
});

describe('presetProfile', () => {
  it('ramp, step and spike peak at the rate and cover the run', () => {
    for (const p of ['ramp', 'step', 'spike'] as const) {
      const pts = presetProfile(p, 200, 30);
      expect(Math.max(...pts.map((x) => x.ratePerSec))).toBe(200);
      expect(pts[0].atSec).toBe(0);
      expect(pts[pts.length - 1].atSec).toBe(30);
      for (let i = 1; i < pts.length; i++) expect(pts[i].atSec).toBeGreaterThanOrEqual(pts[i - 1].atSec);
    }
    expect(presetProfile('step', 200, 30)).toEqual([
      { atSec: 0, ratePerSec: 100 },
      { atSec: 15, ratePerSec: 100 },
      { atSec: 15, ratePerSec: 200 },
      { atSec: 30, ratePerSec: 200 },
    ]);
  });
});
