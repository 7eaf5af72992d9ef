/**
 * The simulator's side of LLM serving (docs/design/issue-13.md §2): each replica of an
 * llm-server is one LlmReplica (vLLM-style continuous batching) driven by iteration events.
 * - A request's tokens are drawn when it is created (workload.tokens, its own stream); a sync
 *   edge with `tokens` overrides them for its calls (the edge's stream).
 * - An arrival is admitted (or refused as too long: an error for its caller); an idle replica
 *   plans an iteration at once; every iteration's end completes tokens, then plans the next.
 * - First token: a `streaming` caller gets its answer now, and the rest of the generation goes on.
 * - Done: the visit records its metrics, then makes the node's outgoing calls (a prefill node
 *   calls its decode node: the decode node admits the request after the KV transfer, with the
 *   prompt's KV in place and the first token already made).
 * Metrics go to one LlmMetrics block per node and one for the design (raw.llm).
 */
import type { CompiledModel } from '../compile';
import * as E from '../events';
import { TritonSim } from '../batching/tritonSim';
import * as R from '../raw';
import { Rng, streamSeed } from '../rng';
import * as S from '../simState';
import { growF64, growI32 } from './grow';
import { EV_DONE, EV_FIRST_TOKEN, EV_PREEMPTED, LlmReplica, MODE_DECODE, MODE_PREFILL } from './llmReplica';
import { L_OCC_AREA, L_PREEMPTIONS, L_REFUSED, LLM_BLOCK, recordLlmDone } from './llmMetrics';
import { drawTokens } from './tokenDraws';

const { EV_LLM_ADMIT, EV_LLM_STEP } = E;
const { NODE_FIELDS, N_DROPPED } = R;
const { F_ASYNC, F_FAILED, F_ROOT } = S;

/** Random streams of token draws (beside arrivals 0, per node 1 + 2i and 2 + 2i, balancers 1 000 000 + g). */
const TOKEN_STREAM = 2_000_000;
const EDGE_TOKEN_STREAM0 = 3_000_000;

/** The LLM side's state: per replica, per frame, the token streams and the metrics blocks. */
class LlmParts {
  readonly replicas: LlmReplica[] = [];
  readonly rNode: Int32Array;
  readonly rStation: Int32Array;
  readonly rStepping: Uint8Array;
  readonly rWaiting: Int32Array;
  /** Per replica: the epoch its step events carry (0 unless a fault scenario crashed it: stale steps are void). */
  readonly rEpoch: Float64Array;
  /** Per frame: input and output tokens, arrival at the LLM tier and first-token time (ms). */
  lIn = new Int32Array(0);
  lOut = new Int32Array(0);
  lAdmitMs = new Float64Array(0);
  lFirstMs = new Float64Array(0);
  readonly tokenRng: Rng;
  readonly edgeRng: (Rng | null)[] = [];
  readonly block: Float64Array;
  readonly designBlock: number;

  constructor(m: CompiledModel, seed: number) {
    const en = m.engines;
    const n = en.llmReplicaCount;
    this.rNode = new Int32Array(n);
    this.rStation = new Int32Array(n);
    this.rStepping = new Uint8Array(n);
    this.rWaiting = new Int32Array(n);
    this.rEpoch = new Float64Array(n);
    this.tokenRng = new Rng(streamSeed(seed, TOKEN_STREAM));
    this.designBlock = en.llmNodeCount * LLM_BLOCK;
    this.block = new Float64Array((en.llmNodeCount + 1) * LLM_BLOCK);
  }
}

export abstract class LlmSim extends TritonSim {
  /** True when the design has an llm-server (requests then carry tokens). */
  protected readonly llmOn: boolean;
  // One field (the simulator's own hot fields stay in-object in V8); null without llm-servers.
  private readonly L: LlmParts | null;

  /** The LLM state (only used when llmOn). */
  private get P(): LlmParts {
    return this.L as LlmParts;
  }

  constructor(m: CompiledModel, warmMs: number, endMs: number, windowMs: number, seed: number, maxLanes?: number) {
    super(m, warmMs, endMs, windowMs, seed, maxLanes);
    const en = m.engines;
    this.llmOn = en.llmNodeCount > 0;
    this.L = this.llmOn ? new LlmParts(m, seed) : null;
    if (this.L === null) return;
    const P = this.L;
    this.raw.llm = P.block;
    for (let i = 0; i < m.nodeCount; i++) {
      const spec = en.llmSpecs[i];
      if (spec === null) continue;
      const g = m.nodeGroup[i];
      for (let r = 0; r < m.groupReplicas[g]; r++) {
        const k = en.llmReplica0[i] + r;
        P.replicas[k] = new LlmReplica(spec);
        P.rNode[k] = i;
        P.rStation[k] = m.groupStation0[g] + r;
      }
    }
    for (let e = 0; e < en.edgeTokensIn.length; e++) {
      const any = en.edgeTokensIn[e] !== null || en.edgeTokensOut[e] !== null;
      P.edgeRng.push(any ? new Rng(streamSeed(seed, EDGE_TOKEN_STREAM0 + e)) : null);
    }
    this.growLlmFrames(1024);
  }

  /** A new request (root frame f) draws its tokens. Called only when llmOn. */
  protected llmNewRequest(f: number): void {
    const en = this.m.engines;
    if (f >= this.P.lIn.length) this.growLlmFrames(this.fNode.length);
    this.P.lIn[f] = en.tokensIn ? drawTokens(en.tokensIn, this.P.tokenRng) : 1;
    this.P.lOut[f] = en.tokensOut ? drawTokens(en.tokensOut, this.P.tokenRng) : 1;
  }

  /** Visit f reaches llm-server i at station s: its tokens are settled, then it is admitted (after the KV transfer, for a decode node). */
  protected llmArrive(f: number, i: number, s: number): void {
    const m = this.m;
    const en = m.engines;
    if (f >= this.P.lIn.length) this.growLlmFrames(this.fNode.length);
    const c = this.fCall[f];
    const live = c >= 0 && this.cToken[c] === this.fToken[f];
    const e = live ? this.cEdge[c] : -1;
    this.fStation[f] = s;
    if (en.llmMode[i] === MODE_DECODE) {
      const p = live ? this.cFrame[c] : -1;
      this.P.lIn[f] = p >= 0 ? this.P.lIn[p] : 1;
      this.P.lOut[f] = p >= 0 ? this.P.lOut[p] : 1;
      this.P.lAdmitMs[f] = p >= 0 ? this.P.lAdmitMs[p] : this.now;
      this.P.lFirstMs[f] = p >= 0 ? this.P.lFirstMs[p] : this.now;
      const delay = e >= 0 ? en.edgeKvFixedMs[e] + this.P.lIn[f] * en.edgeKvMsPerToken[e] : 0;
      if (delay > 0) {
        this.q.push(this.now + delay, EV_LLM_ADMIT, f, 0);
        return;
      }
    } else {
      this.settleTokens(f, e);
      this.P.lAdmitMs[f] = this.now;
      this.P.lFirstMs[f] = Number.NaN;
    }
    this.llmAdmit(f);
  }

  /** The request's tokens for visit f (its root's, or fresh draws for an orphan), then edge e's overrides. */
  private settleTokens(f: number, e: number): void {
    const en = this.m.engines;
    let p = f;
    while (!(this.fFlags[p] & F_ROOT)) {
      const c = this.fCall[p];
      if (c < 0 || this.cToken[c] !== this.fToken[p]) {
        p = -1;
        break;
      }
      p = this.cFrame[c];
    }
    if (p >= 0) {
      this.P.lIn[f] = this.P.lIn[p];
      this.P.lOut[f] = this.P.lOut[p];
    } else this.llmNewRequest(f);
    const rng = e >= 0 ? this.P.edgeRng[e] : null;
    if (rng === null) return;
    const tin = en.edgeTokensIn[e];
    const tout = en.edgeTokensOut[e];
    if (tin !== null) this.P.lIn[f] = drawTokens(tin, rng);
    if (tout !== null) this.P.lOut[f] = drawTokens(tout, rng);
  }

  /** Visit f joins its replica's engine (EV_LLM_ADMIT after a KV transfer, or at once). */
  protected llmAdmit(f: number): void {
    const m = this.m;
    const i = this.fNode[f];
    const s = this.fStation[f];
    const en = m.engines;
    const k = en.llmReplica0[i] + m.stationReplica[s];
    const counted = this.now >= this.warmMs;
    this.fArriveMs[f] = this.now;
    this.fStartMs[f] = this.now;
    if (en.llmMode[i] === MODE_DECODE && this.P.lOut[f] < 2) {
      // The prefill node made the only token: nothing to decode.
      this.recordVisit(f, i);
      this.complete(f);
      return;
    }
    const cap = m.nodeCap[i];
    if (cap >= 0 && this.nQueued[i] >= cap) {
      this.drop(f, i);
      return;
    }
    const r = this.P.replicas[k];
    if (!r.admit(f, this.P.lIn[f], this.P.lOut[f], this.now)) {
      if (counted) {
        this.raw.nodeStats[i * NODE_FIELDS + N_DROPPED]++;
        this.P.block[en.llmBlock[i] * LLM_BLOCK + L_REFUSED]++;
      }
      this.fFlags[f] |= F_FAILED;
      this.complete(f);
      return;
    }
    this.outstandingDelta(s, 1);
    if (!this.P.rStepping[k]) this.planStep(k);
    else this.syncWaiting(k);
  }

  /** Plans replica k's next iteration (or leaves it idle), keeping busy and waiting counts exact. */
  private planStep(k: number): void {
    const r = this.P.replicas[k];
    const i = this.P.rNode[k];
    const d0 = r.beginStep(this.now);
    const stepping = d0 > 0 ? 1 : 0;
    if (stepping !== this.P.rStepping[k]) {
      const delta = stepping ? 1 : -1;
      this.busyDelta(i, delta);
      const rb = this.m.nodeReplicaBase[i];
      if (rb >= 0) this.replicaBusyDelta(rb + this.m.stationReplica[this.P.rStation[k]], delta);
      this.P.rStepping[k] = stepping;
    }
    this.syncWaiting(k);
    if (!stepping) return;
    const d = this.llmStepMs(i, d0);
    const from = Math.max(this.now, this.warmMs);
    const to = Math.min(this.now + d, this.endMs);
    if (to > from) {
      const area = (to - from) * r.kvOccupancy();
      this.P.block[this.m.engines.llmBlock[i] * LLM_BLOCK + L_OCC_AREA] += area;
      this.P.block[this.P.designBlock + L_OCC_AREA] += area;
    }
    this.q.push(this.now + d, EV_LLM_STEP, k, this.P.rEpoch[k]);
  }

  /** The time of a planned step of node i that the engine gives as d ms; the fault scenario scales it (latency). */
  protected llmStepMs(_i: number, d: number): number {
    return d;
  }

  /** Fault scenarios: the epoch of replica k's live step (a step event carrying another is void). */
  protected llmEpoch(k: number): number {
    return this.P.rEpoch[k];
  }

  /**
   * Fault scenarios: the engine of replica r of llm-server i dies. Its running and waiting
   * requests leave it (returned, for the caller to fail), its KV cache empties, its planned step is
   * void; the node's busy, waiting and outstanding counts follow. It comes back empty.
   */
  protected llmCrash(i: number, r: number): number[] {
    const P = this.P;
    const k = this.m.engines.llmReplica0[i] + r;
    const out: number[] = [];
    P.replicas[k].drain(out);
    P.rEpoch[k]++;
    if (P.rStepping[k]) {
      this.busyDelta(i, -1);
      const rb = this.m.nodeReplicaBase[i];
      if (rb >= 0) this.replicaBusyDelta(rb + this.m.stationReplica[P.rStation[k]], -1);
      P.rStepping[k] = 0;
    }
    this.syncWaiting(k);
    this.outstandingDelta(P.rStation[k], -out.length);
    return out;
  }

  private syncWaiting(k: number): void {
    const w = this.P.replicas[k].waitingCount;
    if (w !== this.P.rWaiting[k]) {
      this.queueDelta(this.P.rNode[k], w - this.P.rWaiting[k]);
      this.P.rWaiting[k] = w;
    }
  }

  /** Replica k's iteration ends: first tokens answer streaming callers, finished requests record and go on. */
  protected onLlmStep(k: number): void {
    const r = this.P.replicas[k];
    const n = r.endStep(this.now);
    const i = this.P.rNode[k];
    const en = this.m.engines;
    const o = en.llmBlock[i] * LLM_BLOCK;
    const counted = this.now >= this.warmMs;
    for (let j = 0; j < n; j++) {
      const f = r.evReq[j];
      const kind = r.evKind[j];
      if (kind === EV_PREEMPTED) {
        if (counted) {
          this.P.block[o + L_PREEMPTIONS]++;
          this.P.block[this.P.designBlock + L_PREEMPTIONS]++;
        }
      } else if (kind === EV_FIRST_TOKEN) {
        this.P.lFirstMs[f] = this.now;
        this.streamAnswer(f);
      } else if (kind === EV_DONE) {
        this.outstandingDelta(this.P.rStation[k], -1);
        const prefill = en.llmMode[i] === MODE_PREFILL;
        if (counted) {
          const admit = this.P.lAdmitMs[f];
          const first = this.P.lFirstMs[f];
          const out = this.P.lOut[f];
          recordLlmDone(this.P.block, o, en.slo, admit, first, this.now, prefill ? 1 : out);
          if (en.llmFinal[i] || (prefill && out < 2)) recordLlmDone(this.P.block, this.P.designBlock, en.slo, admit, first, this.now, prefill ? 1 : out);
        }
        this.recordVisit(f, i);
        this.beginCalls(f, i);
      }
    }
    this.planStep(k);
  }

  /** A streaming sync call into visit f returns now (the first token); the visit goes on detached from it. */
  private streamAnswer(f: number): void {
    const c = this.fCall[f];
    if (c < 0 || this.fFlags[f] & (F_ASYNC | F_ROOT)) return;
    if (!this.m.engines.edgeStreaming[this.cEdge[c]] || this.cToken[c] !== this.fToken[f]) return;
    this.fFlags[f] |= F_ASYNC;
    this.answer(c, false);
  }

  private growLlmFrames(n: number): void {
    const P = this.P;
    P.lIn = growI32(P.lIn, n);
    P.lOut = growI32(P.lOut, n);
    P.lAdmitMs = growF64(P.lAdmitMs, n);
    P.lFirstMs = growF64(P.lFirstMs, n);
  }
}
