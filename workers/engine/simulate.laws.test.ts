/** Laws any correct simulation obeys: Little's law, conservation, what async edges and network costs add, saturation (the monolith's work: monolith.test.ts). */
import { describe, expect, it } from 'vitest';
import { runPoint, simulateDesign } from './run';
import { MAX_LIVE_VISITS } from './simulate';
import { lengthFor, stationDoc, testDoc } from './testing/docs';

const chain = (extra: { nodes?: unknown[]; edges?: unknown[] } = {}, net = 0.5) =>
  testDoc({
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 1, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 1 } },
      { id: 'svc', kind: 'service', replicas: 2, concurrency: 2, serviceTime: { dist: 'lognormal', meanMs: 6, cv: 1 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 2, serviceTime: { dist: 'gamma', meanMs: 4, cv: 0.7 } },
      ...(extra.nodes ?? []),
    ],
    edges: [
      { id: 'e1', source: 'gw', target: 'svc', networkMs: net },
      { id: 'e2', source: 'svc', target: 'db', networkMs: net, probability: 0.7, count: 2 },
      ...(extra.edges ?? []),
    ],
    workload: { entry: 'gw', ratePerSec: 300 },
  });

describe("Little's law per node: L = λ·W (Little 1961)", () => {
  it('holds for every node of a three-tier chain', () => {
    const r = simulateDesign(chain(), lengthFor(200_000, 300, 1));
    const servers: Record<string, number> = { gw: 4, svc: 4, db: 2 };
    for (const n of r.nodes) {
      const L = n.meanQueueLength + n.utilization * servers[n.id];
      const lambdaW = (n.arrivalRatePerSec * n.meanTimeInNodeMs) / 1000;
      expect(Math.abs(L / lambdaW - 1), `node ${n.id}: L ${L} vs λW ${lambdaW}`).toBeLessThan(0.02);
    }
  });
});

describe('conservation: arrivals = completed + errors + dropped + in flight', () => {
  it('holds exactly with drops, timeouts, retries and async messages', () => {
    const doc = chain({
      nodes: [
        { id: 'slow', kind: 'service', replicas: 1, concurrency: 1, queueCapacity: 3, serviceTime: { dist: 'exponential', meanMs: 8 } },
        { id: 'q', kind: 'queue', replicas: 1, concurrency: 1, queueCapacity: 5, serviceTime: { dist: 'exponential', meanMs: 3 } },
      ],
      edges: [
        { id: 'e3', source: 'svc', target: 'slow', probability: 0.4, timeoutMs: 15, retries: 1 },
        { id: 'e4', source: 'gw', target: 'q', mode: 'async' },
      ],
    });
    const e = runPoint(doc, { durationSec: 60, warmupSec: 5, replications: 2 }).microservices.endToEnd;
    expect(e.errors).toBeGreaterThan(0);
    expect(e.timeouts).toBeGreaterThan(0);
    expect(e.arrivals).toBe(e.completed + e.errors + e.dropped + e.inFlight);
  });
});

describe('asynchronous edges add load, not response time', () => {
  it('adding an async branch leaves every latency identical (same seed, same arrivals)', () => {
    const base = simulateDesign(chain(), { durationSec: 60, seed: 3 });
    const withAsync = simulateDesign(
      chain({
        nodes: [
          { id: 'kafka', kind: 'queue', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 2 } },
          { id: 'flink', kind: 'stream-processor', replicas: 1, concurrency: 1, serviceTime: { dist: 'exponential', meanMs: 2.5 } },
        ],
        edges: [
          { id: 'a1', source: 'svc', target: 'kafka', mode: 'async', networkMs: 1 },
          { id: 'a2', source: 'kafka', target: 'flink', mode: 'async' },
        ],
      }),
      { durationSec: 60, seed: 3 },
    );
    expect(withAsync.endToEnd.meanMs).toBe(base.endToEnd.meanMs);
    expect(Array.from(withAsync.latencyHistogram.counts)).toEqual(Array.from(base.latencyHistogram.counts));
    const kafka = withAsync.nodes.find((n) => n.id === 'kafka')!;
    expect(kafka.arrivalRatePerSec / 300).toBeCloseTo(1, 1);
  });
});

describe('network cost', () => {
  it('adds exactly networkMs per call at negligible load', () => {
    const doc = (net: number) =>
      testDoc({
        nodes: [
          { id: 'a', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'exponential', meanMs: 2 } },
          { id: 'b', kind: 'service', replicas: 1, concurrency: 1000, serviceTime: { dist: 'exponential', meanMs: 3 } },
        ],
        edges: [{ id: 'ab', source: 'a', target: 'b', networkMs: net, count: 2 }],
        workload: { entry: 'a', ratePerSec: 20 },
      });
    const opts = { durationSec: 200, seed: 5 };
    const without = simulateDesign(doc(0), opts).endToEnd;
    const withNet = simulateDesign(doc(7), opts).endToEnd;
    expect(withNet.completed).toBe(without.completed);
    expect(withNet.meanMs - without.meanMs).toBeCloseTo(14, 9);
  });
});

describe('past saturation', () => {
  it('ends within its duration in bounded memory and says which node saturated', () => {
    const doc = stationDoc(1, { dist: 'exponential', meanMs: 10 }, 20_000);
    const e = simulateDesign(doc, { durationSec: 60, warmupSec: 1 });
    expect(e.saturated).toBe(true);
    expect(e.saturatedNode).toBe('s');
    expect(e.endToEnd.inFlight).toBeLessThanOrEqual(MAX_LIVE_VISITS);
    expect(e.endToEnd.dropped).toBeGreaterThan(0.9 * 59 * 19_900 - MAX_LIVE_VISITS);
    expect(e.nodes[0].utilization).toBeGreaterThan(0.999);
  });

  it('flags a growing backlog just past ρ = 1 without reaching the cap, and not below it', () => {
    const over = simulateDesign(stationDoc(2, { dist: 'exponential', meanMs: 10 }, 210), { durationSec: 200 });
    expect(over.saturated).toBe(true);
    expect(over.endToEnd.dropped).toBe(0);
    const under = simulateDesign(stationDoc(2, { dist: 'exponential', meanMs: 10 }, 150), { durationSec: 200 });
    expect(under.saturated).toBe(false);
    expect(under.saturatedNode).toBeNull();
  });
});
