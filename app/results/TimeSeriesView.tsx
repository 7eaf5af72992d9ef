/** Time series of one run (per window): offered and completed load, p50/p99, queue length; both designs. */
import { memo, useMemo } from 'react';
import { Line } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import type { ScenarioEvent } from '../scenario/scenarioDoc';
import { ChartFrame, NumCell } from './ChartFrame';
import { fmtMs, fmtNum, fmtRate } from './format';
import { SmallChart, type TimeChartRow } from './SmallChart';
import { DESIGN_LABEL, DESIGNS, timeRows } from './series';
import { useChartColours } from './useChartColours';
import { pointLoadText } from '../../workers/report/closedText';

type Row = TimeChartRow;

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
      title={`Over time at ${pointLoadText(point)}${point.microservices.timeSeries.windowSec ? `, ${fmtNum(point.microservices.timeSeries.windowSec)} s windows` : ''}`}
      testId="chart-timeseries"
      caption={`Per time window (warm-up included): offered and completed requests per second, p50 (dotted) and p99 latency, and requests waiting in all queues, for both designs.${events.length ? ' Shaded bands: the scenario’s events, in the colour of their kind.' : ''}`}
      table={table}
    >
      <div className="ls-small-grid">
        <SmallChart rows={rows} events={events} title="Throughput (req/s)">
          {line('offered', 'offered', ink.axis, '4 3')}
          {DESIGNS.map((d) => line(`${d}_thr`, DESIGN_LABEL[d], design[d]))}
        </SmallChart>
        <SmallChart rows={rows} events={events} title="Latency p50 / p99 (ms)">
          {DESIGNS.flatMap((d) => [line(`${d}_p50`, `${DESIGN_LABEL[d]} p50`, design[d], '2 3'), line(`${d}_p99`, `${DESIGN_LABEL[d]} p99`, design[d])])}
        </SmallChart>
        <SmallChart rows={rows} events={events} title="Queue length (requests waiting)">
          {DESIGNS.map((d) => line(`${d}_queue`, DESIGN_LABEL[d], design[d]))}
        </SmallChart>
      </div>
    </ChartFrame>
  );
});
