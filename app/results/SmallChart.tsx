/** A small time chart (170 px high, seconds on x) with the run's scenario events shaded: one of a grid of small multiples. */
import { CartesianGrid, Legend, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioEvent } from '../scenario/scenarioDoc';
import { ChartSizer } from './ChartSizer';
import { eventBands } from './EventBands';
import { fmtNum } from './format';
import { useChartColours } from './useChartColours';

export type TimeChartRow = Record<string, number | null>;

interface Props {
  rows: TimeChartRow[];
  title: string;
  events: readonly ScenarioEvent[];
  children: React.ReactNode;
}

export function SmallChart({ rows, title, events, children }: Props) {
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
