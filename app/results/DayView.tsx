/**
 * A day of autoscaled traffic (one run under a day profile): replicas over
 * time per autoscaled node and for the monolith, cost per hour over the day,
 * cost per million requests per window, the day's totals (cost, replica-hours,
 * SLO-violation minutes, cold starts), and the right-sized static
 * configuration beside it. Rows come from workers/report/daySeries.ts, the
 * report's own builder.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import {
  type DayRow,
  type DaySeries,
  dayEndHour,
  designLine,
  designRows,
  hourTicks,
  lineDash,
  lineKey,
  type ReplicaLine,
  replicaRange,
  replicaRows,
  scaledLines,
  transitionRows,
} from '../../workers/report/daySeries';
import { ChartFrame, DesignTableHead, NumCell } from './ChartFrame';
import { ChartSizer } from './ChartSizer';
import { DayStaticCompare } from './DayStaticCompare';
import { fmtMoney, fmtNum } from './format';
import { DESIGN_LABEL, DESIGNS } from './series';
import { useChartColours } from './useChartColours';

/** Okabe–Ito colours after the two design colours, for the autoscaled nodes' lines. */
const NODE_COLOURS = { light: ['#009E73', '#CC79A7', '#0072B2', '#E69F00', '#56B4E9', '#000000'], dark: ['#3DCC9B', '#E89BC5', '#56B4E9', '#F0E442', '#9AD0F5', '#E5E9F0'] };
const hourTick = (v: number) => `${Number(v.toPrecision(3))} h`;
const MARGIN = { top: 4, right: 20, bottom: 4, left: 0 } as const;
/** Recharts' hover box is white by default: in the theme's colours it stays readable in the dark theme. */
const TIP_STYLE = { background: 'var(--panel)', borderColor: 'var(--border)', color: 'var(--text)' } as const;

function DayChart({ rows, series, title, unit, integer, children }: { rows: DayRow[]; series: DaySeries; title: string; unit: (v: number) => string; integer?: boolean; children: React.ReactNode }) {
  const { ink } = useChartColours();
  const ticks = useMemo(() => hourTicks(series), [series]);
  const domain = useMemo(() => [0, dayEndHour(series)], [series]);
  return (
    <div className="ls-small-chart">
      <div className="ls-small-title">{title}</div>
      <ChartSizer height={190}>
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
          <XAxis dataKey="hour" type="number" domain={domain} ticks={ticks} interval={0} stroke={ink.axis} tickFormatter={hourTick} />
          <YAxis stroke={ink.axis} width={48} tickFormatter={unit} allowDecimals={!integer} />
          <Tooltip formatter={(v, name) => [fmtNum(Number(v)), name]} labelFormatter={(v) => `window from ${fmtNum(Number(v))} h`} contentStyle={TIP_STYLE} />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 11, lineHeight: '14px' }} />
          {children}
        </LineChart>
      </ChartSizer>
    </div>
  );
}

const line = (key: string, name: string, colour: string, dash?: string) => (
  <Line key={key} dataKey={key} name={name} stroke={colour} strokeDasharray={dash} dot={false} strokeWidth={1.8} isAnimationActive={false} type="stepAfter" legendType="plainline" />
);

function DayTable({ rows, keys }: { rows: DayRow[]; keys: { key: string; label: string; fmt: (v: number | null) => string }[] }) {
  return (
    <table className="ls-table">
      <thead>
        <tr>
          <th scope="col">Window from</th>
          {keys.map((k) => (
            <th key={k.key} scope="col">
              {k.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.hour}>
            <NumCell value={r.hour} text={`${fmtNum(r.hour)} h`} />
            {keys.map((k) => (
              <NumCell key={k.key} k={k.key} value={r[k.key]} text={k.fmt(r[k.key])} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const DayView = memo(function DayView({ series }: { series: DaySeries }) {
  const { design, theme } = useChartColours();
  const reps = useMemo(() => replicaRows(series), [series]);
  const cost = useMemo(() => designRows(series, (d) => series.costPerHour[d]), [series]);
  const cpm = useMemo(() => designRows(series, (d) => series.costPerMillion[d]), [series]);
  const trans = useMemo(() => transitionRows(series), [series]);
  const colourOf = (l: ReplicaLine) => (designLine(l) ? design[l.design] : NODE_COLOURS[theme][series.replicas.indexOf(l) % NODE_COLOURS[theme].length]);
  const repKeys = series.replicas.map((l) => ({ key: lineKey(l), label: l.label, fmt: fmtNum }));
  const scaled = scaledLines(series);
  const transKeys = scaled.flatMap((l) => [
    { key: `${lineKey(l)}-starting`, label: `${l.label}: starting`, fmt: fmtNum },
    { key: `${lineKey(l)}-draining`, label: `${l.label}: draining`, fmt: fmtNum },
  ]);
  const designKeys = (fmt: (v: number | null) => string) => DESIGNS.map((d) => ({ key: d, label: DESIGN_LABEL[d], fmt }));
  return (
    <div className="ls-day" data-testid="day-view">
      <DayTotals series={series} />
      <ChartFrame
        title={`Replicas over the day (${fmtNum(series.windowSec / 60)} min windows)`}
        testId="chart-replicas"
        caption="Mean replicas in each window (starting, ready and draining: every replica being paid for) of each autoscaled node and of the monolith's units (solid), and every replica of each design (dotted: microservices; dashed: the monolith, whose total adds to its units the remote infra and the offline boxes)."
        table={<DayTable rows={reps} keys={repKeys} />}
      >
        <DayChart rows={reps} series={series} title="Replicas" unit={(v) => fmtNum(v)} integer>
          {series.replicas.map((l) => line(lineKey(l), l.label, colourOf(l), lineDash(l)))}
        </DayChart>
        <ul className="ls-day-ranges">
          {series.replicas.map((l) => {
            const r = replicaRange(l);
            return (
              <li key={lineKey(l)} data-testid={`replica-range-${lineKey(l)}`} data-min={r.min} data-max={r.max}>
                {l.label}: {fmtNum(r.min)} to {fmtNum(r.max)}
              </li>
            );
          })}
        </ul>
      </ChartFrame>
      <ChartFrame
        title="Starting and draining"
        testId="chart-transitions"
        caption="Of those replicas, the mean number in their cold start (solid: paid for, taking no traffic yet) and draining (dashed: removed, finishing the requests they hold) in each window."
        table={<DayTable rows={trans} keys={transKeys} />}
      >
        <DayChart rows={trans} series={series} title="Replicas" unit={(v) => fmtNum(v)}>
          {scaled.flatMap((l) => [line(`${lineKey(l)}-starting`, `${l.label}: starting`, colourOf(l)), line(`${lineKey(l)}-draining`, `${l.label}: draining`, colourOf(l), '5 3')])}
        </DayChart>
      </ChartFrame>
      <div className="ls-chart-pair">
        <ChartFrame title="Cost per hour" testId="chart-day-cost" caption="What each design pays per hour in each window: replicas being paid for × price." table={<DayTable rows={cost} keys={designKeys(fmtMoney)} />}>
          <DayChart rows={cost} series={series} title="US$ per hour" unit={(v) => `$${fmtNum(v)}`}>
            {DESIGNS.map((d) => line(d, DESIGN_LABEL[d], design[d], d === 'monolith' ? '6 3' : undefined))}
          </DayChart>
        </ChartFrame>
        <ChartFrame
          title="Cost per million requests"
          testId="chart-day-cpm"
          caption="The window's cost divided by the requests completed in it: quiet hours cost more per request when replicas cannot go lower."
          table={<DayTable rows={cpm} keys={designKeys(fmtMoney)} />}
        >
          <DayChart rows={cpm} series={series} title="US$ per million requests" unit={(v) => `$${fmtNum(v)}`}>
            {DESIGNS.map((d) => line(d, DESIGN_LABEL[d], design[d], d === 'monolith' ? '6 3' : undefined))}
          </DayChart>
        </ChartFrame>
      </div>
      <DayStaticCompare series={series} />
    </div>
  );
});

function DayTotals({ series }: { series: DaySeries }) {
  const rows = [
    ['costTotal', 'Cost of the run', (v: number) => fmtMoney(v)],
    ['replicaHours', 'Replica-hours', (v: number) => fmtNum(v)],
    ['sloViolationSec', 'SLO-violation minutes', (v: number) => fmtNum(v / 60)],
    ['coldStarts', 'Cold starts', (v: number) => fmtNum(v)],
    ['costPerMillion', 'Cost per million requests', (v: number) => fmtMoney(v)],
  ] as const;
  return (
    <figure className="ls-chart" data-testid="day-totals">
      <h3 className="ls-chart-title">The day in totals</h3>
      <table className="ls-table">
        <DesignTableHead />
        <tbody>
          {rows.map(([k, label, f]) => (
            <tr key={k} data-testid={`day-${k}`}>
              <th scope="row">{label}</th>
              {DESIGNS.map((d) => (
                <NumCell key={d} k={d} value={k === 'sloViolationSec' ? series.totals[d][k] / 60 : series.totals[d][k]} text={f(series.totals[d][k])} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
