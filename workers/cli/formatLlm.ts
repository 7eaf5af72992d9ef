/** The `run` report's LLM table (issue 13): TTFT, TPOT, tokens/s, goodput, preemptions and KV occupancy per design and llm-server. */
import type { LlmMetricsResult, RunResult } from '../engine/results';
import { fmt, table } from './format';

function row(name: string, l: LlmMetricsResult): string[] {
  return [name, fmt(l.completed, 0), fmt(l.ttftMs.p50), fmt(l.ttftMs.p99), fmt(l.tpotMs.p50), fmt(l.tpotMs.p99), fmt(l.tokensPerSec, 1), fmt(l.goodputPerSec, 2), fmt(l.preemptions, 0), fmt(l.kvOccupancyMean, 3)];
}

/** The table, or '' when neither design has an llm-server. */
export function formatLlm(r: RunResult): string {
  const rows = [['LLM', 'completed', 'TTFT p50', 'TTFT p99', 'TPOT p50', 'TPOT p99', 'tokens/s', 'goodput/s', 'preemptions', 'KV occupancy']];
  for (const [name, d] of [['micro', r.microservices], ['mono', r.monolith]] as const) {
    if (!d.llm) continue;
    rows.push(row(`${name} (all)`, d.llm));
    for (const n of d.llmNodes ?? []) rows.push(row(`${name} ${n.id}`, n));
  }
  return rows.length > 1 ? `LLM serving (ms; goodput: generations meeting slo.ttftMs and slo.tpotMs)\n${table(rows)}` : '';
}
