import { describe, expect, it } from 'vitest';
import { runPoint } from '../../workers/engine/run';
import { loadTemplate } from '../../workers/templates';
import { autoPointIndex, bottleneck, cdfPoints, donePoints, latencyRows, nodeRows, saturationRates, throughputRows, timeRows } from './series';

const doc = loadTemplate('retrieve-rank-rerank');
const opts = { durationSec: 2, warmupSec: 0.3, seed: 5 };
const low = runPoint(doc, { ...opts, ratePerSec: 100, replications: 3 });
const high = runPoint(doc, { ...opts, ratePerSec: 2000, replications: 1 });

describe('latencyRows', () => {
  it('one row per point with every percentile, CI band around the value, analytic mean', () => {
    const [r] = latencyRows([low]);
    expect(r.ratePerSec).toBe(100);
    expect(r.microservices_p99).toBe(low.microservices.endToEnd.p99Ms);
    expect(r.monolith_mean).toBe(low.monolith.endToEnd.meanMs);
    const half = low.microservices.endToEnd.ci95!.p99Ms!;
    expect(r.microservices_p99_ci).toEqual([Math.max(0, r.microservices_p99 as number) - half, (r.microservices_p99 as number) + half]);
    expect(r.microservices_analytic).toBe(low.analytic.microservices.meanMs);
  });
  it('no CI without replications; a missing analytic mean is null', () => {
    const [r] = latencyRows([high]);
    expect(r.microservices_p99_ci).toBeUndefined();
    expect(high.analytic.microservices.meanMs).toBeNull();
    expect(r.microservices_analytic).toBeNull();
  });
});

describe('throughput and saturation', () => {
  it('copies throughput and saturated flags; knees from the analytic model', () => {
    const rows = throughputRows([low, high]);
    expect(rows.map((r) => r.microservices)).toEqual([low.microservices.endToEnd.throughputPerSec, high.microservices.endToEnd.throughputPerSec]);
    expect(rows[1].microservices_saturated).toBe(true);
    expect(saturationRates([low])).toEqual({ microservices: low.analytic.microservices.saturationRatePerSec, monolith: low.analytic.monolith.saturationRatePerSec });
  });
});

describe('cdfPoints', () => {
  it('ascending to 1, thinned, every point a bucket bound', () => {
    const pts = cdfPoints(low.microservices.latencyHistogram, 50);
    expect(pts.length).toBeGreaterThan(10);
    expect(pts.length).toBeLessThanOrEqual(51);
    expect(pts[pts.length - 1].fraction).toBe(1);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i].ms).toBeGreaterThan(pts[i - 1].ms);
      expect(pts[i].fraction).toBeGreaterThan(pts[i - 1].fraction);
    }
    // The median of the CDF is within one bucket of the engine's p50.
    const median = pts.find((p) => p.fraction >= 0.5)!.ms;
    expect(Math.abs(median - low.microservices.endToEnd.p50Ms) / median).toBeLessThan(0.05);
    expect(cdfPoints({ subBuckets: 128, counts: new Float64Array(10) })).toEqual([]);
  });
});

describe('per node', () => {
  it('rows only for nodes with traffic, labelled; the bottleneck is the busiest', () => {
    const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
    const rows = nodeRows(low, 'microservices', labels);
    expect(rows.every((r) => r.arrivalRatePerSec > 0)).toBe(true);
    expect(rows.find((r) => r.id === 'ranker')?.label).toBe(labels.get('ranker'));
    const b = bottleneck(low.microservices)!;
    expect(b.utilization).toBe(Math.max(...rows.map((r) => r.utilization)));
    expect(b.id).toBe('ranker');
  });
  it('time rows mirror the series', () => {
    const rows = timeRows(low.microservices);
    expect(rows).toHaveLength(low.microservices.timeSeries.startSec.length);
    expect(rows[3].throughputPerSec).toBe(low.microservices.timeSeries.throughputPerSec[3]);
  });
});

describe('point choice', () => {
  it('highest unsaturated completed point, else the first completed', () => {
    expect(autoPointIndex([low, null, high])).toBe(0);
    expect(autoPointIndex([null, high])).toBe(1);
    expect(autoPointIndex([null, null])).toBeNull();
    expect(donePoints([high, null, low]).map((p) => p.ratePerSec)).toEqual([100, 2000]);
  });
});
