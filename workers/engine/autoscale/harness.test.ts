/**
 * The controllers driven by a synthetic load through the fluid harness (no engine): replica trajectories
 * against the documented rules, cold starts, determinism.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { ColdStartSampler, MODEL_SERVER_COLD_START } from './coldStart';
import { diurnalProfile, rateAt } from './dayProfiles';
import { runHarness } from './harness';
import { normalizeAutoscale } from './schema';

const fixed = (ms: number) => ({ nextMs: () => ms });
const perSecond = (seconds: number, f: (s: number) => number) => Float64Array.from({ length: seconds }, (_, s) => f(s));

describe('harness: HPA', () => {
  it('sustained overload from 1 replica: 5, 10, 20, 40, 80 at 15 s steps, then maxReplicas (30 s cold starts)', () => {
    const r = runHarness({
      autoscale: normalizeAutoscale({ policy: 'hpa', metric: 'rps', target: 10, maxReplicas: 100 }, 1),
      loadPerSec: perSecond(120, () => 10_000),
      capacityPerSec: 10,
      serviceSec: 0.1,
      initialReplicas: 1,
      coldStart: fixed(30_000),
    });
    expect([0, 15, 30, 45, 60, 75, 90].map((s) => r.replicas[s])).toEqual([5, 10, 20, 40, 80, 100, 100]);
    // New replicas take traffic only when ready, 30 s after they were asked for.
    expect([0, 29, 30, 45, 60].map((s) => r.ready[s])).toEqual([1, 1, 5, 10, 20]);
    expect(r.coldStarts).toBe(99);
  });

  it('a day of diurnal traffic: follows the load, scales down slowly, same trajectory for the same seed', () => {
    const day = diurnalProfile({ meanRatePerSec: 300 });
    const load = perSecond(86_400, (s) => rateAt(day, s));
    const go = (seed: number) =>
      runHarness({
        autoscale: normalizeAutoscale({ policy: 'hpa', metric: 'utilization', target: 0.7, minReplicas: 2, maxReplicas: 200 }, 1),
        loadPerSec: load,
        capacityPerSec: 10,
        serviceSec: 0.1,
        initialReplicas: 20,
        coldStart: new ColdStartSampler(MODEL_SERVER_COLD_START, new Rng(seed)),
      });
    const a = go(7);
    expect(go(7)).toEqual(a);
    // Peak 480 req/s at 20:00: 480 / (10 × 0.7) = 68.6 replicas at the target; the 10% tolerance leaves any
    // count from 480 / (10 × 0.7 × 1.1) = 62.3 up. The trough (120 req/s at 08:00) needs 18.
    const peak = a.replicas[20 * 3600];
    expect(peak).toBeGreaterThanOrEqual(63);
    expect(peak).toBeLessThanOrEqual(87);
    expect(a.replicas[8 * 3600]).toBeLessThan(peak / 2);
    // Replica-seconds are the area under the billed count.
    expect(a.replicaSeconds).toBeGreaterThan(18 * 86_400);
    expect(a.replicaSeconds).toBeLessThan(90 * 86_400);
  });
});

describe('harness: KPA', () => {
  it('scales to zero after the stable window and grace period; the next request waits exactly the drawn cold start', () => {
    const autoscale = normalizeAutoscale({ policy: 'kpa', maxReplicas: 20 }, 10);
    const r = runHarness({
      autoscale,
      loadPerSec: perSecond(600, (s) => (s < 100 ? 5 : s === 400 ? 1 : 0)), // then one request at 400 s
      capacityPerSec: 50,
      serviceSec: 0.2,
      initialReplicas: 1,
      coldStart: new ColdStartSampler(MODEL_SERVER_COLD_START, new Rng(99)),
    });
    // Concurrency 1 (5 req/s × 0.2 s) until 100 s; the stable window is empty of it at 159 s, the tick at 160 s
    // marks the revision inactive, the last replica goes 30 s later.
    expect(r.replicas[189]).toBe(1);
    expect(r.replicas[190]).toBe(0);
    expect(r.replicas[399]).toBe(0);
    expect(r.replicas[400]).toBe(1); // the activator's poke
    expect(r.ready[400]).toBe(0);
    const firstDraw = new ColdStartSampler(MODEL_SERVER_COLD_START, new Rng(99)).nextMs();
    expect(r.firstWaitAtZeroMs).toBeCloseTo(firstDraw, 6); // (arrival + draw) − arrival
    expect(r.coldStarts).toBe(1);
    expect(r.ready[Math.ceil(400 + firstDraw / 1000)]).toBe(1);
  });
});
