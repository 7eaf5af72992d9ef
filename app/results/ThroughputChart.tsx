/** Throughput vs offered load, both designs, the analytic saturation rate (the knee) of each marked. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import { ChartFrame, NumCell } from './ChartFrame';
import { fmtRate } from './format';
import { LineKey } from './LineKey';
import { DESIGN_LABEL, DESIGNS, saturationRates, throughputRows } from './series';
import { useChartColours } from './useChartColours';

export const ThroughputChart = memo(function ThroughputChart({ points }: { points: readonly RunResult[] }) {
  const { design, ink } = useChartColours();
  const rows = useMemo(() => throughputRows(points), [points]);
  const sat = useMemo(() => saturationRates(points), [points]);
  const max = rows.length ? rows[rows.length - 1].ratePerSec : 1;
  const table = (
    <table className="ls-table" data-testid="throughput-table">
      <thead>
        <tr>
          <th scope="col">Offered load</th>
          {DESIGNS.map((d) => (
            <th key={d} scope="col">{`${DESIGN_LABEL[d]} throughput`}</th>
          ))}
          {DESIGNS.map((d) => (
            <th key={`${d}-s`} scope="col">{`${DESIGN_LABEL[d]} saturated`}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ratePerSec} data-rate={r.ratePerSec}>
            <NumCell k="ratePerSec" value={r.ratePerSec} text={fmtRate(r.ratePerSec)} />
            {DESIGNS.map((d) => (
              <NumCell key={d} k={d} value={r[d]} text={fmtRate(r[d])} />
            ))}
            {DESIGNS.map((d) => (
              <td key={`${d}-s`}>{r[`${d}_saturated`] ? 'yes' : 'no'}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Analytic saturation rate</th>
          {DESIGNS.map((d) => (
            <NumCell key={d} k={`${d}_saturation`} value={sat[d]} text={fmtRate(sat[d])} />
          ))}
        </tr>
      </tfoot>
    </table>
  );
  return (
    <ChartFrame
      title="Throughput vs offered load"
      testId="chart-throughput"
      caption={`Completed req/s as load grows; grey diagonal: throughput = offered load; dashed verticals: each design's analytic saturation rate (the knee), microservices ${fmtRate(sat.microservices)}, monolith ${fmtRate(sat.monolith)}.`}
      table={table}
    >
      <LineKey colours={design} ink={ink.axis} percentiles={[]} analytic={false} />
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
          <XAxis dataKey="ratePerSec" type="number" domain={[0, 'dataMax']} stroke={ink.axis} tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`} label={{ value: 'offered load (req/s)', position: 'insideBottom', offset: -10, fill: ink.axis }} />
          <YAxis stroke={ink.axis} tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`} label={{ value: 'req/s', angle: -90, position: 'insideLeft', fill: ink.axis }} />
          <Tooltip formatter={(v, name) => [fmtRate(Number(v)), name]} labelFormatter={(v) => `Offered ${fmtRate(Number(v))}`} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: max, y: max }]} stroke={ink.grid} strokeWidth={1.5} ifOverflow="hidden" />
          {DESIGNS.map((d) =>
            sat[d] !== null && sat[d]! <= max * 1.05 ? (
              <ReferenceLine key={d} x={sat[d]!} stroke={design[d]} strokeDasharray="5 4" label={{ value: `${d === 'monolith' ? 'monolith' : 'microservices'} knee`, position: d === 'monolith' ? 'insideBottomRight' : 'insideTopRight', fill: design[d], fontSize: 11 }} />
            ) : null,
          )}
          {DESIGNS.map((d) => (
            <Line key={d} dataKey={d} name={DESIGN_LABEL[d]} stroke={design[d]} strokeWidth={2.2} dot={{ r: 2.5 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
