/** The LLM tables: per offered load (tokens/s, goodput, KV occupancy, preemptions per design) and per llm-server node at one point. */
import type { LlmNodeResult } from '../../workers/engine/results';
import { NumCell } from './ChartFrame';
import { fmtMs, fmtNum, fmtPct, fmtRate } from './format';
import type { LlmRow } from './llmSeries';
import { DESIGN_LABEL, DESIGNS } from './series';

const COLS = [
  ['tokensPerSec', 'tokens/s', fmtNum],
  ['goodputPerSec', 'goodput', fmtRate],
  ['goodFraction', 'meets SLOs', fmtPct],
  ['kvOccupancyMean', 'KV occupancy', fmtPct],
  ['preemptions', 'preemptions', fmtNum],
] as const;

export function LlmLoadTable({ rows }: { rows: readonly LlmRow[] }) {
  return (
    <div className="ls-table-wrap">
      <table className="ls-table" data-testid="llm-load-table">
        <caption>LLM throughput, goodput and KV cache per offered load</caption>
        <thead>
          <tr>
            <th scope="col">Offered load</th>
            <th scope="col">Design</th>
            {COLS.map(([k, label]) => (
              <th key={k} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r) =>
            DESIGNS.map((d) => (
              <tr key={`${r.ratePerSec}-${d}`} data-rate={r.ratePerSec} data-design={d}>
                <NumCell k="ratePerSec" value={r.ratePerSec} text={fmtRate(r.ratePerSec)} />
                <td>{DESIGN_LABEL[d]}</td>
                {COLS.map(([k, , fmt]) => {
                  const v = r[`${d}_${k}`];
                  return <NumCell key={k} k={`${d}_${k}`} value={v} text={fmt(v)} />;
                })}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One row per llm-server node of one design at the shown point. */
export function LlmNodeTable({ title, nodes, labelOf, testId }: { title: string; nodes: readonly LlmNodeResult[]; labelOf: (id: string) => string; testId: string }) {
  if (!nodes.length) return null;
  return (
    <div className="ls-table-wrap">
      <table className="ls-table" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">llm-server</th>
            <th scope="col">completed</th>
            <th scope="col">TTFT p50 / p99</th>
            <th scope="col">TPOT p50 / p99</th>
            <th scope="col">tokens/s</th>
            <th scope="col">goodput</th>
            <th scope="col">KV</th>
            <th scope="col">preempted</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id} data-node={n.id}>
              <th scope="row">{labelOf(n.id)}</th>
              <NumCell k="completed" value={n.completed} text={fmtNum(n.completed)} />
              <NumCell k="ttftMs_p99" value={n.ttftMs.p99} text={`${fmtMs(n.ttftMs.p50)} / ${fmtMs(n.ttftMs.p99)}`} />
              <NumCell k="tpotMs_p99" value={n.tpotMs.p99} text={`${fmtMs(n.tpotMs.p50)} / ${fmtMs(n.tpotMs.p99)}`} />
              <NumCell k="tokensPerSec" value={n.tokensPerSec} text={fmtNum(n.tokensPerSec)} />
              <NumCell k="goodputPerSec" value={n.goodputPerSec} text={`${fmtRate(n.goodputPerSec)} (${fmtPct(n.goodFraction)})`} />
              <NumCell k="kvOccupancyMean" value={n.kvOccupancyMean} text={fmtPct(n.kvOccupancyMean)} />
              <NumCell k="preemptions" value={n.preemptions} text={fmtNum(n.preemptions)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
