/** The proposed autoscale fields: the real systems' defaults, overrides, errors that name the field. */
import { describe, expect, it } from 'vitest';
import { AutoscaleSchema, DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP, normalizeAutoscale } from './schema';

describe('autoscale schema', () => {
  it('HPA defaults: 80% utilization, sync 15 s, tolerance 0.1, the documented behavior', () => {
    const a = normalizeAutoscale({ policy: 'hpa', maxReplicas: 10 }, 4);
    expect(a).toMatchObject({ metric: 'utilization', target: 0.8, minReplicas: 1, syncPeriodSec: 15, tolerance: 0.1 });
    expect(a.scaleUp).toEqual(DEFAULT_SCALE_UP);
    expect(a.scaleDown).toEqual(DEFAULT_SCALE_DOWN);
    expect(DEFAULT_SCALE_UP.policies).toEqual([
      { type: 'Percent', value: 100, periodSec: 15 },
      { type: 'Pods', value: 4, periodSec: 15 },
    ]);
    expect(DEFAULT_SCALE_DOWN).toMatchObject({ stabilizationWindowSec: 300, policies: [{ type: 'Percent', value: 100, periodSec: 15 }] });
  });

  it('KPA defaults: concurrency target = the node concurrency at 70%, windows 60 s / 10%, panic 200%, zero after 30 s', () => {
    expect(normalizeAutoscale({ policy: 'kpa', maxReplicas: 10 }, 8)).toMatchObject({
      metric: 'concurrency',
      target: 8,
      targetUtilization: 0.7,
      minReplicas: 0,
      stableWindowSec: 60,
      panicWindowPercentage: 10,
      panicThresholdPercentage: 200,
      maxScaleUpRate: 1000,
      maxScaleDownRate: 2,
      scaleToZeroGracePeriodSec: 30,
      tickIntervalSec: 2,
    });
  });

  it('every default can be overridden', () => {
    const a = normalizeAutoscale({ policy: 'hpa', maxReplicas: 10, tolerance: 0.05, syncPeriodSec: 30, scaleDown: { ...DEFAULT_SCALE_DOWN, stabilizationWindowSec: 60 } }, 1);
    expect([a.tolerance, a.syncPeriodSec, a.scaleDown.stabilizationWindowSec]).toEqual([0.05, 30, 60]);
  });

  it('bad input: errors name the field', () => {
    expect(() => normalizeAutoscale({ policy: 'hpa', maxReplicas: 10, metric: 'rps' }, 1)).toThrow(/autoscale.target: required when autoscale.metric is rps/);
    const bad = (o: object) => AutoscaleSchema.safeParse({ ...normalizeAutoscale({ policy: 'kpa', maxReplicas: 10 }, 8), ...o }).error?.issues[0].path;
    expect(bad({ minReplicas: 11 })).toEqual(['minReplicas']);
    expect(bad({ metric: 'utilization' })).toEqual(['metric']);
    expect(bad({ targetUtilization: 0 })).toEqual(['targetUtilization']);
    expect(bad({ policy: 'hpa', minReplicas: 0 })).toEqual(['minReplicas']);
  });
});
