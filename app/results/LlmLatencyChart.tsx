/** TTFT or TPOT (or the LLM's own end-to-end latency) against offered load: both designs, p50/p95/p99, the SLO line. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { axisLabel, DOT_SMALL, MARGIN, niceTicks, offeredLabel, tick3 } from './chartProps';
import { ChartFrame } from './ChartFrame';
import { type RateColumn, RateTable } from './RateTable';
import { ChartSizer } from './ChartSizer';
import { PERCENTILE_DASH, PERCENTILE_WIDTH } from './colours';
import { fmtMs } from './format';
import { LineKey } from './LineKey';
import { LLM_METRIC_LABEL, LLM_PERCENTILES, type LlmLatencyMetric, type LlmRow, llmKey, llmYCap } from './llmSeries';
import { DESIGN_LABEL, DESIGNS } from './series';
import { useChartColours } from './useChartColours';

const tooltipValue = (v: unknown, name: unknown) => [fmtMs(Number(v)), name] as [string, string];

const CAPTION: Record<LlmLatencyMetric, string> = {
  ttftMs: 'Time to first token at the llm-server (arrival to first output token: queueing, then the prompt’s prefill)',
  tpotMs: 'Time per output token after the first ((end − first token) / (output tokens − 1)), the pace a streaming user reads at',
  e2eMs: 'The llm-server’s own end-to-end latency (arrival to the last output token)',
};

export const LlmLatencyChart = memo(function LlmLatencyChart({ rows, metric, sloMs }: { rows: readonly LlmRow[]; metric: LlmLatencyMetric; sloMs: number | null }) {
  const { theme, design, ink } = useChartColours();
  const label = LLM_METRIC_LABEL[metric];
  const cap = useMemo(() => llmYCap(rows, metric, LLM_PERCENTILES, sloMs), [rows, metric, sloMs]);
  const maxRate = rows.length ? rows[rows.length - 1].ratePerSec : 1;
  const xTicks = useMemo(() => niceTicks(maxRate), [maxRate]);
  const yTicks = useMemo(() => niceTicks(cap, 4), [cap]);
  const sloLabel = useMemo(() => ({ value: `${label} SLO`, position: 'insideTopLeft' as const, fill: ink.axis, fontSize: 11 }), [label, ink]);
  const testId = `chart-llm-${metric.replace('Ms', '')}`;
  const columns = useMemo<RateColumn<LlmRow>[]>(
    () =>
      DESIGNS.flatMap((d) =>
        LLM_PERCENTILES.map((p) => {
          const key = llmKey(d, metric, p);
          return { key, header: `${DESIGN_LABEL[d]} ${label} ${p}`, value: (r: LlmRow) => r[key], text: (r: LlmRow) => fmtMs(r[key]) };
        }),
      ),
    [metric, label],
  );
  const table = <RateTable testId={`${testId}-rows`} rows={rows} columns={columns} />;
  return (
    <ChartFrame
      title={`${label} vs offered load`}
      testId={testId}
      caption={`${CAPTION[metric]}, both designs, p50/p95/p99${sloMs !== null ? `; horizontal line: the ${label} SLO (${fmtMs(sloMs)})` : ''}.`}
      table={table}
    >
      <LineKey colours={design} ink={ink.axis} percentiles={LLM_PERCENTILES} analytic={false} />
      <ChartSizer height="fill" stages={2}>
        {(stage) => (
          <LineChart data={rows as LlmRow[]} margin={MARGIN}>
            <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
            <XAxis interval={0} dataKey="ratePerSec" type="number" domain={[0, xTicks[xTicks.length - 1]]} ticks={xTicks} stroke={ink.axis} tickFormatter={tick3} label={axisLabel(theme, 'offered load (req/s)')} />
            <YAxis interval={0} stroke={ink.axis} domain={[0, yTicks[yTicks.length - 1]]} ticks={yTicks} allowDataOverflow tickFormatter={tick3} label={axisLabel(theme, 'ms', true)} />
            {stage > 0 && <Tooltip formatter={tooltipValue} labelFormatter={offeredLabel} />}
            {stage > 0 && sloMs !== null && <ReferenceLine y={sloMs} stroke={ink.ref} strokeDasharray="4 4" label={sloLabel} />}
            {stage > 0 &&
              DESIGNS.flatMap((d) =>
                LLM_PERCENTILES.map((p) => (
                  <Line key={llmKey(d, metric, p)} dataKey={llmKey(d, metric, p)} name={`${DESIGN_LABEL[d]} ${p}`} stroke={design[d]} strokeWidth={PERCENTILE_WIDTH[p]} strokeDasharray={PERCENTILE_DASH[p]} dot={DOT_SMALL} isAnimationActive={false} connectNulls={false} />
                )),
              )}
          </LineChart>
        )}
      </ChartSizer>
    </ChartFrame>
  );
});
