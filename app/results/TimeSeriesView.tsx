/** Time series of one run (per window): offered and completed load, p50/p99, queue length; both designs. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import type { ScenarioEvent } from '../scenario/scenarioDoc';
import { eventBands } from './EventBands';
import { ChartSizer } from './ChartSizer';
import { ChartFrame, NumCell } from './ChartFrame';
import { fmtMs, fmtNum, fmtRate } from './format';
import { DESIGN_LABEL, DESIGNS, timeRows } from './series';
import { useChartColours } from './useChartColours';

type Row = Record<string, number | null>;

function mergeRows(point: RunResult): Row[] {
  const m = timeRows(point.microservices);
  const o = timeRows(point.monolith);
  return m.map((r, k) => ({
    startSec: r.startSec,
    offered: r.offeredPerSec,
    microservices_thr: r.throughputPerSec,
    monolith_thr: o[k]?.throughputPerSec ?? null,
    microservices_p50: r.p50Ms,
    microservices_p99: r.p99Ms,
    monolith_p50: o[k]?.p50Ms ?? null,
    monolith_p99: o[k]?.p99Ms ?? null,
    microservices_queue: r.queueLength,
    monolith_queue: o[k]?.queueLength ?? null,
  }));
}

const COLUMNS = [
  ['offered', 'offered', fmtRate],
  ['microservices_thr', 'microservices throughput', fmtRate],
  ['monolith_thr', 'monolith throughput', fmtRate],
  ['microservices_p50', 'microservices p50', fmtMs],
  ['microservices_p99', 'microservices p99', fmtMs],
  ['monolith_p50', 'monolith p50', fmtMs],
  ['monolith_p99', 'monolith p99', fmtMs],
  ['microservices_queue', 'microservices queue', fmtNum],
  ['monolith_queue', 'monolith queue', fmtNum],
] as const;

function Small({ rows, title, events, children }: { rows: Row[]; title: string; events: readonly ScenarioEvent[]; children: React.ReactNode }) {
  const { ink, theme } = useChartColours();
  return (
    <div className="ls-small-chart">
      <div className="ls-small-title">{title}</div>
      <ChartSizer height={170}>
        <LineChart data={rows} margin={{ top: 4, right: 10, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
          <XAxis interval={0} dataKey="startSec" type="number" domain={['dataMin', 'dataMax']} stroke={ink.axis} tickFormatter={(v: number) => `${Number(v.toPrecision(3))} s`} />
          <YAxis interval={0} stroke={ink.axis} width={44} tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`} />
          <Tooltip formatter={(v, name) => [fmtNum(Number(v)), name]} labelFormatter={(v) => `window from ${fmtNum(Number(v))} s`} />
          <Legend height={20} iconSize={10} wrapperStyle={{ fontSize: 11 }} />
          {eventBands(events, theme)}
          {children}
        </LineChart>
      </ChartSizer>
    </div>
  );
}

const NO_EVENTS: readonly ScenarioEvent[] = [];

/** `events`: the run's scenario, drawn as shaded bands on every chart. */
export const TimeSeriesView = memo(function TimeSeriesView({ point, events = NO_EVENTS }: { point: RunResult; events?: readonly ScenarioEvent[] }) {
  const { design, ink } = useChartColours();
  const rows = useMemo(() => mergeRows(point), [point]);
  const table = (
    <table className="ls-table" data-testid="timeseries-table">
      <thead>
        <tr>
          <th scope="col">Window from</th>
          {COLUMNS.map(([k, l]) => (
            <th key={k} scope="col">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.startSec}>
            <NumCell value={r.startSec} text={`${fmtNum(r.startSec)} s`} />
            {COLUMNS.map(([k, , f]) => (
              <NumCell key={k} k={k} value={r[k]} text={f(r[k])} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const line = (key: string, name: string, colour: string, dash?: string) => (
    <Line key={key} dataKey={key} name={name} stroke={colour} strokeDasharray={dash} dot={false} strokeWidth={1.8} isAnimationActive={false} />
  );
  return (
    <ChartFrame
      title={`Over time at ${fmtRate(point.ratePerSec)}${point.microservices.timeSeries.windowSec ? `, ${fmtNum(point.microservices.timeSeries.windowSec)} s windows` : ''}`}
      testId="chart-timeseries"
      caption={`Per time window (warm-up included): offered and completed requests per second, p50 (dotted) and p99 latency, and requests waiting in all queues, for both designs.${events.length ? ' Shaded bands: the scenario’s events, in the colour of their kind.' : ''}`}
      table={table}
    >
      <div className="ls-small-grid">
        <Small rows={rows} events={events} title="Throughput (req/s)">
          {line('offered', 'offered', ink.axis, '4 3')}
          {DESIGNS.map((d) => line(`${d}_thr`, DESIGN_LABEL[d], design[d]))}
        </Small>
        <Small rows={rows} events={events} title="Latency p50 / p99 (ms)">
          {DESIGNS.flatMap((d) => [line(`${d}_p50`, `${DESIGN_LABEL[d]} p50`, design[d], '2 3'), line(`${d}_p99`, `${DESIGN_LABEL[d]} p99`, design[d])])}
        </Small>
        <Small rows={rows} events={events} title="Queue length (requests waiting)">
          {DESIGNS.map((d) => line(`${d}_queue`, DESIGN_LABEL[d], design[d]))}
        </Small>
      </div>
    </ChartFrame>
  );
});
