import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { call, expNode, makeDoc } from './analytic/testDoc';

const node = (a: ReturnType<typeof analyze>, id: string) => a.nodes.find((n) => n.id === id)!;

describe('saturation rate: the entry rate at which the busiest station reaches ρ = 1', () => {
  // gateway: 16 servers, 1 ms  → ρ/λ = 1/16 000
  // api:     12 servers, 10 ms → ρ/λ = 10/12 000 = 1/1 200
  // db:       1 server, 4 ms, called with p = 0.5, count 2 → 1 visit → ρ/λ = 4/1 000 = 1/250
  const doc = makeDoc(
    [
      { ...expNode('gateway', 1), replicas: 2, concurrency: 8 },
      { ...expNode('api', 10), replicas: 3, concurrency: 4 },
      expNode('db', 4),
    ],
    [call('gateway', 'api'), call('api', 'db', { probability: 0.5, count: 2 })],
    { entry: 'gateway', ratePerSec: 100 },
  );

  it('is computed by hand as 250 req/s with the database the bottleneck, whatever rate is analysed', () => {
    for (const rate of [1, 100, 249]) {
      const a = analyze(doc, rate);
      expect(a.saturationRatePerSec).toBeCloseTo(250, 9);
      expect(a.bottleneck).toBe('db');
      expect(a.meanMs).not.toBeNull();
    }
  });

  it('at and past the saturation rate: no mean, the saturated node named, other nodes still predicted', () => {
    for (const rate of [250, 400]) {
      const a = analyze(doc, rate);
      expect(a.meanMs).toBeNull();
      expect(node(a, 'db').meanWaitMs).toBeNull();
      expect(node(a, 'db').utilization).toBeCloseTo(rate / 250, 9);
      expect(node(a, 'gateway').meanWaitMs).not.toBeNull();
      expect(a.notCovered.join(' ')).toMatch(new RegExp(`saturated at ${rate} req/s: node "db"`));
    }
  });

  it('moves when the bottleneck gets servers: db with 4 servers saturates at 1 000 req/s, with 8 the api limits at 1 200', () => {
    const wider = makeDoc(
      doc.nodes.map((n) => (n.id === 'db' ? { ...n, replicas: 4 } : n)),
      doc.edges,
      doc.workload,
    );
    const a = analyze(wider);
    expect(a.saturationRatePerSec).toBeCloseTo(1000, 9); // db: 4/4 000 = 1/1 000 is still above api's 1/1 200
    expect(a.bottleneck).toBe('db');
    const widest = analyze(makeDoc(wider.nodes.map((n) => (n.id === 'db' ? { ...n, replicas: 8 } : n)), doc.edges, doc.workload));
    expect(widest.saturationRatePerSec).toBeCloseTo(1200, 9);
    expect(widest.bottleneck).toBe('api');
  });
});

describe('pools: members share one station', () => {
  // x: exponential 10 ms, y: deterministic 30 ms, each visited once per request, sharing 2 servers.
  // The pool sees λ = 2·rate with the mixture E[S] = 20 ms, E[S²] = (200 + 900)/2 = 550 ms², c_s² = 0.375.
  const rate = 30;
  const pooled = makeDoc(
    [
      { ...expNode('front', 0), serviceTime: { dist: 'deterministic', meanMs: 0 }, replicas: 4 },
      expNode('x', 10, 1, { pool: 'shared' }),
      { ...expNode('y', 30, 1, { pool: 'shared' }), serviceTime: { dist: 'deterministic', meanMs: 30 } },
    ],
    [call('front', 'x'), call('front', 'y')],
    { entry: 'front', ratePerSec: rate },
    [{ id: 'shared', servers: 2 }],
  );
  // The same station drawn as one node with a gamma service of the mixture's mean and c_s.
  const single = makeDoc(
    [{ ...expNode('z', 20, 2), serviceTime: { dist: 'gamma', meanMs: 20, cv: Math.sqrt(0.375) } }],
    [],
    { entry: 'z', ratePerSec: 2 * rate },
  );

  it('a two-member pool waits like one node with the λ-weighted service mixture', () => {
    const a = analyze(pooled);
    const z = node(analyze(single), 'z');
    expect(node(a, 'x').meanWaitMs).toBeCloseTo(z.meanWaitMs!, 10);
    expect(node(a, 'y').meanWaitMs).toBeCloseTo(z.meanWaitMs!, 10);
    expect(node(a, 'x').meanTimeInNodeMs).toBeCloseTo(z.meanWaitMs! + 10, 10);
    expect(node(a, 'y').meanTimeInNodeMs).toBeCloseTo(z.meanWaitMs! + 30, 10);
    expect(a.meanMs).toBeCloseTo(2 * z.meanWaitMs! + 40, 10);
  });

  it('each member’s utilisation is its share λ_i E[S_i]/servers; the shares add up to the pool’s', () => {
    const a = analyze(pooled);
    expect(node(a, 'x').utilization).toBeCloseTo((rate * 0.01) / 2, 12);
    expect(node(a, 'y').utilization).toBeCloseTo((rate * 0.03) / 2, 12);
    expect(node(a, 'x').utilization + node(a, 'y').utilization).toBeCloseTo(node(analyze(single), 'z').utilization, 12);
  });

  it('the pool saturates at servers / Σ visits·E[S] = 2 / 40 ms = 50 req/s; the bottleneck is its largest member', () => {
    const a = analyze(pooled);
    expect(a.saturationRatePerSec).toBeCloseTo(50, 9);
    expect(a.bottleneck).toBe('y');
    expect(a.bottleneckPool).toBe('shared');
    expect(analyze(pooled, 50).notCovered.join(' ')).toMatch(/pool "shared" \(nodes "x", "y"\)/);
  });
});
