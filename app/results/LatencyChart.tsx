/** Latency vs offered load: both designs, chosen percentiles, CI bands, analytic mean dashed, SLO line. */
import { memo, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import type { Slo } from '../../workers/engine/schema';
import { ChartFrame, NumCell } from './ChartFrame';
import { PERCENTILE_DASH, PERCENTILE_WIDTH } from './colours';
import { fmtMs, fmtRate } from './format';
import { LineKey } from './LineKey';
import { analyticKey, ciKey, DESIGN_LABEL, DESIGNS, latencyKey, latencyRows, PERCENTILES, type Percentile } from './series';
import { useChartColours } from './useChartColours';
import { sloText } from './verdict';

function yCap(points: readonly RunResult[], slo: Slo, shown: readonly Percentile[]): number {
  const field = { mean: 'meanMs', p50: 'p50Ms', p95: 'p95Ms', p99: 'p99Ms' } as const;
  let max = slo.thresholdMs * 1.5;
  for (const p of points)
    for (const d of DESIGNS)
      if (!p[d].saturated) for (const q of shown) max = Math.max(max, (p[d].endToEnd[field[q]] || 0) * 1.15);
  return Number(max.toPrecision(2));
}

function LatencyTable({ rows }: { rows: ReturnType<typeof latencyRows> }) {
  return (
    <table className="ls-table" data-testid="latency-table">
      <thead>
        <tr>
          <th scope="col">Offered load</th>
          {DESIGNS.flatMap((d) => PERCENTILES.map((p) => <th key={latencyKey(d, p)} scope="col">{`${DESIGN_LABEL[d]} ${p}`}</th>))}
          {DESIGNS.map((d) => (
            <th key={d} scope="col">{`${DESIGN_LABEL[d]} analytic mean`}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ratePerSec} data-rate={r.ratePerSec}>
            <NumCell k="ratePerSec" value={r.ratePerSec} text={fmtRate(r.ratePerSec)} />
            {DESIGNS.flatMap((d) =>
              PERCENTILES.map((p) => {
                const v = r[latencyKey(d, p)] as number | null;
                const ci = r[ciKey(d, p)] as [number, number] | undefined;
                const text = ci && v !== null ? `${fmtMs(v)} ± ${fmtMs(ci[1] - v)}` : fmtMs(v);
                return <NumCell key={latencyKey(d, p)} k={latencyKey(d, p)} value={v} text={text} />;
              }),
            )}
            {DESIGNS.map((d) => {
              const v = r[analyticKey(d)] as number | null;
              return <NumCell key={d} k={analyticKey(d)} value={v} text={fmtMs(v)} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const LatencyChart = memo(function LatencyChart({ points, slo }: { points: readonly RunResult[]; slo: Slo }) {
  const [shown, setShown] = useState<Percentile[]>(['mean', 'p99']);
  const { design, ink } = useChartColours();
  const rows = useMemo(() => latencyRows(points), [points]);
  const cap = useMemo(() => yCap(points, slo, shown), [points, slo, shown]);
  const hasCi = rows.some((r) => DESIGNS.some((d) => shown.some((p) => r[ciKey(d, p)])));
  const toggle = (p: Percentile) => setShown(shown.includes(p) ? shown.filter((x) => x !== p) : [...shown, p]);
  const controls = (
    <fieldset className="ls-chips" aria-label="Percentiles shown">
      {PERCENTILES.map((p) => (
        <label key={p} className="ls-chip">
          <input type="checkbox" checked={shown.includes(p)} onChange={() => toggle(p)} data-testid={`percentile-${p}`} />
          {p}
        </label>
      ))}
    </fieldset>
  );
  return (
    <ChartFrame
      title="Latency vs offered load"
      testId="chart-latency"
      controls={controls}
      caption={`End-to-end latency of both designs as load grows${hasCi ? '; bands: 95% confidence intervals' : ''}; horizontal line: the SLO (${sloText(slo)}); curves leaving the top are saturated.`}
      table={<LatencyTable rows={rows} />}
    >
      <LineKey colours={design} ink={ink.axis} percentiles={PERCENTILES.filter((p) => shown.includes(p))} analytic />
      <ResponsiveContainer width="100%" height={230}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
          <XAxis dataKey="ratePerSec" type="number" domain={[0, 'dataMax']} stroke={ink.axis} tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`} label={{ value: 'offered load (req/s)', position: 'insideBottom', offset: -10, fill: ink.axis }} />
          <YAxis stroke={ink.axis} domain={[0, cap]} allowDataOverflow tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`} label={{ value: 'ms', angle: -90, position: 'insideLeft', fill: ink.axis }} />
          <Tooltip formatter={(v, name) => [Array.isArray(v) ? `${fmtMs(Number(v[0]))} – ${fmtMs(Number(v[1]))}` : fmtMs(Number(v)), name]} labelFormatter={(v) => `Offered ${fmtRate(Number(v))}`} />
          <ReferenceLine y={slo.thresholdMs} stroke={ink.ref} strokeDasharray="4 4" label={{ value: `SLO ${slo.percentile}`, position: 'insideTopLeft', fill: ink.axis, fontSize: 11 }} />
          {hasCi && DESIGNS.flatMap((d) =>
            shown.map((p) => (
              <Area key={ciKey(d, p)} dataKey={ciKey(d, p)} name={`${DESIGN_LABEL[d]} ${p} 95% CI`} stroke="none" fill={design[d]} fillOpacity={0.15} isAnimationActive={false} legendType="none" />
            )),
          )}
          {DESIGNS.flatMap((d) =>
            PERCENTILES.filter((p) => shown.includes(p)).map((p) => (
              <Line key={latencyKey(d, p)} dataKey={latencyKey(d, p)} name={`${DESIGN_LABEL[d]} ${p}`} stroke={design[d]} strokeWidth={PERCENTILE_WIDTH[p]} strokeDasharray={PERCENTILE_DASH[p]} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
            )),
          )}
          {DESIGNS.map((d) => (
            <Line key={analyticKey(d)} dataKey={analyticKey(d)} name={`${DESIGN_LABEL[d]} analytic mean`} stroke={design[d]} strokeOpacity={0.75} strokeWidth={1.2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
