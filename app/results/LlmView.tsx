/**
 * The LLM results view (shown only when the run's document has llm-server nodes): TTFT and
 * TPOT against offered load for both designs, the per-load throughput/goodput/KV table, the
 * per-node figures at the shown point and the analytic guidance.
 */
import { memo, useMemo } from 'react';
import type { RunResult } from '../../workers/engine/results';
import type { Topology } from '../../workers/engine/schema';
import { LlmGuidancePanel } from './LlmGuidancePanel';
import { LlmLatencyChart } from './LlmLatencyChart';
import { LlmLoadTable, LlmNodeTable } from './LlmTables';
import { docLlmSlo, llmGuidanceOf, nodeLlms } from '../../workers/report/llmResults';
import { llmRows } from './llmSeries';
import { fmtRate } from './format';

export const LlmView = memo(function LlmView({ points, shown, doc }: { points: readonly RunResult[]; shown: RunResult | null; doc: Topology }) {
  const rows = useMemo(() => llmRows(points), [points]);
  const slo = docLlmSlo(doc.slo);
  const labelOf = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <div className="ls-llm-view" data-testid="llm-view">
      {rows.length > 0 ? (
        <div className="ls-chart-pair">
          <LlmLatencyChart rows={rows} metric="ttftMs" sloMs={slo.ttftMs} />
          <LlmLatencyChart rows={rows} metric="tpotMs" sloMs={slo.tpotMs} />
        </div>
      ) : (
        <p className="ls-hint">The LLM charts appear with the first point of a sweep.</p>
      )}
      {rows.length > 0 && <LlmLoadTable rows={rows} />}
      {shown && (
        <>
          <h3 className="ls-subhead">Per llm-server at {fmtRate(shown.ratePerSec)}</h3>
          <LlmNodeTable title="Microservices" nodes={nodeLlms(shown.microservices)} labelOf={labelOf} testId="llm-nodes-microservices" />
          <LlmNodeTable title="Monolith" nodes={nodeLlms(shown.monolith)} labelOf={labelOf} testId="llm-nodes-monolith" />
        </>
      )}
      {shown && <LlmGuidancePanel guidance={llmGuidanceOf(shown)} labelOf={labelOf} />}
    </div>
  );
});
