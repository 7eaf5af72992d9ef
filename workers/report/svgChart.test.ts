import { describe, expect, it } from 'vitest';
import { barChart } from './barChart';
import { lineChart, niceTicks } from './svgChart';

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
