/** A small time chart (170 px high, seconds on x) with the run's scenario events shaded: one of a grid of small multiples. */
import { CartesianGrid, Legend, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioEvent } from '../scenario/scenarioDoc';
import { ChartSizer } from './ChartSizer';
import { eventBands } from './EventBands';
import { fmtNum } from './format';
import { useChartColours } from './useChartColours';

export type TimeChartRow = Record<string, number | null>;

/** A y tick in the axis' 44 px: three significant digits, thousands as "k" and millions as "M" (35 800 ms → "35.8k"). */
export function compactTick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return `${Number(v.toPrecision(3))}`;
}

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
          <YAxis interval={0} stroke={ink.axis} width={44} tickFormatter={compactTick} />
          <Tooltip formatter={(v, name) => [fmtNum(Number(v)), name]} labelFormatter={(v) => `window from ${fmtNum(Number(v))} s`} />
          <Legend height={20} iconSize={10} wrapperStyle={{ fontSize: 11 }} />
          {eventBands(events, theme)}
          {children}
        </LineChart>
      </ChartSizer>
    </div>
  );
}
