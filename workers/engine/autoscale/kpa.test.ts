/**
 * The KPA against Knative's documented arithmetic
 * (https://knative.dev/docs/serving/autoscaling/kpa-specific/, autoscaling concepts: containerConcurrency 10 at a
 * 70% target utilization with 100 concurrent requests → ceil(100 / 7) = 15 pods) and the code it ports
 * (knative/serving pkg/autoscaler/scaling/autoscaler.go, pkg/reconciler/autoscaling/kpa/scaler.go).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KpaController, type KpaSettings } from './kpa';
import { autoscaleDefaults } from './schema';
import { WindowBuckets } from './windowBuckets';

const settings = (o: Partial<KpaSettings> = {}): KpaSettings => ({ ...autoscaleDefaults('kpa', 10), maxReplicas: 1000, ...o });

/**
 * Each second s: record value(s) (total concurrency), then on even seconds tick with the count from the
 * previous decision taken as ready at once (no cold start). Returns the decision at each even second.
 */
function run(c: KpaController, seconds: number, value: (s: number) => number, start: number): Map<number, number> {
  const out = new Map<number, number>();
  let current = start;
  for (let s = 0; s < seconds; s++) {
    c.recordSecond(s, value(s));
    if (s % 2 === 0) {
      current = c.tick(s * 1000, current, current);
      out.set(s, current);
    }
  }
  return out;
}

describe('Knative windows', () => {
  it('averages over the seconds written so far, then over the window; a window without writes is empty', () => {
    const w = new WindowBuckets(6);
    w.record(0, 6);
    w.record(1, 12);
    expect(w.average(1)).toBe(9); // two buckets written
    for (let s = 2; s < 10; s++) w.record(s, 6);
    expect(w.average(9)).toBe(6); // seconds 4..9
    expect(w.average(11)).toBe(6); // two seconds without data: the 4 remaining buckets
    expect(w.isEmpty(16)).toBe(true);
    expect(w.average(16)).toBe(0);
  });
});

describe('KPA decisions', () => {
  it('containerConcurrency 10 at 70% with 100 concurrent requests → 15 pods', () => {
    const c = new KpaController(settings({ target: 10, targetUtilization: 0.7 }), 15);
    const d = run(c, 62, () => 100, 15);
    expect(c.targetValue).toBe(7);
    expect(d.get(60)).toBe(15);
    expect(c.panicking).toBe(true); // started with more than one pod (newAutoscaler) …
    const later = run(c, 130, () => 100, 15);
    expect(later.get(128)).toBe(15);
    expect(c.panicking).toBe(false); // … and left panic a stable window later (15/15 < 200%)
  });

  it('panic starts when the 6 s panic count reaches 2 × the ready pods, and never scales down while it lasts', () => {
    const c = new KpaController(settings({ target: 10, targetUtilization: 0.7 }), 1);
    // 5 pods at 35 (5 × 7) for 80 s (the ramp from 1 pod panics at 0 s and calms down a stable window later).
    const d = run(c, 80, () => 35, 1);
    expect(d.get(78)).toBe(5);
    expect(c.panicking).toBe(false);
    // From 80 s the new pods are still starting: 5 stay ready until 100 s. (ready, current) for second s:
    const drive = (c: KpaController, load: (s: number) => number, onTick: (s: number, prev: number, next: number) => void) => {
      let current = 1;
      for (let s = 0; s < 200; s++) {
        c.recordSecond(s, load(s));
        if (s % 2 === 0) {
          const ready = s >= 80 && s < 100 ? 5 : current;
          const next = c.tick(s * 1000, ready, current);
          onTick(s, current, next);
          current = next;
        }
      }
      return current;
    };
    // 63 concurrent: ceil(63/7) = 9 < 2 × 5: no panic.
    const c2 = new KpaController(settings({ target: 10, targetUtilization: 0.7 }), 1);
    drive(c2, (s) => (s < 80 ? 35 : s < 100 ? 63 : 7), (s) => {
      if (s >= 80) expect(c2.panicking).toBe(false);
    });
    // 64 concurrent: ceil(64/7) = 10 = 2 × 5: panic once the 6 s panic window holds only 64s (buckets 81–86).
    const c3 = new KpaController(settings({ target: 10, targetUtilization: 0.7 }), 1);
    let panicAt = -1;
    const current = drive(
      c3,
      (s) => (s < 80 ? 35 : s < 100 ? 64 : 7),
      (s, prev, next) => {
        if (c3.panicking && panicAt < 0 && s >= 80) panicAt = s;
        if (c3.panicking && panicAt > 0 && s > panicAt) expect(next).toBeGreaterThanOrEqual(prev); // never down in panic
      },
    );
    expect(panicAt).toBe(86);
    expect(c3.panicking).toBe(false); // load fell to 7 at 100 s: panic ends a stable window after it last held
    expect(current).toBe(1);
  });

  it('scales to zero a grace period after the stable window saw no traffic; a request at zero pokes it back to 1', () => {
    const c = new KpaController(settings({ target: 10, targetUtilization: 0.7 }), 1);
    const d = run(c, 240, (s) => (s < 100 ? 5 : 0), 1);
    // The 60 s stable window is all zeros at 159 s; the tick at 160 s marks the revision inactive (stays 1),
    // and 30 s later (scale-to-zero-grace-period) the last replica goes.
    expect(d.get(158)).toBe(1);
    expect(d.get(160)).toBe(1);
    expect(d.get(188)).toBe(1);
    expect(d.get(190)).toBe(0);
    expect(d.get(238)).toBe(0);
    expect(c.poke(240_500, 1, 0, 0)).toBe(1);
  });

  it('minReplicas 1 never reaches zero; maxReplicas and maxScaleUpRate cap a jump', () => {
    const c = new KpaController(settings({ minReplicas: 1, maxReplicas: 50, maxScaleUpRate: 3 }), 1);
    const d = run(c, 240, (s) => (s < 20 ? 1000 : 0), 1);
    expect(d.get(0)).toBe(3); // ceil(3 × 1)
    expect(d.get(2)).toBe(9);
    expect(d.get(4)).toBe(27);
    expect(d.get(6)).toBe(50);
    expect(Math.min(...d.values())).toBe(1);
  });

  it('property: while in panic the count never goes down, whatever the load', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 10, maxLength: 300 }), (loads) => {
        const c = new KpaController(settings({ maxReplicas: 100 }), 1);
        let current = 1;
        for (let s = 0; s < loads.length; s++) {
          c.recordSecond(s, loads[s]);
          if (s % 2) continue;
          const wasPanicking = c.panicking;
          const next = c.tick(s * 1000, current, current);
          if (wasPanicking && c.panicking) expect(next).toBeGreaterThanOrEqual(current);
          current = next;
        }
      }),
    );
  });

  it('property: deterministic and within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 3 }), (loads, min) => {
        const go = () => [...run(new KpaController(settings({ minReplicas: min, maxReplicas: 40 }), 1), loads.length, (s) => loads[s], 1).values()];
        const a = go();
        expect(go()).toEqual(a);
        for (const x of a) {
          expect(x).toBeGreaterThanOrEqual(Math.min(min, 1));
          expect(x).toBeLessThanOrEqual(40);
        }
      }),
    );
  });
});
