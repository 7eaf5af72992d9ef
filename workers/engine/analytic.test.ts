import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { harmonic } from './analytic/forkJoin';
import { call, expNode, makeDoc } from './analytic/testDoc';

const node = (a: ReturnType<typeof analyze>, id: string) => a.nodes.find((n) => n.id === id)!;

describe('analyze: single stations', () => {
  it('M/M/1: R = S/(1 − ρ), ρ = λS (Kleinrock Vol. 1, eq. 3.26)', () => {
    const doc = makeDoc([expNode('s', 10)], [], { entry: 's', ratePerSec: 80 });
    const a = analyze(doc);
    expect(node(a, 's').utilization).toBeCloseTo(0.8, 12);
    expect(a.meanMs).toBeCloseTo(10 / (1 - 0.8), 10);
    expect(analyze(doc, 50).meanMs).toBeCloseTo(10 / (1 - 0.5), 10);
    expect(a.saturationRatePerSec).toBeCloseTo(100, 10);
    expect(a.bottleneck).toBe('s');
    expect(a.notCovered).toEqual([]);
  });

  it('M/D/1 and M/G/1 (lognormal, c_s = 2): Pollaczek–Khinchine R = S + ρS(1 + c_s²)/(2(1 − ρ))', () => {
    const det = makeDoc([{ ...expNode('s', 10), serviceTime: { dist: 'deterministic', meanMs: 10 } }], [], {
      entry: 's',
      ratePerSec: 80,
    });
    expect(analyze(det).meanMs).toBeCloseTo(10 + (0.8 * 10) / (2 * 0.2), 10);
    const logn = makeDoc([{ ...expNode('s', 10), serviceTime: { dist: 'lognormal', meanMs: 10, cv: 2 } }], [], {
      entry: 's',
      ratePerSec: 60,
    });
    expect(analyze(logn).meanMs).toBeCloseTo(10 + (0.6 * 10 * 5) / (2 * 0.4), 10);
  });

  it('M/M/c: c = 2, λ = 1/s, S = 1 s: P(wait) = 1/3, W_q = C/(cμ − λ) = 1/3 s (Erlang C)', () => {
    const doc = makeDoc([expNode('s', 1000, 2)], [], { entry: 's', ratePerSec: 1 });
    const a = analyze(doc);
    expect(node(a, 's').meanWaitMs).toBeCloseTo(1000 / 3, 8);
    expect(a.meanMs).toBeCloseTo(1000 + 1000 / 3, 8);
    expect(node(a, 's').utilization).toBeCloseTo(0.5, 12);
  });

  it('stays finite for c = 10 000 servers at ρ = 0.99', () => {
    const doc = makeDoc([{ ...expNode('s', 1000), replicas: 100, concurrency: 100 }], [], {
      entry: 's',
      ratePerSec: 9_900,
    });
    const a = analyze(doc);
    expect(node(a, 's').utilization).toBeCloseTo(0.99, 12);
    expect(a.meanMs).toBeGreaterThan(1000);
    expect(a.meanMs).toBeLessThan(1100);
  });
});

describe('analyze: networks', () => {
  it('tandem of M/M/1 queues: the sum of S_i/(1 − ρ_i) plus the network of each call', () => {
    const doc = makeDoc(
      [expNode('a', 5), expNode('b', 8), expNode('c', 6)],
      [call('a', 'b', { networkMs: 1 }), call('b', 'c', { networkMs: 2 })],
      { entry: 'a', ratePerSec: 100 },
    );
    const expected = 5 / 0.5 + 8 / 0.2 + 6 / 0.4 + 1 + 2;
    expect(analyze(doc).meanMs).toBeCloseTo(expected, 10);
    expect(analyze(doc).saturationRatePerSec).toBeCloseTo(125, 10);
    expect(analyze(doc).bottleneck).toBe('b');
  });

  it('Jackson network with a cache in front of a database: λ_db = (1 − h)λ, R = R_cache + (1 − h)(net + R_db)', () => {
    const doc = makeDoc(
      [
        { ...expNode('cache', 1), kind: 'cache', hitRatio: 0.8 },
        { ...expNode('db', 20), kind: 'database' },
      ],
      [call('cache', 'db', { networkMs: 0.5 })],
      { entry: 'cache', ratePerSec: 200 },
    );
    const a = analyze(doc);
    expect(node(a, 'db').arrivalRatePerSec).toBeCloseTo(40, 10);
    expect(node(a, 'db').utilization).toBeCloseTo(0.8, 10);
    const rCache = 1 / (1 - 0.2);
    const rDb = 20 / (1 - 0.8);
    expect(a.meanMs).toBeCloseTo(rCache + 0.2 * (0.5 + rDb), 10);
    expect(a.saturationRatePerSec).toBeCloseTo(250, 10); // db: 0.2 · λ · 20 ms = 1
  });

  it('probability × count multiply the load and the sequential call time', () => {
    const doc = makeDoc([expNode('a', 1, 4), expNode('b', 2, 8)], [call('a', 'b', { probability: 0.5, count: 3 })], {
      entry: 'a',
      ratePerSec: 100,
    });
    const a = analyze(doc);
    expect(node(a, 'b').arrivalRatePerSec).toBeCloseTo(150, 10);
    const tA = node(a, 'a').meanTimeInNodeMs!;
    const tB = node(a, 'b').meanTimeInNodeMs!;
    expect(a.meanMs).toBeCloseTo(tA + 1.5 * tB, 10);
  });

  it('fork–join of two M/M/1 branches: Nelson–Tantawi R₂ = (12 − ρ)/8 · S/(1 − ρ)', () => {
    const doc = makeDoc(
      [
        { ...expNode('front', 0), serviceTime: { dist: 'deterministic', meanMs: 0 }, callMode: 'parallel' },
        expNode('left', 10),
        expNode('right', 10),
      ],
      [call('front', 'left', { networkMs: 1 }), call('front', 'right', { networkMs: 1 })],
      { entry: 'front', ratePerSec: 60 },
    );
    const rho = 0.6;
    expect(analyze(doc).meanMs).toBeCloseTo(1 + ((12 - rho) / 8) * (10 / (1 - rho)), 10);
  });

  it('heterogeneous parallel branches: expected maximum of independent exponentials with the branch means', () => {
    const doc = makeDoc(
      [
        { ...expNode('front', 0), serviceTime: { dist: 'deterministic', meanMs: 0 }, callMode: 'parallel' },
        expNode('fast', 5),
        expNode('slow', 20),
      ],
      [call('front', 'fast'), call('front', 'slow')],
      { entry: 'front', ratePerSec: 20 },
    );
    const m1 = 5 / (1 - 0.1);
    const m2 = 20 / (1 - 0.4);
    expect(analyze(doc).meanMs).toBeCloseTo(m1 + m2 - 1 / (1 / m1 + 1 / m2), 6);
  });

  it('parallel count copies to one multi-server node use the expected maximum (not Nelson–Tantawi)', () => {
    const doc = makeDoc(
      [
        { ...expNode('front', 0), serviceTime: { dist: 'deterministic', meanMs: 0 }, callMode: 'parallel' },
        expNode('shard', 10, 64),
      ],
      [call('front', 'shard', { count: 4 })],
      { entry: 'front', ratePerSec: 10 },
    );
    const t = node(analyze(doc), 'shard').meanTimeInNodeMs!;
    expect(analyze(doc).meanMs).toBeCloseTo(t * harmonic(4), 6);
  });

  it('async edges add load at the target but no response time', () => {
    const edges = [call('api', 'db', { networkMs: 1 })];
    const nodes = [expNode('api', 2, 4), expNode('db', 5, 4), expNode('sink', 10, 4)];
    const syncOnly = analyze(makeDoc(nodes, edges, { entry: 'api', ratePerSec: 100 }));
    const withAsync = analyze(
      makeDoc(nodes, [...edges, call('api', 'sink', { mode: 'async', networkMs: 3 })], { entry: 'api', ratePerSec: 100 }),
    );
    expect(withAsync.meanMs).toBeCloseTo(syncOnly.meanMs!, 12);
    expect(node(withAsync, 'sink').arrivalRatePerSec).toBeCloseTo(100, 12);
    expect(node(syncOnly, 'sink').arrivalRatePerSec).toBe(0);
  });

  it('offline nodes and the edges touching them carry no traffic', () => {
    const doc = makeDoc(
      [expNode('api', 2), { id: 'train', kind: 'offline' }, expNode('db', 5)],
      [call('api', 'train'), call('train', 'db')],
      { entry: 'api', ratePerSec: 100 },
    );
    const a = analyze(doc);
    expect(node(a, 'train')).toMatchObject({ arrivalRatePerSec: 0, utilization: 0 });
    expect(node(a, 'db').arrivalRatePerSec).toBe(0);
    expect(a.meanMs).toBeCloseTo(2 / (1 - 0.2), 10);
  });
});
