/**
 * One node through the scenario, both designs: utilisation, requests waiting
 * and failed visits per window (the engine's `faultSeries`, present only for
 * runs of documents with scenario events), with the events shaded. The node
 * is chosen in a select; it starts on the first node an event hits.
 */
import { memo, useMemo, useState } from 'react';
import { Line } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import { FAULT_SERIES, faultValue, hitNodes, nodeFaultWindows, nodesWithFaultSeries } from '../../workers/report/faultSeries';
import type { ScenarioEvent } from '../scenario/scenarioDoc';
import { ChartFrame, NumCell } from './ChartFrame';
import { fmtNum } from './format';
import { DESIGN_LABEL, DESIGNS } from './series';
import { SmallChart, type TimeChartRow } from './SmallChart';
import { useChartColours } from './useChartColours';

/** The chart rows of node `id`: one per window, `<design>_<series>` keys (the shared shaping: workers/report/faultSeries.ts). */
function rowsOf(point: RunResult, id: string): TimeChartRow[] {
  const w = nodeFaultWindows(point, id);
  return Array.from(w.startSec, (startSec, k) => {
    const row: TimeChartRow = { startSec };
    for (const d of DESIGNS) for (const { key } of FAULT_SERIES) row[`${d}_${key}`] = faultValue(w, d, key, k);
    return row;
  });
}

interface Props {
  point: RunResult;
  events: readonly ScenarioEvent[];
  /** The run's nodes (id and label), in document order. */
  nodes: readonly { id: string; label: string }[];
}

export const NodeFaultCharts = memo(function NodeFaultCharts({ point, events, nodes }: Props) {
  const { design } = useChartColours();
  const withSeries = useMemo(() => nodesWithFaultSeries(point, nodes), [nodes, point]);
  const first = hitNodes(point, events)[0] ?? withSeries[0]?.id ?? '';
  const [pick, setPick] = useState<string | null>(null);
  const id = pick !== null && withSeries.some((n) => n.id === pick) ? pick : first;
  const rows = useMemo(() => (id ? rowsOf(point, id) : []), [point, id]);
  if (!withSeries.length) return null;
  const line = (key: string, name: string, colour: string) => (
    <Line key={key} dataKey={key} name={name} stroke={colour} dot={false} strokeWidth={1.8} isAnimationActive={false} connectNulls={false} />
  );
  return (
    <div className="ls-node-faults">
      <ChartFrame
        title="One node through the scenario"
        testId="chart-node-faults"
        table={<FaultTable rows={rows} />}
        caption="Per time window, for the chosen node in each design: busy servers over its configured servers (all its replicas, crashed ones included), requests waiting at it, and visits that failed there (a fault, a partitioned call into it, or a full queue)."
        controls={
          <label className="ls-inline-field">
            Node
            <select value={id} onChange={(e) => setPick(e.target.value)} data-testid="node-faults-pick">
              {withSeries.map((n) => (
                <option key={n.id} value={n.id}>
                  {`${n.label}${events.some((e) => e.target === n.id) ? ' ⚡' : ''}`}
                </option>
              ))}
            </select>
          </label>
        }
      >
        <div className="ls-small-grid">
          {FAULT_SERIES.map(({ key, title }) => (
            <SmallChart key={key} rows={rows} events={events} title={title}>
              {DESIGNS.map((d) => line(`${d}_${key}`, DESIGN_LABEL[d], design[d]))}
            </SmallChart>
          ))}
        </div>
      </ChartFrame>
    </div>
  );
});

function FaultTable({ rows }: { rows: TimeChartRow[] }) {
  return (
    <table className="ls-table" data-testid="node-faults-table">
      <thead>
        <tr>
          <th scope="col">Window from</th>
          {DESIGNS.flatMap((d) =>
            FAULT_SERIES.map(({ key, title }) => (
              <th key={`${d}_${key}`} scope="col">
                {DESIGN_LABEL[d]} {title.toLowerCase()}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.startSec}>
            <NumCell value={r.startSec} text={`${fmtNum(r.startSec)} s`} />
            {DESIGNS.flatMap((d) => FAULT_SERIES.map(({ key }) => <NumCell key={`${d}_${key}`} k={`${d}_${key}`} value={r[`${d}_${key}`]} text={fmtNum(r[`${d}_${key}`])} />))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
