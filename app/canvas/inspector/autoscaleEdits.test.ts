import { describe, expect, it } from 'vitest';
import { AutoscaleSchema } from '../../../workers/engine/autoscale/schema';
import { autoscaleOn, fullAutoscale, suggestedTarget, withMetric, withPolicy } from './autoscaleEdits';

const shape = { concurrency: 4, meanServiceMs: 20, replicas: 2 };

describe('autoscale edits', () => {
  it('turning autoscaling on gives a valid HPA on 80% utilization from 1 to 4 × the replicas', () => {
    const a = autoscaleOn(shape);
    expect(AutoscaleSchema.safeParse(a).success).toBe(true);
    expect(a).toMatchObject({ policy: 'hpa', metric: 'utilization', target: 0.8, minReplicas: 1, maxReplicas: 8, syncPeriodSec: 15 });
  });

  it('switching to the KPA keeps the bounds, falls back to concurrency (Knative has no utilization metric) and stays valid', () => {
    const k = withPolicy(autoscaleOn(shape), 'kpa', shape);
    expect(k).toMatchObject({ policy: 'kpa', metric: 'concurrency', target: 4, minReplicas: 1, maxReplicas: 8, targetUtilization: 0.7 });
    expect(AutoscaleSchema.safeParse(k).success).toBe(true);
    // Back to the HPA from a KPA that scales to zero: min is raised to 1 (the HPA's floor).
    const h = withPolicy({ ...k, minReplicas: 0 }, 'hpa', shape);
    expect(h.minReplicas).toBe(1);
    expect(AutoscaleSchema.safeParse(h).success).toBe(true);
  });

  it('a new metric gets a target in its own unit', () => {
    // 4 servers × 1000 / 20 ms = 200 req/s per replica; the HPA aims at 80% of it.
    expect(suggestedTarget('hpa', 'rps', shape)).toBe(160);
    expect(suggestedTarget('kpa', 'rps', shape)).toBe(200);
    expect(suggestedTarget('hpa', 'queueDelayMs', shape)).toBe(20);
    expect(withMetric(autoscaleOn(shape), 'concurrency', shape).target).toBe(4);
  });

  it('a partial spec is read with the policy defaults beneath it', () => {
    expect(fullAutoscale({ policy: 'kpa', maxReplicas: 5 }, shape)).toMatchObject({ metric: 'concurrency', target: 4, minReplicas: 0, stableWindowSec: 60 });
  });
});
