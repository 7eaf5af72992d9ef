/** The engine API the worker exposes: transfer lists, sweep ranges, common random numbers between the designs. */
import { describe, expect, it } from 'vitest';
import { analyze } from './analytic';
import { engineApi } from './api';
import { testDoc } from './testing/docs';

const doc = testDoc({
  nodes: [
    { id: 'gw', kind: 'gateway', serviceTime: { dist: 'exponential', meanMs: 1 } },
    { id: 'svc', kind: 'service', replicas: 1, concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 10 } },
  ],
  edges: [{ id: 'e', source: 'gw', target: 'svc' }],
  workload: { entry: 'gw', ratePerSec: 100 },
  run: { durationSec: 10, warmupSec: 1 },
});

describe('engine API', () => {
  it('transferables lists every typed-array buffer of a result once, and they can be moved', () => {
    const r = engineApi.runPoint(doc, {});
    const list = engineApi.transferables(r);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain(r.microservices.timeSeries.p99Ms.buffer);
    expect(list).toContain(r.monolith.latencyHistogram.counts.buffer);
    const moved = structuredClone(r, { transfer: list });
    expect(r.microservices.timeSeries.p99Ms.byteLength).toBe(0);
    expect(moved.microservices.timeSeries.p99Ms.length).toBeGreaterThan(0);

    const rep = engineApi.simulateReplication(doc, {}, 0);
    const repList = engineApi.transferables(rep);
    expect(repList).toContain(rep.microservices.nodeHist.buffer);
    expect(new Set(repList).size).toBe(repList.length);
  });

  it('both designs see the same arrivals (common random numbers)', () => {
    const r = engineApi.runPoint(doc, { durationSec: 30, seed: 11 });
    expect(r.monolith.endToEnd.arrivals).toBe(r.microservices.endToEnd.arrivals);
    expect(Array.from(r.monolith.timeSeries.offeredPerSec)).toEqual(Array.from(r.microservices.timeSeries.offeredPerSec));
  });

  it('sweepRates: 10 loads up to 1.2 × the analytic saturation rate by default, or the range asked for', () => {
    const sat = analyze(doc).saturationRatePerSec!;
    const rates = engineApi.sweepRates(doc);
    expect(rates).toHaveLength(10);
    expect(rates[9]).toBeCloseTo(1.2 * sat, 9);
    expect(rates[0]).toBeCloseTo((1.2 * sat) / 10, 9);
    expect(engineApi.sweepRates(doc, { fromPerSec: 10, toPerSec: 40, steps: 4 })).toEqual([10, 20, 30, 40]);
    expect(() => engineApi.sweepRates(doc, { steps: 0 })).toThrow(/steps must be a whole number/);
  });

  it('sweep runs one point per rate, ascending, each a full RunResult', () => {
    const s = engineApi.sweep(doc, { fromPerSec: 20, toPerSec: 60, steps: 3 }, { durationSec: 5 });
    expect(s.points.map((p) => p.ratePerSec)).toEqual([20, 40, 60]);
    expect(s.points[2].analytic.microservices.nodes[1].utilization).toBeCloseTo(0.3, 9);
  });

  it('refuses out-of-range options with a RangeError naming the option', () => {
    expect(() => engineApi.runPoint(doc, { ratePerSec: Number.NaN })).toThrow(/ratePerSec must be greater than 0/);
    expect(() => engineApi.runPoint(doc, { warmupSec: 20 })).toThrow(/warmupSec must be at least 0 and shorter than durationSec/);
    expect(() => engineApi.simulateReplication(doc, {}, -1)).toThrow(/replication must be a whole number/);
    expect(() => engineApi.combineReplications(doc, {}, [])).toThrow(/at least one replication/);
  });
});
