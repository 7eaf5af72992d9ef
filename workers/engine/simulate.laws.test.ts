/** Laws any correct simulation obeys: Little's law, conservation, what async edges and network costs add, the monolith's work, saturation. */
import { describe, expect, it } from 'vitest';
import { deriveMonolith } from './monolith';
import { parseTopology } from './parse';
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

describe('the monolith baseline', () => {
  const doc = testDoc({
    nodes: [
      { id: 'gw', kind: 'gateway', replicas: 2, concurrency: 8, costPerReplicaHour: 0.1, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'cache', kind: 'cache', replicas: 3, concurrency: 32, hitRatio: 0.5, serviceTime: { dist: 'deterministic', meanMs: 0.5 } },
      { id: 'rank', kind: 'model-server', replicas: 4, concurrency: 1, costPerReplicaHour: 0.9, serviceTime: { dist: 'deterministic', meanMs: 20 } },
      { id: 'fs', kind: 'feature-store', replicas: 1, concurrency: 64, serviceTime: { dist: 'deterministic', meanMs: 3 } },
      { id: 'nearline', kind: 'stream-processor', replicas: 1, concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 5 } },
      { id: 'train', kind: 'offline' },
    ],
    edges: [
      { id: 'e1', source: 'gw', target: 'cache', networkMs: 0.4 },
      { id: 'e2', source: 'cache', target: 'rank', networkMs: 0.6 },
      { id: 'e3', source: 'rank', target: 'fs', networkMs: 0.8 },
      { id: 'e4', source: 'gw', target: 'rank', networkMs: 1.5 },
      { id: 'e5', source: 'gw', target: 'nearline', mode: 'async', networkMs: 2 },
      { id: 'e6', source: 'train', target: 'rank' },
    ],
    workload: { entry: 'gw', ratePerSec: 5 },
  });

  it('is a valid document pooling the service nodes on the sync request path', () => {
    const mono = deriveMonolith(doc);
    expect(parseTopology(JSON.parse(JSON.stringify(mono))).ok).toBe(true);
    expect(mono.name).toBe(`${doc.name} (monolith)`);
    const pool = mono.pools.find((p) => p.id === 'monolith')!;
    expect(pool.servers).toBe(2 * 8 + 4 * 1);
    expect(pool.costPerHour).toBeCloseTo(2 * 0.1 + 4 * 0.9, 12);
    const poolOf = Object.fromEntries(mono.nodes.map((n) => [n.id, n.pool]));
    expect(poolOf).toEqual({ gw: 'monolith', cache: null, rank: 'monolith', fs: null, nearline: null, train: null });
    const net = Object.fromEntries(mono.edges.map((e) => [e.id, e.networkMs]));
    expect(net).toEqual({ e1: 0.4, e2: 0.6, e3: 0.8, e4: 0, e5: 2, e6: 0.5 });
  });

  it('scales the cost when doc.monolith.servers overrides the servers', () => {
    const mono = deriveMonolith({ ...doc, monolith: { ...doc.monolith, threadsPerReplica: 10, costPerHour: null } });
    const pool = mono.pools.find((p) => p.id === 'monolith')!;
    expect(pool.servers).toBe(10);
    expect(pool.costPerHour).toBeCloseTo(((2 * 0.1 + 4 * 0.9) * 10) / 20, 12);
  });

  it('takes the price from doc.monolith.costPerHour when it is set', () => {
    const mono = deriveMonolith({ ...doc, monolith: { ...doc.monolith, threadsPerReplica: 10, costPerHour: 3.8 } });
    const pool = mono.pools.find((p) => p.id === 'monolith')!;
    expect(pool.servers).toBe(10);
    expect(pool.costPerHour).toBe(3.8);
    const r = runPoint({ ...doc, monolith: { ...doc.monolith, threadsPerReplica: 10, costPerHour: 3.8 } }, { durationSec: 20, seed: 1 });
    const remote = mono.nodes.filter((n) => n.pool !== 'monolith' && n.role !== 'offline');
    const remoteCost = remote.reduce((sum, n) => sum + n.replicas * (n.costPerReplicaHour ?? 0), 0);
    expect(r.monolith.costPerHour).toBeCloseTo(3.8 + remoteCost, 9);
  });

  it('at negligible load takes the sum of the merged work plus the remote calls', () => {
    // Deterministic times, ample servers: a hit (½) takes gw 1 + net 0.4 + cache 0.5 + gw→rank 1.5 + rank 20 + net 0.8 + fs 3;
    // a miss adds 0.6 + rank 20 + 0.8 + 3 more. The monolith saves only the gw→rank network (1.5 ms).
    const r = runPoint(doc, { durationSec: 400, seed: 2 });
    const hit = 1 + 0.4 + 0.5 + 1.5 + 20 + 0.8 + 3;
    const miss = hit + 0.6 + 20 + 0.8 + 3;
    const share = r.microservices.nodes.find((n) => n.id === 'rank')!.arrivalRatePerSec / r.microservices.endToEnd.throughputPerSec - 1;
    expect(r.microservices.endToEnd.meanMs).toBeCloseTo(hit + share * (miss - hit), 6);
    expect(r.microservices.endToEnd.meanMs - r.monolith.endToEnd.meanMs).toBeCloseTo(1.5, 9);
    expect(r.monolith.costPerHour).toBeCloseTo(r.microservices.costPerHour, 9);
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
