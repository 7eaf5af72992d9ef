/** The live KV-cache capacity of one llm-server replica and its decode-bound ceiling, from the engine's own functions. */
import { llmGuidance } from '../../../workers/engine/llm/analytic';
import { kvBytesPerToken } from '../../../workers/engine/llm/kvCache';
import type { LlmServer } from '../../../workers/engine/llm/schema';
import { llmGpuMemoryGiB, replicaKvTokensOf } from '../../../workers/engine/llm/semantics';
import { stepTable } from '../../../workers/engine/llm/stepTime';
import type { Hardware } from '../../../workers/engine/schema';
import { fmtNum } from '../../results/format';

/** The compiled step table, or null when there is none or it is not ascending (the parser names that problem). */
function tableOf(llm: LlmServer) {
  try {
    return llm.stepTable ? stepTable(llm.stepTable) : null;
  } catch {
    return null;
  }
}

export function LlmCapacityLine({ llm, hardware, meanTokens }: { llm: LlmServer; hardware: Hardware | null; meanTokens: { input: number; output: number } | null }) {
  const tokens = replicaKvTokensOf(llm, hardware);
  if (tokens === null) {
    return (
      <p className="ls-hint ls-field-error" data-testid="llm-kv-capacity">
        KV cache unknown: give the node a GPU machine type (Deployment) or a KV cache in tokens.
      </p>
    );
  }
  const mem = llm.kvCacheTokens === null ? llmGpuMemoryGiB(llm, hardware) : null;
  const perToken = llm.model && mem !== null ? kvBytesPerToken(llm.model) : null;
  const g =
    meanTokens && tokens >= llm.blockSizeTokens
      ? llmGuidance({
          alphaMs: llm.alphaMs,
          betaMs: llm.betaMs,
          stepTable: tableOf(llm),
          maxNumSeqs: llm.maxNumSeqs,
          kvCacheTokens: tokens,
          blockSizeTokens: llm.blockSizeTokens,
          meanInTokens: meanTokens.input,
          meanOutTokens: meanTokens.output,
        })
      : null;
  return (
    <div className="ls-hint ls-llm-capacity" data-testid="llm-kv-capacity" data-kv-tokens={tokens}>
      <div>
        <strong>KV cache: {tokens.toLocaleString('en-US')} tokens</strong> per replica
        {perToken !== null && mem !== null && ` (${fmtNum(mem)} GiB × ${llm.gpuMemoryUtilization} − ${fmtNum(llm.model?.weightsGiB ?? 0)} GiB of weights, ${fmtNum(perToken / 1024)} KiB per token${hardware && hardware.gpus > 0 ? '' : ', the preset’s GPU'})`}
        {tokens < llm.blockSizeTokens && ' — the weights leave no room for a cache.'}
      </div>
      {g && g.concurrency > 0 && (
        <div data-testid="llm-ceiling" data-tokens-per-sec={g.decodeTokensPerSec}>
          At {fmtNum(meanTokens?.input ?? 0)} in / {fmtNum(meanTokens?.output ?? 0)} out tokens: {fmtNum(g.kvConcurrentSeqs)} sequences fit, {fmtNum(g.concurrency)} run at once; decode-bound ceiling {fmtNum(g.decodeTokensPerSec)} tokens/s, about {fmtNum(g.requestsPerSec)} req/s per replica.
        </div>
      )}
    </div>
  );
}
