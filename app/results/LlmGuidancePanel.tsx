/** The analytic guidance per llm-server node: KV capacity, sequences that fit, the decode-bound ceiling and what the formulas do not cover. */
import type { LlmNodeGuidanceResult } from '../../workers/engine/results';
import { fmtNum, fmtRate } from './format';

function NodeGuidance({ g, label }: { g: LlmNodeGuidanceResult; label: string }) {
  const x = g.guidance;
  return (
    <li data-testid={`llm-guidance-${g.id}`} data-kv-tokens={x?.kvCapacityTokens ?? ''} data-ceiling={x?.decodeTokensPerSec ?? ''}>
      <strong>{label}</strong>
      {x === null ? (
        <span> — {g.problem}</span>
      ) : (
        <>
          {': '}KV cache {x.kvCapacityTokens.toLocaleString('en-US')} tokens per replica; at {fmtNum(g.meanInTokens)} in / {fmtNum(g.meanOutTokens)} out tokens {fmtNum(x.kvConcurrentSeqs)} sequences fit, so {fmtNum(x.concurrency)} run at
          once. Decode-bound ceiling {fmtNum(x.decodeTokensPerSec)} tokens/s per replica (a decode step of {fmtNum(x.concurrency)} sequences takes {fmtNum(x.decodeStepMs)} ms); with the prompts in the same steps{' '}
          {fmtNum(x.mixedTokensPerSec)} tokens/s, about {fmtRate(x.requestsPerSec)} per replica, {fmtRate(x.requestsPerSec * g.replicas)} for its {g.replicas}.
          <details>
            <summary>Not covered by these formulas</summary>
            <ul>
              {x.notCovered.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </li>
  );
}

export function LlmGuidancePanel({ guidance, labelOf }: { guidance: readonly LlmNodeGuidanceResult[]; labelOf: (id: string) => string }) {
  if (!guidance.length) return null;
  return (
    <section className="ls-llm-guidance" data-testid="llm-guidance">
      <h3 className="ls-subhead">Analytic guidance (microservice design)</h3>
      <ul>
        {guidance.map((g) => (
          <NodeGuidance key={g.id} g={g} label={labelOf(g.id)} />
        ))}
      </ul>
    </section>
  );
}
