/**
 * One LLM-server replica with continuous batching and iteration-level scheduling, after vLLM's
 * V1 scheduler (vllm-project/vllm `vllm/v1/core/sched/scheduler.py`, `Scheduler.schedule`):
 * - There are no prefill and decode phases: each sequence has `numTokens` (prompt + outputs so
 *   far) and `computed`; a step gives each scheduled sequence `numTokens − computed` tokens
 *   (a whole or chunked prompt, or 1 when decoding), within `maxNumBatchedTokens` per step.
 * - RUNNING sequences are scheduled first, oldest first. When a sequence's new KV blocks do not
 *   fit, the newest running sequence is preempted (`self.running.pop()`), again and again, until
 *   they fit or the sequence itself was the one preempted. A preempted sequence frees its blocks,
 *   resets `computed` to 0 and goes to the FRONT of the waiting queue (`_preempt_request`:
 *   `num_computed_tokens = 0`, `waiting.prepend_request`): recomputation, its outputs kept.
 * - WAITING sequences are admitted only in a step that preempted nothing, while fewer than
 *   `maxNumSeqs` run and budget remains; with chunked prefill off a prompt larger than the
 *   remaining budget stops admission; a sequence whose blocks do not fit stops admission (FCFS).
 * - When a step computes all of a sequence's known tokens it samples one output token. So a
 *   lone request with P input and O output tokens takes one prefill step of P tokens (giving the
 *   first token) and O − 1 decode steps of 1 token.
 * KV blocks hold `blockSizeTokens` tokens; a sequence holds ⌈(computed + new) / blockSize⌉ blocks
 * (KVCacheManager.allocate_slots). Not modelled: prefix caching, speculative decoding,
 * priorities, `long_prefill_token_threshold`, async scheduling, stop tokens (a request always
 * produces exactly its output token count, like vLLM's `ignore_eos` benchmarks).
 *
 * Modes (disaggregated serving): MODE_PREFILL finishes a request at its first token;
 * MODE_DECODE admits a request whose prompt KV arrives from a prefill node (computed = P, one
 * output token already made) and produces the other O − 1 tokens.
 *
 * Use: admit() requests; when idle call beginStep(now) → duration (0 = nothing to do); at
 * now + duration call endStep(end) → number of events in ev*. No allocation per step.
 */
import { type StepTable, stepMs } from './stepTime';
import { growF64, growI32 } from './grow';
import { IntQueue } from '../intQueue';

export const MODE_BOTH = 0;
export const MODE_PREFILL = 1;
export const MODE_DECODE = 2;

/** Event kinds in {@link LlmReplica.evKind}. */
export const EV_FIRST_TOKEN = 1;
export const EV_TOKEN = 2;
export const EV_DONE = 3;
export const EV_PREEMPTED = 4;

/** Settings of one replica (times in ms). */
export interface LlmReplicaSpec {
  alphaMs: number;
  betaMs: number;
  /** Measured step-time curve replacing alpha/beta; null = affine. */
  stepTable: StepTable | null;
  /** vLLM `max_num_seqs`: sequences running at once. */
  maxNumSeqs: number;
  /** vLLM `max_num_batched_tokens`: tokens per step. */
  maxNumBatchedTokens: number;
  /** KV-cache capacity in tokens (see kvCapacityTokens). */
  kvCacheTokens: number;
  /** Tokens per KV block (vLLM `block_size`). */
  blockSizeTokens: number;
  /** vLLM `enable_chunked_prefill`. */
  chunkedPrefill: boolean;
  /** MODE_BOTH, MODE_PREFILL or MODE_DECODE. */
  mode: number;
  /** Also emit EV_TOKEN for every output token after the first. */
  emitTokenEvents: boolean;
}

export class LlmReplica {
  readonly totalBlocks: number;
  freeBlocks: number;
  // Per-slot state (struct of arrays); a slot is a request in this replica.
  private cap = 0;
  private reqId = new Int32Array(0);
  private inTok = new Int32Array(0);
  private outTok = new Int32Array(0);
  private generated = new Int32Array(0);
  private computed = new Int32Array(0);
  private blocks = new Int32Array(0);
  private sched = new Int32Array(0);
  private admitMs = new Float64Array(0);
  private firstMs = new Float64Array(0);
  private freeSlots = new Int32Array(0);
  private freeSlotCount = 0;
  private readonly running: Int32Array;
  runningCount = 0;
  private readonly waiting = new IntQueue(64);
  /** Tokens of the planned step; 0 = no step. */
  stepTokens = 0;
  /** Start (ms) of the planned or last step. */
  stepStartMs = 0;
  // Events of the last endStep (preemptions of its planning included).
  evKind = new Int32Array(64);
  evReq = new Int32Array(64);
  evTimeMs = new Float64Array(64);
  /** For EV_DONE: admit time and first-token time (NaN in MODE_DECODE) of the request, ms. */
  evAdmitMs = new Float64Array(64);
  evFirstMs = new Float64Array(64);
  /** For EV_DONE: the request's output tokens. */
  evOutTokens = new Int32Array(64);
  evCount = 0;
  // Counters.
  admitted = 0;
  finished = 0;
  preemptions = 0;
  outputTokens = 0;

  constructor(private readonly spec: LlmReplicaSpec) {
    if (!(spec.maxNumSeqs >= 1)) throw new RangeError('maxNumSeqs must be at least 1');
    if (!(spec.maxNumBatchedTokens >= spec.maxNumSeqs)) throw new RangeError('maxNumBatchedTokens must be at least maxNumSeqs');
    if (!(spec.blockSizeTokens >= 1)) throw new RangeError('blockSizeTokens must be at least 1');
    this.totalBlocks = Math.floor(spec.kvCacheTokens / spec.blockSizeTokens);
    if (!(this.totalBlocks >= 1)) throw new RangeError('kvCacheTokens must hold at least one block');
    this.freeBlocks = this.totalBlocks;
    this.running = new Int32Array(spec.maxNumSeqs);
    this.growSlots(Math.max(16, spec.maxNumSeqs * 2));
  }

  /** Requests waiting (new and preempted). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /** Fraction of KV blocks in use, in [0, 1]. */
  kvOccupancy(): number {
    return (this.totalBlocks - this.freeBlocks) / this.totalBlocks;
  }

  /**
   * Queues a request. false = refused: it could never finish here, because its KV
   * (in + out − 1 tokens) exceeds the cache or, without chunked prefill, its (re)prefill exceeds
   * maxNumBatchedTokens (vLLM refuses such lengths: max_model_len). In MODE_DECODE outTokens must be ≥ 2.
   */
  admit(reqId: number, inTokens: number, outTokens: number, nowMs: number): boolean {
    const { mode, blockSizeTokens, chunkedPrefill, maxNumBatchedTokens } = this.spec;
    if (!(inTokens >= 1 && outTokens >= 1)) throw new RangeError('inTokens and outTokens must be at least 1');
    if (mode === MODE_DECODE && outTokens < 2) throw new RangeError('a decode-only replica needs outTokens ≥ 2');
    const maxKv = mode === MODE_PREFILL ? inTokens : inTokens + outTokens - 1;
    if (Math.ceil(maxKv / blockSizeTokens) > this.totalBlocks) return false;
    if (!chunkedPrefill && maxKv > maxNumBatchedTokens) return false;
    if (this.freeSlotCount === 0) this.growSlots(this.cap * 2);
    const s = this.freeSlots[--this.freeSlotCount];
    this.reqId[s] = reqId;
    this.inTok[s] = inTokens;
    this.outTok[s] = outTokens;
    this.generated[s] = mode === MODE_DECODE ? 1 : 0;
    this.computed[s] = mode === MODE_DECODE ? inTokens : 0;
    this.blocks[s] = 0;
    this.sched[s] = 0;
    this.admitMs[s] = nowMs;
    this.firstMs[s] = Number.NaN;
    this.waiting.push(s);
    this.admitted++;
    return true;
  }

  /** Plans the next iteration at `nowMs` (vLLM's schedule()); returns its duration in ms, 0 = nothing to run. */
  beginStep(nowMs: number): number {
    this.evCount = 0;
    this.stepStartMs = nowMs;
    const { maxNumBatchedTokens, maxNumSeqs, chunkedPrefill } = this.spec;
    let budget = maxNumBatchedTokens;
    let preempted = false;
    let i = 0;
    while (i < this.runningCount && budget > 0) {
      const s = this.running[i];
      const want = this.inTok[s] + this.generated[s] - this.computed[s];
      const n = Math.min(want, budget);
      let fits = false;
      for (;;) {
        if (this.allocate(s, n)) {
          fits = true;
          break;
        }
        const victim = this.running[--this.runningCount];
        this.preempt(victim, nowMs);
        preempted = true;
        if (victim === s) break;
      }
      if (!fits) break;
      this.sched[s] = n;
      budget -= n;
      i++;
    }
    if (!preempted) {
      while (this.waiting.size > 0 && budget > 0 && this.runningCount < maxNumSeqs) {
        const s = this.waiting.peek();
        const want = this.inTok[s] + this.generated[s] - this.computed[s];
        if (!chunkedPrefill && want > budget) break;
        const n = Math.min(want, budget);
        if (!this.allocate(s, n)) break;
        this.waiting.shift();
        this.running[this.runningCount++] = s;
        this.sched[s] = n;
        budget -= n;
      }
    }
    this.stepTokens = maxNumBatchedTokens - budget;
    return this.stepTokens > 0 ? stepMs(this.spec.alphaMs, this.spec.betaMs, this.spec.stepTable, this.stepTokens) : 0;
  }

  /** Completes the planned iteration at `endMs`: tokens are sampled, finished requests leave. Returns the event count. */
  endStep(endMs: number): number {
    const { mode, emitTokenEvents } = this.spec;
    let kept = 0;
    for (let i = 0; i < this.runningCount; i++) {
      const s = this.running[i];
      let done = false;
      if (this.sched[s] > 0) {
        this.computed[s] += this.sched[s];
        this.sched[s] = 0;
        if (this.computed[s] === this.inTok[s] + this.generated[s]) {
          const g = ++this.generated[s];
          this.outputTokens++;
          if (g === 1) {
            this.firstMs[s] = endMs;
            this.event(EV_FIRST_TOKEN, s, endMs);
          } else if (emitTokenEvents) this.event(EV_TOKEN, s, endMs);
          done = mode === MODE_PREFILL || g >= this.outTok[s];
        }
      }
      if (done) this.finish(s, endMs);
      else this.running[kept++] = s;
    }
    this.runningCount = kept;
    this.stepTokens = 0;
    return this.evCount;
  }

  /**
   * The engine dies (fault scenarios): every running then waiting request leaves, in that order
   * (their ids are pushed to `out`), the KV cache is empty and no step is planned. Counters stay.
   */
  drain(out: number[]): void {
    for (let i = 0; i < this.runningCount; i++) this.drop(this.running[i], out);
    this.runningCount = 0;
    while (this.waiting.size > 0) this.drop(this.waiting.shift(), out);
    this.stepTokens = 0;
    this.evCount = 0;
  }

  private drop(s: number, out: number[]): void {
    out.push(this.reqId[s]);
    this.freeBlocks += this.blocks[s];
    this.blocks[s] = 0;
    this.sched[s] = 0;
    this.freeSlots[this.freeSlotCount++] = s;
  }

  /** Gives sequence s the blocks for n more tokens; false (nothing taken) if they do not fit. */
  private allocate(s: number, n: number): boolean {
    const need = Math.ceil((this.computed[s] + n) / this.spec.blockSizeTokens) - this.blocks[s];
    if (need > this.freeBlocks) return false;
    if (need > 0) {
      this.freeBlocks -= need;
      this.blocks[s] += need;
    }
    return true;
  }

  private preempt(s: number, nowMs: number): void {
    this.freeBlocks += this.blocks[s];
    this.blocks[s] = 0;
    this.computed[s] = 0;
    this.sched[s] = 0;
    this.waiting.pushFront(s);
    this.preemptions++;
    this.event(EV_PREEMPTED, s, nowMs);
  }

  private finish(s: number, endMs: number): void {
    const k = this.event(EV_DONE, s, endMs);
    this.evAdmitMs[k] = this.admitMs[s];
    this.evFirstMs[k] = this.firstMs[s];
    this.evOutTokens[k] = this.outTok[s];
    this.freeBlocks += this.blocks[s];
    this.blocks[s] = 0;
    this.freeSlots[this.freeSlotCount++] = s;
    this.finished++;
  }

  private event(kind: number, s: number, tMs: number): number {
    if (this.evCount === this.evKind.length) this.growEvents();
    const k = this.evCount++;
    this.evKind[k] = kind;
    this.evReq[k] = this.reqId[s];
    this.evTimeMs[k] = tMs;
    return k;
  }

  private growEvents(): void {
    const n = this.evKind.length * 2;
    this.evKind = growI32(this.evKind, n);
    this.evReq = growI32(this.evReq, n);
    this.evOutTokens = growI32(this.evOutTokens, n);
    this.evTimeMs = growF64(this.evTimeMs, n);
    this.evAdmitMs = growF64(this.evAdmitMs, n);
    this.evFirstMs = growF64(this.evFirstMs, n);
  }

  private growSlots(n: number): void {
    const old = this.cap;
    this.reqId = growI32(this.reqId, n);
    this.inTok = growI32(this.inTok, n);
    this.outTok = growI32(this.outTok, n);
    this.generated = growI32(this.generated, n);
    this.computed = growI32(this.computed, n);
    this.blocks = growI32(this.blocks, n);
    this.sched = growI32(this.sched, n);
    this.admitMs = growF64(this.admitMs, n);
    this.firstMs = growF64(this.firstMs, n);
    this.freeSlots = growI32(this.freeSlots, n);
    // New slots, highest first so the lowest index is taken next.
    for (let s = n - 1; s >= old; s--) this.freeSlots[this.freeSlotCount++] = s;
    this.cap = n;
  }
}
