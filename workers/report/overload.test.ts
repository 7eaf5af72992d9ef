import { describe, expect, it } from 'vitest';
import { MAX_LIVE_VISITS } from '../engine/calls';
import { runPoint } from '../engine/run';
import { loadTemplate } from '../templates';
import { capSentence, dropsAreFromCap } from './overload';

describe('capSentence', () => {
  // M/M/1 with μ = 1/(10 ms) = 100 req/s offered 1000 req/s: the queue grows by ~900 per second, so it passes the
  // MAX_LIVE_VISITS (200 000) safety cap after ~220 s; 400 s of simulated time turns ~160 000 arrivals away.
  const doc = { ...loadTemplate('mm1'), nodes: loadTemplate('mm1').nodes.map((n) => ({ ...n, serviceTime: { dist: 'exponential' as const, meanMs: 10 }, replicas: 1, concurrency: 1 })) };
  const far = runPoint(doc, { ratePerSec: 1000, durationSec: 400, warmupSec: 1, seed: 3 });

  it('names the cap and its count when the drops can only come from it', () => {
    expect(dropsAreFromCap(doc)).toBe(true);
    const dropped = far.microservices.endToEnd.dropped;
    expect(dropped).toBeGreaterThan(100_000);
    const s = capSentence(doc, far)!;
    expect(s).toContain(`at most ${MAX_LIVE_VISITS.toLocaleString('en-US')} requests may be inside the system at once`);
    expect(s).toContain(`${dropped.toLocaleString('en-US')} (microservices)`);
  });

  it('says nothing below saturation, nor when a queue limit may have dropped them', () => {
    expect(capSentence(doc, runPoint(doc, { ratePerSec: 50, durationSec: 5, seed: 3 }))).toBeNull();
    const limited = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, queueCapacity: 100 })) };
    expect(dropsAreFromCap(limited)).toBe(false);
    expect(capSentence(limited, far)).toBeNull();
  });
});
