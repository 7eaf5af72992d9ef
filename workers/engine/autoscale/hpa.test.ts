/**
 * The HPA against the numbers Kubernetes documents
 * (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 * and the configurable-tolerance post, kubernetes.io/blog/2025/04/28/kubernetes-v1-33-hpa-configurable-tolerance/,
 * whose worked example is 50 replicas at 90% against a 75% target → 60).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HpaController, type HpaSettings } from './hpa';
import { hpaReplicasForMetric } from './hpaMath';
import { autoscaleDefaults } from './schema';

const settings = (o: Partial<HpaSettings> = {}): HpaSettings => ({ ...autoscaleDefaults('hpa', 1), maxReplicas: 1000, ...o });

/** Runs syncs every 15 s with a reading built from the current count; returns the counts after each sync. */
function drive(c: HpaController, syncs: number, reading: (current: number, k: number) => { metricSum: number }, start: number): number[] {
  const out: number[] = [];
  let current = start;
  for (let k = 0; k < syncs; k++) {
    const { metricSum } = reading(current, k);
    current = c.sync(k * 15_000, { currentReplicas: current, ready: current, notReady: 0, metricSum });
    out.push(current);
  }
  return out;
}

describe('HPA replicas for a metric (Algorithm details)', () => {
  it('50 replicas at 90% against a 75% target → ceil(50 × 90/75) = 60', () => {
    expect(hpaReplicasForMetric(50, 50, 0, 50 * 0.9, 0.75, true, 0.1)).toBe(60);
    const c = new HpaController(settings({ target: 0.75 }));
    expect(c.sync(0, { currentReplicas: 50, ready: 50, notReady: 0, metricSum: 50 * 0.9 })).toBe(60);
  });

  it('200m against 100m doubles, 50m halves (the docs example, custom metric)', () => {
    expect(hpaReplicasForMetric(4, 4, 0, 4 * 0.2, 0.1, false, 0.1)).toBe(8);
    expect(hpaReplicasForMetric(4, 4, 0, 4 * 0.05, 0.1, false, 0.1)).toBe(2);
  });

  it('tolerance 0.1: a ratio within 10% of 1 keeps the count, beyond it scales', () => {
    expect(hpaReplicasForMetric(10, 10, 0, 10 * 0.54, 0.5, true, 0.1)).toBe(10); // ratio 1.08: within
    expect(hpaReplicasForMetric(10, 10, 0, 10 * 0.56, 0.5, true, 0.1)).toBe(12); // ratio 1.12: ceil(11.2)
    expect(hpaReplicasForMetric(10, 10, 0, 10 * 0.46, 0.5, true, 0.1)).toBe(10); // 0.92: within
    expect(hpaReplicasForMetric(10, 10, 0, 10 * 0.44, 0.5, true, 0.1)).toBe(9); // 0.88: ceil(8.8)
    // Exactly 55/50: |1 − 1.1| is 0.10000000000000009 in binary floating point (Go's float64 too): it scales.
    expect(hpaReplicasForMetric(10, 10, 0, 10 * 0.55, 0.5, true, 0.1)).toBe(11);
    expect(hpaReplicasForMetric(10, 10, 0, 10 * 0.54, 0.5, true, 0)).toBe(11); // tolerance overridden
  });

  it('not-yet-ready replicas count as 0 on a scale-up (dampened), are ignored on a scale-down', () => {
    // 6 ready at 100%, 5 starting, target 50%: ignoring them gives ceil(2 × 6) = 12; counting them
    // as 0 gives floor(600/11) = 54%, 54/50 = 1.08, within the tolerance: no change.
    expect(hpaReplicasForMetric(11, 6, 0, 6, 0.5, true, 0.1)).toBe(12);
    expect(hpaReplicasForMetric(11, 6, 5, 6, 0.5, true, 0.1)).toBe(11);
    // 1 ready at 100%, 3 starting, target 50%: 25/50 reverses the direction: no change.
    expect(hpaReplicasForMetric(4, 1, 3, 1, 0.5, true, 0.1)).toBe(4);
    // Scale-down: starting replicas are left out; ceil(0.4 × 6) over the 6 ready ones.
    expect(hpaReplicasForMetric(10, 6, 4, 6 * 0.2, 0.5, true, 0.1)).toBe(3);
    // No ready replica: no metric, no change.
    expect(hpaReplicasForMetric(3, 0, 3, 0, 0.5, true, 0.1)).toBe(3);
  });
});

describe('HPA behavior (Configurable scaling behavior, defaults)', () => {
  it('default scale-up under a sustained overload: 1 → 5 → 10 → 20 → 40 at 15 s steps', () => {
    const c = new HpaController(settings({ metric: 'rps', target: 10 }));
    // 10 000 req/s offered in total: every replica sees 10 000 / current, far above 10 per replica.
    expect(drive(c, 5, () => ({ metricSum: 10_000 }), 1).slice(0, 4)).toEqual([5, 10, 20, 40]);
  });

  it('scale-down waits for the 300 s stabilization window (highest recommendation in it)', () => {
    const c = new HpaController(settings({ metric: 'rps', target: 10 }));
    let cur = c.sync(0, { currentReplicas: 10, ready: 10, notReady: 0, metricSum: 100 }); // ratio 1: stays 10
    expect(cur).toBe(10);
    const seen: number[] = [];
    for (let t = 15; t <= 330; t += 15) {
      cur = c.sync(t * 1000, { currentReplicas: cur, ready: cur, notReady: 0, metricSum: 20 }); // wants 2
      seen.push(cur);
    }
    // Recommendations: 10 at t = 0, then 2. The 10 leaves the window (strictly after now − 300 s) at t = 300.
    expect(seen.slice(0, 18)).toEqual(Array(18).fill(10)); // t = 15 … 285 s
    expect(seen[19]).toBe(2); // t = 300 s: 100% per 15 s allows the whole drop
  });

  it('every default can be overridden: a 60 s window, 1 pod per 60 s up, Disabled down, min and max', () => {
    const c = new HpaController(
      settings({
        metric: 'rps',
        target: 10,
        maxReplicas: 3,
        scaleUp: { stabilizationWindowSec: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSec: 60 }] },
        scaleDown: { stabilizationWindowSec: 60, selectPolicy: 'Disabled', policies: [{ type: 'Percent', value: 100, periodSec: 15 }] },
      }),
    );
    // 1 pod per 60 s: 1 → 2 at 0 s, held until the event leaves the period (strictly after now − 60 s), → 3 at 60 s; max 3.
    expect(drive(c, 7, () => ({ metricSum: 1000 }), 1)).toEqual([2, 2, 2, 2, 3, 3, 3]);
    // Scale-down disabled: the count stays although the load is gone.
    expect(c.sync(200_000, { currentReplicas: 3, ready: 3, notReady: 0, metricSum: 0 })).toBe(3);
  });

  it('the first sync records the starting count: no scale-down below it within the first 300 s', () => {
    const c = new HpaController(settings({ metric: 'rps', target: 10 }));
    const seen = drive(c, 22, () => ({ metricSum: 0 }), 8); // no load at all from the start
    expect(seen.slice(0, 20)).toEqual(Array(20).fill(8)); // 0 … 285 s
    expect(seen[20]).toBe(1); // 300 s: the initial 8 left the window; minReplicas 1
  });

  it('min and max bound the result, and a count outside them is brought back first', () => {
    const c = new HpaController(settings({ metric: 'rps', target: 10, minReplicas: 2, maxReplicas: 6 }));
    expect(c.sync(0, { currentReplicas: 9, ready: 9, notReady: 0, metricSum: 0 })).toBe(6);
    expect(c.sync(15_000, { currentReplicas: 1, ready: 1, notReady: 0, metricSum: 1000 })).toBe(2);
    expect(c.sync(30_000, { currentReplicas: 4, ready: 4, notReady: 0, metricSum: 1000 })).toBe(6);
  });

  it('property: deterministic, within [min, max], never moves against the metric', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 5, max: 200 }),
        (loads, min, max) => {
          const run = () => {
            const c = new HpaController(settings({ metric: 'rps', target: 10, minReplicas: min, maxReplicas: max }));
            return drive(c, loads.length, (_cur, k) => ({ metricSum: loads[k] }), min);
          };
          const a = run();
          expect(run()).toEqual(a);
          let prev = min;
          for (let k = 0; k < a.length; k++) {
            expect(a[k]).toBeGreaterThanOrEqual(min);
            expect(a[k]).toBeLessThanOrEqual(max);
            const perReplica = loads[k] / prev;
            if (a[k] > prev) expect(perReplica).toBeGreaterThan(10); // scaled up only when above target
            if (a[k] < prev) expect(perReplica).toBeLessThan(10);
            prev = a[k];
          }
        },
      ),
    );
  });
});
