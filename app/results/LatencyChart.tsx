/** Latency vs offered load: both designs, chosen percentiles, CI bands, analytic mean dashed, SLO line. */
import { memo, useCallback, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import type { Slo } from '../../workers/engine/schema';
import { axisLabel, DOT_SMALL, MARGIN, niceTicks, offeredLabel, sweepAxisTitle, tick3, usersLabel } from './chartProps';
import { ChartSizer } from './ChartSizer';
import { ChartFrame } from './ChartFrame';
import { type RateColumn, RateTable } from './RateTable';
import type { CompareSeries } from './RunCompare';
import { PERCENTILE_DASH, PERCENTILE_WIDTH } from './colours';
import { fmtMs } from './format';
import { LineKey } from './LineKey';
import { MeasuredTable, measuredSeries, useMeasuredPoints } from './MeasuredPoints';
import { analyticKey, ciKey, DESIGN_LABEL, DESIGNS, isClosedSweep, latencyKey, latencyRows, PERCENTILES, type Percentile } from './series';
import { useChartColours } from './useChartColours';
import { sloText } from './verdict';

function yCap(points: readonly RunResult[], slo: Slo, shown: readonly Percentile[]): number {
  const field = { mean: 'meanMs', p50: 'p50Ms', p95: 'p95Ms', p99: 'p99Ms' } as const;
  let max = slo.thresholdMs * 1.5;
  for (const p of points)
    for (const d of DESIGNS)
      // A closed point is never unstable (at most N requests in flight): its latencies always count.
      if (!p[d].saturated || p.users !== undefined) for (const q of shown) max = Math.max(max, (p[d].endToEnd[field[q]] || 0) * 1.15);
  return Number(max.toPrecision(2));
}

const tooltipValue = (v: unknown, name: unknown) => [Array.isArray(v) ? `${fmtMs(Number(v[0]))} – ${fmtMs(Number(v[1]))}` : fmtMs(Number(v)), name] as [string, string];

type LatencyRow = ReturnType<typeof latencyRows>[number];

const num = (r: LatencyRow, key: string) => r[key] as number | null;

/** Both designs' percentiles (± the confidence half-width with replications) and analytic means. */
const LATENCY_COLUMNS: RateColumn<LatencyRow>[] = [
  ...DESIGNS.flatMap((d) =>
    PERCENTILES.map((p) => ({
      key: latencyKey(d, p),
      header: `${DESIGN_LABEL[d]} ${p}`,
      value: (r: LatencyRow) => num(r, latencyKey(d, p)),
      text: (r: LatencyRow) => {
        const v = num(r, latencyKey(d, p));
        const ci = r[ciKey(d, p)] as [number, number] | undefined;
        return ci && v !== null ? `${fmtMs(v)} ± ${fmtMs(ci[1] - v)}` : fmtMs(v);
      },
    })),
  ),
  ...DESIGNS.map((d) => ({ key: analyticKey(d), header: `${DESIGN_LABEL[d]} analytic mean`, value: (r: LatencyRow) => num(r, analyticKey(d)), text: (r: LatencyRow) => fmtMs(num(r, analyticKey(d))) })),
];

/** The compared run's microservice percentiles (same rows as the chart's comparison lines). */
const COMPARE_COLUMNS: RateColumn<LatencyRow>[] = PERCENTILES.map((p) => ({
  key: latencyKey('microservices', p),
  header: p,
  value: (r) => num(r, latencyKey('microservices', p)),
  text: (r) => fmtMs(num(r, latencyKey('microservices', p))),
}));

export const LatencyChart = memo(function LatencyChart({ points, slo, compare: compareIn }: { points: readonly RunResult[]; slo: Slo; compare?: CompareSeries | null }) {
  // A closed workload's sweep is plotted against its users N (RunResult.users), an open one against the rate.
  const closed = isClosedSweep(points);
  const xKey = closed ? 'users' : 'ratePerSec';
  // A run of the other kind has another x axis: it is not drawn over this one.
  const compare = compareIn && isClosedSweep(compareIn.points) === closed ? compareIn : null;
  const [shown, setShown] = useState<Percentile[]>(['mean', 'p99']);
  const { theme, design, ink, compare: compareColour } = useChartColours();
  const compareRows = useMemo(() => (compare ? latencyRows(compare.points) : []), [compare]);
  const measured = useMeasuredPoints();
  const measuredMarks = useMemo(() => measuredSeries(measured.points, shown, ink.ref), [measured.points, shown, ink.ref]);
  const rows = useMemo(() => latencyRows(points), [points]);
  const measuredMaxMs = Math.max(0, ...measured.points.flatMap((m) => [m.meanMs, m.p50Ms, m.p95Ms, m.p99Ms]).filter((v): v is number => v !== null));
  const cap = useMemo(
    () => Math.max(yCap(points, slo, shown), compare ? yCap(compare.points, slo, shown) : 0, Number((measuredMaxMs * 1.15).toPrecision(2))),
    [points, compare, slo, shown, measuredMaxMs],
  );
  const hasCi = rows.some((r) => DESIGNS.some((d) => shown.some((p) => r[ciKey(d, p)])));
  const toggle = useCallback((p: Percentile) => setShown((s) => (s.includes(p) ? s.filter((x) => x !== p) : [...s, p])), []);
  const lastX = (r: readonly LatencyRow[]) => (r.length ? Number(r[r.length - 1][xKey] ?? 0) : 0);
  const maxRate = Math.max(rows.length ? lastX(rows) : 1, lastX(compareRows));
  const xTicks = useMemo(() => niceTicks(maxRate), [maxRate]);
  const xDomain = useMemo(() => [0, xTicks[xTicks.length - 1]], [xTicks]);
  const yTicks = useMemo(() => niceTicks(cap, 4), [cap]);
  const yDomain = useMemo(() => [0, yTicks[yTicks.length - 1]], [yTicks]);
  const sloLabel = useMemo(() => ({ value: `SLO ${slo.percentile}`, position: 'insideTopLeft' as const, fill: ink.axis, fontSize: 11 }), [slo.percentile, ink]);
  // Memoised elements: a new point only changes the chart's data, so recharts re-registers no series or axis.
  const frame = useMemo(
    () => [
      <CartesianGrid key="grid" stroke={ink.grid} strokeDasharray="3 3" />,
      <XAxis key="x" interval={0} dataKey={xKey} type="number" domain={xDomain} ticks={xTicks} stroke={ink.axis} tickFormatter={tick3} label={axisLabel(theme, sweepAxisTitle(closed))} />,
      <YAxis key="y" interval={0} stroke={ink.axis} domain={yDomain} ticks={yTicks} allowDataOverflow tickFormatter={tick3} label={axisLabel(theme, 'ms', true)} />,
      <Tooltip key="tip" formatter={tooltipValue} labelFormatter={closed ? usersLabel : offeredLabel} />,
      <ReferenceLine key="slo" y={slo.thresholdMs} stroke={ink.ref} strokeDasharray="4 4" label={sloLabel} />,
    ],
    [theme, ink, xDomain, xTicks, yDomain, yTicks, slo.thresholdMs, sloLabel, xKey, closed],
  );
  const series = useMemo(
    () => [
      ...(hasCi
        ? DESIGNS.flatMap((d) =>
            shown.map((p) => (
              <Area key={ciKey(d, p)} dataKey={ciKey(d, p)} name={`${DESIGN_LABEL[d]} ${p} 95% CI`} stroke="none" fill={design[d]} fillOpacity={0.15} isAnimationActive={false} legendType="none" />
            )),
          )
        : []),
      ...DESIGNS.flatMap((d) =>
        PERCENTILES.filter((p) => shown.includes(p)).map((p) => (
          <Line key={latencyKey(d, p)} dataKey={latencyKey(d, p)} name={`${DESIGN_LABEL[d]} ${p}`} stroke={design[d]} strokeWidth={PERCENTILE_WIDTH[p]} strokeDasharray={PERCENTILE_DASH[p]} dot={DOT_SMALL} isAnimationActive={false} connectNulls={false} />
        )),
      ),
      ...DESIGNS.map((d) => (
        <Line key={analyticKey(d)} dataKey={analyticKey(d)} name={`${DESIGN_LABEL[d]} analytic mean${closed ? ' (MVA)' : ''}`} stroke={design[d]} strokeOpacity={0.75} strokeWidth={1.2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
      )),
    ],
    [hasCi, shown, design, closed],
  );
  const compareLines = useMemo(
    () =>
      compare
        ? PERCENTILES.filter((p) => shown.includes(p)).map((p) => (
            <Line key={`compare-${p}`} className="ls-compare-line" data={compareRows} dataKey={latencyKey('microservices', p)} name={`Microservices, ${compare.label} ${p}`} stroke={compareColour} strokeWidth={PERCENTILE_WIDTH[p]} strokeDasharray={PERCENTILE_DASH[p]} dot={DOT_SMALL} isAnimationActive={false} connectNulls={false} />
          ))
        : [],
    [compare, compareRows, shown, compareColour],
  );
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
      title={closed ? 'Latency vs users' : 'Latency vs offered load'}
      testId="chart-latency"
      controls={controls}
      caption={`End-to-end latency of both designs as ${closed ? 'the number of users grows (a closed workload: each user waits for its response, then thinks; dashed: mean-value analysis)' : 'load grows'}${hasCi ? '; bands: 95% confidence intervals' : ''}; horizontal line: the SLO (${sloText(slo)}); curves leaving the top are saturated${compare ? `; green: the microservice design in ${compare.label}` : ''}${measured.points.length ? `; markers: measured on the real system (${measured.source})` : ''}.`}
      table={
        <>
          <RateTable testId="latency-table" rows={rows} columns={LATENCY_COLUMNS} />
          {compare && <RateTable testId="latency-compare-table" caption={`Microservices, ${compare.label}`} rows={compareRows} columns={COMPARE_COLUMNS} />}
          <MeasuredTable source={measured.source} points={measured.points} />
        </>
      }
    >
      <LineKey colours={design} ink={ink.axis} percentiles={PERCENTILES.filter((p) => shown.includes(p))} analytic compare={compare ? { label: compare.label, colour: compareColour } : null} />
      <ChartSizer height="fill" stages={3}>
        {(stage) => (
          // Mounted in three tasks: axes, then tooltip and SLO line, then the series.
          <ComposedChart data={rows} margin={MARGIN}>
            {frame.slice(0, 3)}
            {stage > 0 && frame.slice(3)}
            {stage > 1 && series}
            {stage > 1 && compareLines}
            {stage > 1 && !closed && measuredMarks}
          </ComposedChart>
        )}
      </ChartSizer>
    </ChartFrame>
  );
});
