/**
 * Fault scenarios on llm-servers (vLLM-style engines, llm/llmSim.ts): the pieces the scenario
 * mixin (scenarioCore.ts) calls. A crash or outage kills a replica's engine process: every
 * running and waiting sequence fails (cause crash / outage) and its KV cache is lost; the
 * balancer sends it nothing until the event's end, when it comes back empty (llmCrash in
 * llmSim.ts). A latency fault scales every engine step (prefill and decode alike): step time ×
 * factor + addMs, so the time per output token at low load becomes TPOT × factor + addMs.
 * Capacity faults are refused (scenarioSemantics.ts). See docs/model.md, "Fault scenarios".
 */
import type { CompiledModel } from '../compile';
import { SPECIAL_LLM } from '../compileEngines';

/** Per group: its llm-server nodes (null for none). */
export function llmNodesByGroup(m: Pick<CompiledModel, 'nodeCount' | 'nodeSpecial' | 'nodeGroup' | 'groupCount'>): (number[] | null)[] {
  const out: (number[] | null)[] = [];
  for (let g = 0; g < m.groupCount; g++) out.push(null);
  for (let i = 0; i < m.nodeCount; i++) {
    if (m.nodeSpecial[i] !== SPECIAL_LLM) continue;
    const g = m.nodeGroup[i];
    const list = out[g] ?? [];
    list.push(i);
    out[g] = list;
  }
  return out;
}

/** An engine step of d ms under a latency fault (d = 0: no step, nothing to scale). */
export function faultedStepMs(d: number, factor: number, addMs: number): number {
  return d > 0 ? d * factor + addMs : d;
}
