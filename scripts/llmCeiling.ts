/**
 * Prints the LLM replica's saturated decode throughput in a closed loop beside the analytic
 * ceiling maxNumSeqs / step(maxNumSeqs), per preset. `node --import tsx scripts/llmCeiling.ts`
 */
import { llmGuidance } from '../workers/engine/llm/analytic';
import { runClosedLoop } from '../workers/engine/llm/closedLoop';
import { kvCapacityTokens } from '../workers/engine/llm/kvCache';
import { MODE_BOTH } from '../workers/engine/llm/llmReplica';
import { LLM_PRESETS } from '../workers/engine/llm/presets';
import { compileTokenDist } from '../workers/engine/llm/tokenDraws';

const inD = compileTokenDist({ dist: 'deterministic', mean: 16 });
const outD = compileTokenDist({ dist: 'lognormal', mean: 2048, cv: 0.5 });
for (const p of LLM_PRESETS) {
  const kv = kvCapacityTokens(p.gpu.memoryGiB, 0.9, p.model);
  for (const kvCacheTokens of [100_000_000, kv]) {
    const spec = {
      alphaMs: p.alphaMs,
      betaMs: p.betaMs,
      stepTable: null,
      maxNumSeqs: 256,
      maxNumBatchedTokens: 8192,
      kvCacheTokens,
      blockSizeTokens: 16,
      chunkedPrefill: true,
      mode: MODE_BOTH,
      emitTokenEvents: false,
    };
    const g = llmGuidance({ ...spec, meanInTokens: 16, meanOutTokens: 2048 });
    const r = runClosedLoop(spec, 256, inD, outD, 42, 3000, 20000);
    const label = kvCacheTokens === kv ? `${kv} KV tokens (0.9 util)` : 'unbounded KV';
    console.log(
      `${p.id.padEnd(24)} ${label.padEnd(26)} alpha ${p.alphaMs.toFixed(3)} ms beta ${p.betaMs.toFixed(5)} ms  concurrency ${g.concurrency}` +
        `  ceiling ${g.decodeTokensPerSec.toFixed(0)} tok/s  closed loop ${r.tokensPerSec.toFixed(0)} tok/s (${((r.tokensPerSec / g.decodeTokensPerSec) * 100).toFixed(2)}%)  preemptions ${r.preemptions}`,
    );
  }
}
