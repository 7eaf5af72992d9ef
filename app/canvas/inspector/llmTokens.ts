/** Mean token counts of the requests reaching an llm-server, as the engine draws them: the calling edge's override, else the workload's. */
import type { Topology } from '../../../workers/engine/schema';

/** Mean input and output tokens at node `id` (the first sync edge into it with an override wins per field); null without workload tokens. */
export function meanTokensAt(doc: Topology, id: string): { input: number; output: number } | null {
  const w = doc.workload.tokens ?? null;
  const edge = doc.edges.find((e) => e.target === id && e.mode === 'sync' && e.tokens);
  const input = edge?.tokens?.input?.mean ?? w?.input.mean;
  const output = edge?.tokens?.output?.mean ?? w?.output.mean;
  return input !== undefined && output !== undefined ? { input, output } : null;
}
