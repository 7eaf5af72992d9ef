/** The live KV-cache capacity of one llm-server replica and its decode-bound ceiling, from the engine's functions. */
import { llmGuidance } from '../../../workers/engine/llm/analytic';
import { kvBytesPerToken } from '../../../workers/engine/llm/kvCache';
import type { LlmServer } from '../../../workers/engine/llm/schema';
import { replicaKvTokens } from '../../../workers/report/llmGuidance';
import { fmtNum } from '../../results/format';

export function LlmCapacityLine({ llm, gpuMemoryGiB, meanTokens }: { llm: LlmServer; gpuMemoryGiB: number | null; meanTokens: { input: number; output: number } | null }) {
  const tokens = replicaKvTokens(llm, gpuMemoryGiB);
  if (tokens === null) {
    return (
      <p className="ls-hint ls-field-error" data-testid="llm-kv-capacity">
        KV cache unknown: give the node a GPU machine type (Deployment) or a KV cache in tokens.
      </p>
    );
  }
  const perToken = llm.model ? kvBytesPerToken(llm.model) : null;
  const g = meanTokens
    ? llmGuidance({
        alphaMs: llm.alphaMs,
        betaMs: llm.betaMs,
        stepTable: null,
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
        {perToken !== null && gpuMemoryGiB !== null && ` (${fmtNum(gpuMemoryGiB)} GiB × ${llm.gpuMemoryUtilization} − ${fmtNum(llm.model?.weightsGiB ?? 0)} GiB weights, ${fmtNum(perToken / 1024)} KiB per token)`}
        {tokens === 0 && ' — the weights do not leave room for a cache.'}
      </div>
      {g && g.concurrency > 0 && (
        <div data-testid="llm-ceiling" data-tokens-per-sec={g.decodeTokensPerSec}>
          At {fmtNum(meanTokens?.input ?? 0)} in / {fmtNum(meanTokens?.output ?? 0)} out tokens: {fmtNum(g.kvConcurrentSeqs)} sequences fit, {fmtNum(g.concurrency)} run at once; decode-bound ceiling {fmtNum(g.decodeTokensPerSec)} tokens/s, about {fmtNum(g.requestsPerSec)} req/s per replica.
        </div>
      )}
    </div>
  );
}
