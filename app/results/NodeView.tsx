/** Per-node view at the chosen point: utilisation bars (simulated and predicted), the node table, the bottleneck. */
import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunResult } from '../../workers/engine/results';
import type { Topology } from '../../workers/engine/schema';
import { ChartSizer } from './ChartSizer';
import { ChartFrame, NumCell } from './ChartFrame';
import { utilStep } from './colours';
import { fmtMs, fmtNum, fmtPct, fmtRate } from './format';
import { bottleneck, DESIGN_LABEL, DESIGNS, type Design, type NodeRow, nodeRows } from './series';
import { useChartColours } from './useChartColours';
import { UtilLegend } from './UtilLegend';
import { pointLoadText } from '../../workers/report/closedText';

function NodeTable({ rows }: { rows: NodeRow[] }) {
  return (
    <table className="ls-table" data-testid="nodes-table">
      <thead>
        <tr>
          {['Node', 'Arrivals', 'Utilisation', 'Predicted', 'Mean queue', 'Mean wait', 'Time in node', 'p99 in node', 'Dropped'].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-node={r.id}>
            <th scope="row">{r.label}</th>
            <NumCell k="arrivalRatePerSec" value={r.arrivalRatePerSec} text={fmtRate(r.arrivalRatePerSec)} />
            <NumCell k="utilization" value={r.utilization} text={fmtPct(r.utilization)} />
            <NumCell k="analyticUtilization" value={r.analyticUtilization} text={fmtPct(r.analyticUtilization)} />
            <NumCell k="meanQueueLength" value={r.meanQueueLength} text={fmtNum(r.meanQueueLength)} />
            <NumCell k="meanWaitMs" value={r.meanWaitMs} text={fmtMs(r.meanWaitMs)} />
            <NumCell k="meanTimeInNodeMs" value={r.meanTimeInNodeMs} text={fmtMs(r.meanTimeInNodeMs)} />
            <NumCell k="p99TimeInNodeMs" value={r.p99TimeInNodeMs} text={fmtMs(r.p99TimeInNodeMs)} />
            <NumCell k="dropped" value={r.dropped} text={fmtNum(r.dropped)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const NodeView = memo(function NodeView({ point, doc }: { point: RunResult; doc: Topology }) {
  const [design, setDesign] = useState<Design>('microservices');
  const { ink } = useChartColours();
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc]);
  const rows = useMemo(() => nodeRows(point, design, labels), [point, design, labels]);
  const top = bottleneck(point[design]);
  const controls = (
    <fieldset className="ls-chips" aria-label="Design">
      {DESIGNS.map((d) => (
        <label key={d} className="ls-chip">
          <input type="radio" name="node-design" checked={design === d} onChange={() => setDesign(d)} data-testid={`nodes-design-${d}`} />
          {DESIGN_LABEL[d]}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="ls-nodes">
      <p className="ls-sentence" data-testid="bottleneck" data-node-id={top?.id ?? ''} data-design={design}>
        {top
          ? `Bottleneck of the ${design === 'monolith' ? 'monolith' : 'microservice design'} at ${pointLoadText(point)}: ${labels.get(top.id) ?? top.id} (${top.id}), ${fmtPct(top.utilization)} busy.`
          : 'No node carried traffic.'}
        {point.analytic[design].bottleneck && ` Predicted bottleneck: ${labels.get(point.analytic[design].bottleneck!) ?? point.analytic[design].bottleneck}.`}
      </p>
      <ChartFrame
        title={`Utilisation per node at ${pointLoadText(point)}`}
        testId="chart-nodes"
        controls={controls}
        caption="Share of each node's servers busy (simulated, coloured by the utilisation scale) beside the analytic prediction (grey). Pooled monolith nodes show their share of the pool."
        table={<NodeTable rows={rows} />}
      >
        <ChartSizer height={Math.max(160, 26 * rows.length + 50)}>
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" interval={0} domain={[0, (m: number) => Math.max(1, m)]} stroke={ink.axis} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
            <YAxis type="category" interval={0} dataKey="label" width={170} stroke={ink.axis} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v, name) => [fmtPct(Number(v)), name]} />
            <Legend verticalAlign="top" height={22} />
            <ReferenceLine x={1} stroke={ink.ref} strokeDasharray="3 3" />
            <Bar dataKey="utilization" name="simulated" isAnimationActive={false} fill="#fd8d3c">
              {rows.map((r) => (
                <Cell key={r.id} fill={utilStep(r.utilization).fill} stroke={ink.axis} strokeWidth={0.5} />
              ))}
            </Bar>
            <Bar dataKey="analyticUtilization" name="predicted" fill={ink.grid} isAnimationActive={false} />
          </BarChart>
        </ChartSizer>
        <UtilLegend />
      </ChartFrame>
    </div>
  );
});
