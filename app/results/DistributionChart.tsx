/** Latency distribution at the chosen point: the CDF of both designs from their histograms. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import { ChartSizer } from './ChartSizer';
import { ChartFrame, NumCell } from './ChartFrame';
import { fmtMs, fmtPct } from './format';
import { cdfPoints, DESIGN_LABEL, DESIGNS } from './series';
import { useChartColours } from './useChartColours';
import { pointLoadText } from '../../workers/report/closedText';

const QUANTILES = [
  ['p50Ms', 'p50'],
  ['p90Ms', 'p90'],
  ['p95Ms', 'p95'],
  ['p99Ms', 'p99'],
  ['p999Ms', 'p99.9'],
  ['maxMs', 'max'],
] as const;

export const DistributionChart = memo(function DistributionChart({ point }: { point: RunResult }) {
  const { design, ink } = useChartColours();
  const cdf = useMemo(() => ({ microservices: cdfPoints(point.microservices.latencyHistogram), monolith: cdfPoints(point.monolith.latencyHistogram) }), [point]);
  const table = (
    <table className="ls-table" data-testid="distribution-table">
      <thead>
        <tr>
          <th scope="col">Design</th>
          {QUANTILES.map(([, l]) => (
            <th key={l} scope="col">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DESIGNS.map((d) => (
          <tr key={d} data-design={d}>
            <th scope="row">{DESIGN_LABEL[d]}</th>
            {QUANTILES.map(([k, l]) => (
              <NumCell key={l} k={k} value={point[d].endToEnd[k]} text={fmtMs(point[d].endToEnd[k])} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame
      title={`Latency distribution at ${pointLoadText(point)}`}
      testId="chart-distribution"
      caption="Cumulative share of requests completed within a given latency (log scale), both designs; the table gives the percentiles."
      table={table}
    >
      <ChartSizer height={250}>
        <LineChart margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
          <XAxis dataKey="ms" type="number" scale="log" domain={['auto', 'auto']} allowDuplicatedCategory={false} stroke={ink.axis} tickFormatter={(v: number) => fmtMs(v)} label={{ value: 'latency (log scale)', position: 'insideBottom', offset: -10, fill: ink.axis }} />
          <YAxis dataKey="fraction" domain={[0, 1]} stroke={ink.axis} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
          <Tooltip formatter={(v, name) => [fmtPct(Number(v)), name]} labelFormatter={(v) => `≤ ${fmtMs(Number(v))}`} />
          <Legend verticalAlign="top" height={24} />
          {DESIGNS.map((d) => (
            <Line key={d} data={cdf[d]} dataKey="fraction" name={DESIGN_LABEL[d]} stroke={design[d]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ChartSizer>
    </ChartFrame>
  );
});
