/**
 * The LLM replica against exact results: step counts and times from α/β, vLLM V1's preemption
 * rule on a hand-built case, chunked prefill, the disaggregated modes, and conservation under a
 * constrained KV cache (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EV_DONE,
  EV_FIRST_TOKEN,
  EV_PREEMPTED,
  EV_TOKEN,
  LlmReplica,
  type LlmReplicaSpec,
  MODE_BOTH,
  MODE_DECODE,
  MODE_PREFILL,
} from './llmReplica';

const spec = (over: Partial<LlmReplicaSpec> = {}): LlmReplicaSpec => ({
  alphaMs: 10,
  betaMs: 0.1,
  stepTable: null,
  maxNumSeqs: 256,
  maxNumBatchedTokens: 8192,
  kvCacheTokens: 1_000_000,
  blockSizeTokens: 16,
  chunkedPrefill: true,
  mode: MODE_BOTH,
  emitTokenEvents: false,
  ...over,
});

interface Ev {
  kind: number;
  req: number;
  t: number;
}

/** Runs steps back to back from t = 0 until idle; returns events, step token counts and the replica. */
function runToIdle(r: LlmReplica, maxSteps = 100_000) {
  const events: Ev[] = [];
  const stepTokens: number[] = [];
  let t = 0;
  for (let i = 0; i < maxSteps; i++) {
    const d = r.beginStep(t);
    if (d === 0) break;
    stepTokens.push(r.stepTokens);
    t += d;
    const n = r.endStep(t);
    for (let k = 0; k < n; k++) events.push({ kind: r.evKind[k], req: r.evReq[k], t: r.evTimeMs[k] });
  }
  return { events, stepTokens, endMs: t };
}

describe('one request alone, constant tokens', () => {
  it('takes one prefill step of `in` tokens and out − 1 decode steps of 1 token', () => {
    const r = new LlmReplica(spec({ emitTokenEvents: true }));
    expect(r.admit(7, 100, 5, 0)).toBe(true);
    const { events, stepTokens, endMs } = runToIdle(r);
    expect(stepTokens).toEqual([100, 1, 1, 1, 1]);
    // Prefill: α + β·100 = 10 + 10 = 20 ms gives the first token; each decode step α + β·1 = 10.1 ms.
    expect(events[0]).toEqual({ kind: EV_FIRST_TOKEN, req: 7, t: 20 });
    expect(events.filter((e) => e.kind === EV_TOKEN)).toHaveLength(4);
    expect(events.at(-1)!.kind).toBe(EV_DONE);
    expect(endMs).toBeCloseTo(20 + 4 * 10.1, 10);
  });

  it('property: end time = (α + β·in) + (out − 1)(α + β), in exactly `out` steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (inT, outT, alphaMs, betaMs) => {
          const r = new LlmReplica(spec({ alphaMs, betaMs }));
          r.admit(1, inT, outT, 0);
          const { stepTokens, endMs, events } = runToIdle(r);
          expect(stepTokens.length).toBe(outT);
          const expected = alphaMs + betaMs * inT + (outT - 1) * (alphaMs + betaMs);
          expect(Math.abs(endMs - expected)).toBeLessThanOrEqual(1e-9 * expected);
          expect(events.find((e) => e.kind === EV_FIRST_TOKEN)!.t).toBeCloseTo(alphaMs + betaMs * inT, 9);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('chunked prefill and its absence', () => {
  it('a 5000-token prompt with a 2048-token budget is prefilled in chunks 2048, 2048, 904; the first token comes at the end of the third', () => {
    const r = new LlmReplica(spec({ maxNumBatchedTokens: 2048 }));
    r.admit(1, 5000, 3, 0);
    const { stepTokens, events } = runToIdle(r);
    expect(stepTokens).toEqual([2048, 2048, 904, 1, 1]);
    const stepA = 10 + 0.1 * 2048;
    expect(events[0].kind).toBe(EV_FIRST_TOKEN);
    expect(events[0].t).toBeCloseTo(2 * stepA + 10 + 0.1 * 904, 9);
  });

  it('without chunked prefill, a prompt longer than the budget is refused (vLLM: max_num_batched_tokens ≥ max_model_len)', () => {
    const r = new LlmReplica(spec({ maxNumBatchedTokens: 2048, chunkedPrefill: false }));
    expect(r.admit(1, 5000, 3, 0)).toBe(false);
    expect(r.admit(2, 1000, 3, 0)).toBe(true);
  });

  it('without chunked prefill, a prompt that does not fit the remaining budget waits for the next step', () => {
    const r = new LlmReplica(spec({ maxNumBatchedTokens: 1000, chunkedPrefill: false }));
    r.admit(1, 600, 2, 0);
    r.admit(2, 600, 2, 0);
    const { stepTokens } = runToIdle(r);
    // Step 1: request 1's 600; request 2's 600 > 400 left. Step 2: request 1's decode (1) + request 2's 600.
    expect(stepTokens).toEqual([600, 601, 1]);
  });
});

describe('KV cache full: vLLM preempts the newest running sequence, which recomputes later', () => {
  it('hand-built: 3 blocks of 4 tokens, two requests of 4 in + 6 out', () => {
    const r = new LlmReplica(spec({ kvCacheTokens: 12, blockSizeTokens: 4 }));
    r.admit(0, 4, 6, 0); // A
    r.admit(1, 4, 6, 0); // B
    const { events, stepTokens } = runToIdle(r);
    // 1: both prefill (4 + 4 tokens, 1 block each; 1 free). 2: A needs a 2nd block (takes the last);
    // B needs one too: none left, so the newest running (B itself) is preempted and nothing is admitted.
    // 3–6: A decodes alone (its 3rd block is the one B freed); B, now 4 + 1 = 5 tokens, needs 2 blocks
    // and only 1 is free until A finishes. 7: B recomputes its 5 tokens and samples its 2nd token.
    expect(stepTokens).toEqual([8, 1, 1, 1, 1, 1, 5, 1, 1, 1, 1]);
    expect(events.filter((e) => e.kind === EV_PREEMPTED).map((e) => e.req)).toEqual([1]);
    expect(events.filter((e) => e.kind === EV_DONE).map((e) => e.req)).toEqual([0, 1]);
    expect(r.preemptions).toBe(1);
    expect(r.freeBlocks).toBe(r.totalBlocks);
  });

  it('hand-built: the preempted sequence goes to the FRONT of the waiting queue, and admission is FCFS', () => {
    const r = new LlmReplica(spec({ kvCacheTokens: 12, blockSizeTokens: 4, maxNumSeqs: 2 }));
    r.admit(0, 4, 6, 0); // A
    r.admit(1, 4, 6, 0); // B
    r.admit(2, 1, 2, 0); // C waits: maxNumSeqs 2
    const { events, stepTokens } = runToIdle(r);
    // 2: B is preempted → waiting [B, C]. 3–6: one block is free; B (5 tokens, 2 blocks) heads the
    // queue and does not fit, so C (1 block) is not admitted either. 7: A has finished; B (5) and C (1)
    // are admitted together. Had B gone to the back, C would have run from step 3.
    expect(stepTokens).toEqual([8, 1, 1, 1, 1, 1, 6, 2, 1, 1, 1]);
    expect(events.filter((e) => e.kind === EV_DONE).map((e) => e.req)).toEqual([0, 2, 1]);
  });

  it('a request that could never fit the cache is refused', () => {
    const r = new LlmReplica(spec({ kvCacheTokens: 64, blockSizeTokens: 16 }));
    expect(r.admit(0, 60, 6, 0)).toBe(false); // 65 tokens: 5 blocks > 4
    expect(r.admit(1, 60, 5, 0)).toBe(true); // 64 tokens: 4 blocks
  });

  const requestArb = fc.record({
    atMs: fc.integer({ min: 0, max: 500 }),
    inT: fc.integer({ min: 1, max: 200 }),
    outT: fc.integer({ min: 2, max: 120 }),
  });

  it('property: preemptions happen under a small cache, and admitted = finished + running + waiting at every step', () => {
    let sawPreemption = false;
    fc.assert(
      fc.property(
        fc.array(requestArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 20, max: 64 }),
        fc.integer({ min: 1, max: 16 }),
        fc.boolean(),
        (reqs, blocks, maxNumSeqs, chunkedPrefill) => {
          const sorted = [...reqs].sort((a, b) => a.atMs - b.atMs);
          const r = new LlmReplica(spec({ kvCacheTokens: blocks * 16, maxNumSeqs, maxNumBatchedTokens: 512, chunkedPrefill }));
          let next = 0;
          let t = 0;
          let refused = 0;
          let broken = 0;
          const done = new Set<number>();
          for (let guard = 0; guard < 1_000_000; guard++) {
            while (next < sorted.length && sorted[next].atMs <= t) {
              const q = sorted[next];
              if (!r.admit(next, q.inT, q.outT, t)) refused++;
              next++;
            }
            const d = r.beginStep(t);
            if (r.admitted !== r.finished + r.runningCount + r.waitingCount) broken++;
            if (r.freeBlocks < 0 || r.runningCount > maxNumSeqs) broken++;
            if (d === 0) {
              if (next === sorted.length) break;
              t = sorted[next].atMs;
              continue;
            }
            t += d;
            const n = r.endStep(t);
            for (let k = 0; k < n; k++) if (r.evKind[k] === EV_DONE) done.add(r.evReq[k]);
            if (r.admitted !== r.finished + r.runningCount + r.waitingCount) broken++;
          }
          expect(broken).toBe(0);
          if (r.preemptions > 0) sawPreemption = true;
          expect(done.size + refused).toBe(sorted.length);
          expect(r.freeBlocks).toBe(r.totalBlocks);
        },
      ),
      { numRuns: 100, seed: 13 },
    );
    expect(sawPreemption).toBe(true);
  });
});

describe('disaggregated modes', () => {
  it('prefill-only: one step of `in` tokens; first token and done together', () => {
    const r = new LlmReplica(spec({ mode: MODE_PREFILL }));
    r.admit(3, 100, 10, 0);
    const { events, stepTokens } = runToIdle(r);
    expect(stepTokens).toEqual([100]);
    expect(events.map((e) => [e.kind, e.t])).toEqual([
      [EV_FIRST_TOKEN, 20],
      [EV_DONE, 20],
    ]);
  });

  it('decode-only: the prompt KV arrives computed; out − 1 decode steps of 1 token, holding ⌈(in + 1)/block⌉ blocks at first', () => {
    const r = new LlmReplica(spec({ mode: MODE_DECODE }));
    r.admit(3, 100, 10, 0);
    expect(r.beginStep(0)).toBeCloseTo(10.1, 12);
    expect(r.totalBlocks - r.freeBlocks).toBe(Math.ceil(101 / 16));
    r.endStep(10.1);
    const { stepTokens } = runToIdle(r);
    expect(stepTokens).toEqual([1, 1, 1, 1, 1, 1, 1, 1]); // 8 more: 9 decode steps in all
    expect(() => r.admit(4, 100, 1, 0)).toThrow(/outTokens ≥ 2/);
  });
});

describe('settings', () => {
  it('rejects settings vLLM rejects, naming the field', () => {
    expect(() => new LlmReplica(spec({ maxNumBatchedTokens: 100, maxNumSeqs: 256 }))).toThrow(/maxNumBatchedTokens/);
    expect(() => new LlmReplica(spec({ kvCacheTokens: 8 }))).toThrow(/kvCacheTokens/);
    expect(() => new LlmReplica(spec({ maxNumSeqs: 0 }))).toThrow(/maxNumSeqs/);
  });
});
