import { describe, expect, it } from 'vitest';
import { type ReplicaTimeline, replicaLabel } from './replicaTimeline';

const t: ReplicaTimeline = {
  windowSec: 60,
  byNode: new Map([['ranker', { replicas: Float64Array.from([2, 4.6, 3, 6]), ready: Float64Array.from([2, 3.2, 3, 4]), starting: Float64Array.from([0, 1.1, 0, 0]) }]]),
};

describe('replica labels for the animation', () => {
  it('reads the window of the clock: whole replicas, ready and the rest', () => {
    expect(replicaLabel(t, 'ranker', 0)).toBe('replicas 2: 2 ready');
    // 90 s is in the second window (60–120 s): 4.6 → 5 replicas, 3.2 → 3 ready, 1.1 → 1 starting, the last one draining.
    expect(replicaLabel(t, 'ranker', 90_000)).toBe('replicas 5: 3 ready · 1 starting · 1 draining');
    // A scale-down: 2 of 6 replicas still finishing their requests, none starting.
    expect(replicaLabel(t, 'ranker', 200_000)).toBe('replicas 6: 4 ready · 2 draining');
    // Past the last window the last one holds.
    expect(replicaLabel(t, 'ranker', 10_000_000)).toBe('replicas 6: 4 ready · 2 draining');
  });

  it('says nothing for a node that does not autoscale, or without a run', () => {
    expect(replicaLabel(t, 'gateway', 0)).toBeNull();
    expect(replicaLabel(null, 'ranker', 0)).toBeNull();
  });
});
