/** Throughput vs offered load, both designs, the analytic saturation rate (the knee) of each marked. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import { axisLabel, DOT, MARGIN, niceTicks, offeredLabel, sweepAxisTitle, tick3, usersLabel } from './chartProps';
import { ChartSizer } from './ChartSizer';
import { ChartFrame, NumCell } from './ChartFrame';
import { fmtRate } from './format';
import type { CompareSeries } from './RunCompare';
import { LineKey } from './LineKey';
import { type RateColumn, RateTable } from './RateTable';
import { DESIGN_LABEL, DESIGNS, type Design, isClosedSweep, saturationRates, throughputRows } from './series';
import { useChartColours } from './useChartColours';

const tooltipValue = (v: unknown, name: unknown) => [fmtRate(Number(v)), name] as [string, string];

/** The knee's label sits on the side of its line with more room (text left of a line in the right half), so it is never clipped. */
function kneeLabel(d: Design, fill: string, rightHalf: boolean) {
  const position = d === 'monolith' ? (rightHalf ? 'insideBottomRight' : 'insideBottomLeft') : rightHalf ? 'insideTopRight' : 'insideTopLeft';
  return { value: `${d === 'monolith' ? 'monolith' : 'microservices'} knee`, position, fill, fontSize: 11 } as const;
}

type ThroughputRow = ReturnType<typeof throughputRows>[number];

/** Each design's completed throughput, then whether it saturated at that load. */
const THROUGHPUT_COLUMNS: RateColumn<ThroughputRow>[] = [
  ...DESIGNS.map((d) => ({ key: d, header: `${DESIGN_LABEL[d]} throughput`, value: (r: ThroughputRow) => r[d] as number | null, text: (r: ThroughputRow) => fmtRate(r[d] as number | null) })),
  ...DESIGNS.map((d) => ({ key: `${d}-s`, header: `${DESIGN_LABEL[d]} saturated`, text: (r: ThroughputRow) => (r[`${d}_saturated`] ? 'yes' : 'no') })),
];

/** A closed sweep's table: measured and MVA throughput per design, and the asymptotic bound. */
const CLOSED_COLUMNS: RateColumn<ThroughputRow>[] = [
  ...DESIGNS.flatMap((d) => [
    { key: d, header: `${DESIGN_LABEL[d]} throughput`, value: (r: ThroughputRow) => r[d] as number | null, text: (r: ThroughputRow) => fmtRate(r[d] as number | null) },
    { key: `${d}_analytic`, header: `${DESIGN_LABEL[d]} MVA`, value: (r: ThroughputRow) => r[`${d}_analytic`] ?? null, text: (r: ThroughputRow) => fmtRate(r[`${d}_analytic`] ?? null) },
  ]),
  { key: 'bound', header: 'Bound min(N/(D+Z), 1/Dmax)', value: (r) => r.bound ?? null, text: (r) => fmtRate(r.bound ?? null) },
];

export const ThroughputChart = memo(function ThroughputChart({ points, compare: compareIn }: { points: readonly RunResult[]; compare?: CompareSeries | null }) {
  // A closed workload's sweep: throughput X against the users N, with MVA and the bound min(N/(D+Z), 1/Dmax).
  const closed = isClosedSweep(points);
  const compare = compareIn && isClosedSweep(compareIn.points) === closed ? compareIn : null;
  const { theme, design, ink, compare: compareColour } = useChartColours();
  const rows = useMemo(() => throughputRows(points), [points]);
  const compareRows = useMemo(() => (compare ? throughputRows(compare.points) : []), [compare]);
  const sat = useMemo(() => saturationRates(points), [points]);
  const xOf = (r: ThroughputRow) => (closed ? (r.users ?? 0) : r.ratePerSec);
  const max = Math.max(rows.length ? xOf(rows[rows.length - 1]) : 1, compareRows.length ? xOf(compareRows[compareRows.length - 1]) : 0);
  const ticks = useMemo(() => niceTicks(max), [max]);
  const domain = useMemo(() => [0, ticks[ticks.length - 1]], [ticks]);
  // Closed: the y axis is throughput, not in the x axis' unit.
  const yMax = closed ? Math.max(1, ...rows.flatMap((r) => [r.microservices, r.monolith, r.bound ?? 0].filter(Number.isFinite))) : max;
  const yTicks = useMemo(() => (closed ? niceTicks(yMax) : ticks), [closed, yMax, ticks]);
  const yDomain = useMemo(() => [0, yTicks[yTicks.length - 1]], [yTicks]);
  const diagonal = useMemo(() => [{ x: 0, y: 0 }, { x: max, y: max }] as const, [max]);
  // Memoised elements: a new point only changes the chart's data (and the diagonal's end).
  const frame = useMemo(
    () => [
      <CartesianGrid key="grid" stroke={ink.grid} strokeDasharray="3 3" />,
      <XAxis key="x" interval={0} dataKey={closed ? 'users' : 'ratePerSec'} type="number" domain={domain} ticks={ticks} stroke={ink.axis} tickFormatter={tick3} label={axisLabel(theme, sweepAxisTitle(closed))} />,
      <YAxis key="y" interval={0} stroke={ink.axis} domain={yDomain} ticks={yTicks} tickFormatter={tick3} label={axisLabel(theme, 'req/s', true)} />,
      <Tooltip key="tip" formatter={tooltipValue} labelFormatter={closed ? usersLabel : offeredLabel} />,
    ],
    [theme, ink, domain, ticks, yDomain, yTicks, closed],
  );
  // The knee is a rate: an open sweep's x. A closed sweep draws its MVA and bound lines instead.
  const shownKnee = (d: Design) => (!closed && sat[d] !== null && sat[d]! <= max * 1.05 ? sat[d] : null);
  const microKnee = shownKnee('microservices');
  const monoKnee = shownKnee('monolith');
  const end = domain[1];
  const marks = useMemo(() => {
    const at = { microservices: microKnee, monolith: monoKnee };
    const knees = {
      microservices: kneeLabel('microservices', design.microservices, (microKnee ?? 0) > end / 2),
      monolith: kneeLabel('monolith', design.monolith, (monoKnee ?? 0) > end / 2),
    };
    if (closed) return [];
    return [
      <ReferenceLine key="diag" segment={diagonal} stroke={ink.grid} strokeWidth={1.5} ifOverflow="hidden" />,
      ...DESIGNS.flatMap((d) => (at[d] === null ? [] : [<ReferenceLine key={d} x={at[d]} stroke={design[d]} strokeDasharray="5 4" label={knees[d]} />])),
    ];
  }, [diagonal, ink, design, end, microKnee, monoKnee, closed]);
  const series = useMemo(
    () => [
      ...DESIGNS.map((d) => <Line key={d} dataKey={d} name={DESIGN_LABEL[d]} stroke={design[d]} strokeWidth={2.2} dot={DOT} isAnimationActive={false} />),
      ...(closed
        ? [
            ...DESIGNS.map((d) => (
              <Line key={`${d}-mva`} dataKey={`${d}_analytic`} name={`${DESIGN_LABEL[d]} analytic (MVA)`} stroke={design[d]} strokeOpacity={0.75} strokeWidth={1.2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            )),
            <Line key="bound" dataKey="bound" name="Microservices bound min(N/(D+Z), 1/Dmax)" stroke={ink.grid} strokeWidth={1.5} strokeDasharray="2 4" dot={false} isAnimationActive={false} />,
          ]
        : []),
    ],
    [design, closed, ink],
  );
  const compareLine = useMemo(
    () =>
      compare ? <Line key="compare" className="ls-compare-line" data={compareRows} dataKey="microservices" name={`Microservices, ${compare.label}`} stroke={compareColour} strokeWidth={2.2} dot={DOT} isAnimationActive={false} /> : null,
    [compare, compareRows, compareColour],
  );
  const table = (
    <RateTable
      testId="throughput-table"
      rows={rows}
      columns={closed ? CLOSED_COLUMNS : THROUGHPUT_COLUMNS}
      foot={
        closed ? undefined : <tr>
          <th scope="row">Analytic saturation rate</th>
          {DESIGNS.map((d) => (
            <NumCell key={d} k={`${d}_saturation`} value={sat[d]} text={fmtRate(sat[d])} />
          ))}
        </tr>
      }
    />
  );
  const compareTable = compare && (
    <table className="ls-table" data-testid="throughput-compare-table">
      <caption>{`Microservices, ${compare.label}`}</caption>
      <thead>
        <tr>
          <th scope="col">Offered load</th>
          <th scope="col">Throughput</th>
          <th scope="col">Saturated</th>
        </tr>
      </thead>
      <tbody>
        {compareRows.map((r) => (
          <tr key={r.ratePerSec} data-rate={r.ratePerSec}>
            <NumCell k="ratePerSec" value={r.ratePerSec} text={fmtRate(r.ratePerSec)} />
            <NumCell k="microservices" value={r.microservices} text={fmtRate(r.microservices)} />
            <td>{r.microservices_saturated ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame
      title={closed ? 'Throughput vs users' : 'Throughput vs offered load'}
      testId="chart-throughput"
      caption={closed ? `Completed req/s as the number of users grows: it rises with the users until the busiest station is full (1/Dmax, ${fmtRate(sat.microservices)} for the microservices, ${fmtRate(sat.monolith)} for the monolith), then stays; dashed: mean-value analysis; dotted grey: the bound min(N/(D+Z), 1/Dmax).` : `Completed req/s as load grows; grey diagonal: throughput = offered load; dashed verticals: each design's analytic saturation rate (the knee), microservices ${fmtRate(sat.microservices)}, monolith ${fmtRate(sat.monolith)}${compare ? `; green: the microservice design in ${compare.label}` : ''}.`}
      table={
        <>
          {table}
          {compareTable}
        </>
      }
    >
      <LineKey colours={design} ink={ink.axis} percentiles={[]} analytic={false} compare={compare ? { label: compare.label, colour: compareColour } : null} />
      <ChartSizer height="fill" stages={3}>
        {(stage) => (
          // Mounted in three tasks: axes, then tooltip and reference lines, then the series.
          <LineChart data={rows} margin={MARGIN}>
            {frame.slice(0, 3)}
            {stage > 0 && frame.slice(3)}
            {stage > 0 && marks}
            {stage > 1 && series}
            {stage > 1 && compareLine}
          </LineChart>
        )}
      </ChartSizer>
    </ChartFrame>
  );
});
