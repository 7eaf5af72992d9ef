/**
 * The `ranker-gpu-loss-hpa` template (docs/templates.md) behaves as its description says: the same 2-of-8
 * ranker crash as `ranker-gpu-loss`, with an HPA on in-flight requests per replica. The crashed pods stay
 * counted, the sync at 75 s adds the 4 pods the default scale-up policy allows (max 12), they take traffic
 * after their ~20 s cold start, and the design is back within its SLO when the crash ends, where the same
 * design without the autoscaler needs a while after it.
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../engine/run';
import { loadTemplate } from './index';

describe('ranker-gpu-loss-hpa template', () => {
  it('the HPA replaces the lost capacity during the crash and recovers sooner than the fixed design', () => {
    const auto = runPoint(loadTemplate('ranker-gpu-loss-hpa'), {}).microservices;
    const fixed = runPoint(loadTemplate('ranker-gpu-loss'), {}).microservices;
    const ranker = auto.nodes.find((n) => n.id === 'ranker')!;
    const ts = ranker.timeSeries!;
    // Windows of 4 s: window 14 is [56, 60) s, 16 is [64, 68) s (the crash), 18 holds the sync at 75 s.
    expect([ts.replicas[14], ts.readyReplicas[14]]).toEqual([8, 8]);
    expect([ts.replicas[16], ts.readyReplicas[16]]).toEqual([8, 6]);
    expect(ts.replicas[20]).toBe(12);
    expect(ranker.elasticity?.coldStarts).toBe(4);
    // After the cold starts and before the crash ends (window 28 is [112, 116) s): the 6 survivors and 4 new ones.
    expect(ts.readyReplicas[28]).toBe(10);
    expect(auto.recoverySec).toBe(0);
    expect(fixed.recoverySec!).toBeGreaterThan(0);
    expect(auto.goodputPerSec!).toBeGreaterThan(fixed.goodputPerSec!);
    expect(auto.endToEnd.p99Ms).toBeLessThan(fixed.endToEnd.p99Ms);
  });
});
