import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { barChart } from './barChart';
import { type LineChartSpec, lineChart, niceTicks } from './svgChart';

/** A chart with every feature but bands; its SHA-256 was taken before bands existed (issue 11). */
const GOLDEN: LineChartSpec = {
  id: 'g',
  title: 'Golden',
  xLabel: 'x (s)',
  yLabel: 'y',
  yMax: 40,
  height: 300,
  series: [
    { name: 'a', color: '#1d4ed8', points: [[0, 1], [10, 30], [20, Number.NaN], [30, 55]] },
    { name: 'b', color: '#c2410c', dash: '7 4', markers: false, points: [[0, 5], [30, 12]] },
  ],
  vLines: [{ at: 15, label: 'v', color: '#333' }],
  hLines: [{ at: 20, label: 'h', color: '#b42318' }],
};
const GOLDEN_SHA256 = 'ff9e12745ac9a27b74f3597ac71cb6fb16b96761cdce62ab64d4a92c96a06af1';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('svg charts', () => {
  it('nice ticks cover the range with 1/2/2.5/5 steps', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 537)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(0, 0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it('line chart: title, axis labels, legend, one path per series, a gap at NaN, tooltips escaped', () => {
    const svg = lineChart({
      id: 't',
      title: 'T <1>',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        { name: 'a & b', color: '#000', points: [[0, 1], [1, Number.NaN], [2, 3]] },
        { name: 'c', color: '#f00', dash: '4 2', points: [[0, 2], [2, 2]] },
      ],
    });
    expect(svg).toContain('T &lt;1&gt;');
    expect(svg).toContain('a &amp; b');
    const paths = svg.match(/<path d="([^"]*)"/g)!;
    expect(paths.length).toBe(2);
    expect(paths[0].match(/M/g)!.length).toBe(2);
    expect(svg).toContain('stroke-dasharray="4 2"');
    expect(svg.match(/<circle /g)!.length).toBe(4);
  });

  it('a chart without bands (none, or an empty list) is byte-identical to one drawn before bands existed', () => {
    expect(sha256(lineChart(GOLDEN))).toBe(GOLDEN_SHA256);
    expect(sha256(lineChart({ ...GOLDEN, bands: [] }))).toBe(GOLDEN_SHA256);
  });

  it('bands: a shaded span per band under the lines, dashed edges, the label escaped, overlapping labels one line lower', () => {
    const svg = lineChart({
      ...GOLDEN,
      bands: [
        { from: 5, to: 12, label: 'GPU <loss>', color: '#b91c1c' },
        { from: 8, to: 8, label: 'flush', color: '#0f766e' },
        { from: 100, to: 120, label: 'outside', color: '#000' },
      ],
    });
    const bands = svg.match(/<g class="band">.*?<\/g>/g)!;
    expect(bands.length).toBe(2);
    expect(bands[0]).toContain('fill="#b91c1c" fill-opacity="0.12"');
    expect(bands[0]).toContain('GPU &lt;loss&gt;');
    expect(bands[0].match(/stroke-dasharray="3 3"/g)!.length).toBe(2);
    // An instant event is still 2 px wide.
    expect(bands[1]).toMatch(/width="2"/);
    const y = (b: string) => Number(b.match(/<text x="[^"]*" y="([^"]*)"/)![1]);
    expect(y(bands[1]) - y(bands[0])).toBe(13);
    // Under the lines: the bands come first inside the clipped group.
    expect(svg.indexOf('class="band"')).toBeLessThan(svg.indexOf('<path d='));
    expect(svg).not.toContain('outside');
  });

  it('bar chart: one bar per finite value, label escaped, reference line', () => {
    const svg = barChart({
      title: 'U',
      xLabel: 'u',
      rows: [{ label: '<x>', values: [0.5, null] }, { label: 'y', values: [1.2, 0.3], highlight: true }],
      groups: [{ name: 'A', color: '#00f' }, { name: 'B', color: '#f80' }],
      refAt: 1,
      format: (v) => `${v * 100}%`,
    });
    expect(svg.match(/<rect [^>]*><title>/g)!.length).toBe(3);
    expect(svg).toContain('&lt;x&gt;');
    expect(svg).toContain('120%');
  });
});
