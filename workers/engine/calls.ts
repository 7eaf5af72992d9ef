/**
 * What happens after a visit's service: the node's outgoing calls (sync,
 * stage by stage, each stage forked and joined; async messages), their attempts, timeouts and
 * retries, and the answers travelling back up a request's tree of visits to
 * the request's end. The station side (arrivals, queues, servers, batching)
 * is the Simulator in simulate.ts, which extends this class.
 */
import type { CompiledModel } from './compile';
import { DelayLanes } from './delayLanes';
import * as E from './events';
import { EventQueue } from './eventQueue';
import { IntQueue } from './intQueue';
import { bucketOf as bucketOfImported } from './histogram';
import * as R from './raw';
import { Rng, streamSeed } from './rng';
import * as S from './simState';
import { SimState } from './simState';

// Module-local bindings: imported bindings can cost a getter call per use under some loaders (tsx, vite-node).
const { SERIES_FIELDS, S_COMPLETED, S_ERRORS, T_CAP_DROPS, T_COMPLETED, T_ERRORS, T_LAT_MAX, T_LAT_SUM, T_LAT_SUM_SQ, T_TIMEOUTS } = R;
const { F_ASYNC, F_COUNTED, F_FAILED, F_HOLDING, F_ROOT } = S;
const { EV_NODE, EV_TIMEOUT } = E;
const bucketOf = bucketOfImported;

/** Safety cap: at most this many visits in flight; new arrivals and async messages beyond it are dropped. */
export const MAX_LIVE_VISITS = 200_000;
/** Hard cap for sync call attempts (their requests are already admitted): beyond it the call fails. */
export const HARD_MAX_LIVE_VISITS = 800_000;

/** The call-and-answer half of the simulator. */
export abstract class CallSim extends SimState {
  protected readonly q = new EventQueue();
  /** Calls and messages crossing an edge with a network delay (see delayLanes.ts). */
  protected readonly lanes: DelayLanes;
  /** Per node: cache hits and call probabilities. */
  protected readonly routeRng: Rng[] = [];
  /** Requests counted in the statistics (arrived after the warm-up) still in flight. */
  protected countedLive = 0;
  /** True once the safety cap refused something. */
  protected capHit = false;
  /** Answers not yet processed (2 × call + failed) and whether the loop processing them runs (see answer). */
  private readonly answers = new IntQueue(64);
  private answering = false;

  constructor(m: CompiledModel, warmMs: number, endMs: number, windowMs: number, seed: number, maxLanes?: number) {
    super(m, warmMs, endMs, windowMs);
    this.lanes = new DelayLanes(m, maxLanes);
    for (let i = 0; i < m.nodeCount; i++) this.routeRng.push(new Rng(streamSeed(seed, 2 + 2 * i)));
  }

  /** Frame f reaches its node (start service, wait, or be dropped). */
  protected abstract arrive(f: number): void;
  /** Frees one server of station s (node i's work; `visits` visits leave it) and starts whoever waits there. */
  protected abstract release(i: number, s: number, visits: number): void;

  /** After service: a cache hit or a leaf completes; otherwise the calls start, stage by stage. */
  protected beginCalls(f: number, i: number): void {
    const m = this.m;
    const rng = this.routeRng[i];
    if (m.edgeStart[i] === m.edgeStart[i + 1] || (m.nodeHit[i] > 0 && rng.next() < m.nodeHit[i])) {
      this.complete(f);
      return;
    }
    if (m.nodeOne[i]) this.fChoice[f] = this.chooseEdge(i);
    this.fEdge[f] = m.nodeStage0[i] - 1;
    this.fLeft[f] = 0;
    this.nextStage(f);
  }

  /** `routing: one`: the edge of node i taken on this visit, by weight (−1 when every weight is 0). */
  private chooseEdge(i: number): number {
    const m = this.m;
    const total = m.nodeWeightSum[i];
    if (!(total > 0)) return -1;
    let u = this.routeRng[i].next() * total;
    const e1 = m.edgeStart[i + 1];
    let last = -1;
    for (let e = m.edgeStart[i]; e < e1; e++) {
      if (m.edgeProb[e] <= 0) continue;
      last = e;
      u -= m.edgeProb[e];
      if (u < 0) return e;
    }
    return last; // rounding: the last edge with a weight
  }

  /**
   * Moves frame f on through its node's stages: the next call of a serial
   * stage, else the next stage (a fork of its calls), else completion. fEdge
   * is the current stage; fLeft the serial stage's calls still to make, or the
   * parallel stage's calls still out.
   */
  protected nextStage(f: number): void {
    const m = this.m;
    const i = this.fNode[f];
    const end = m.nodeStage0[i + 1];
    const one = m.nodeOne[i] === 1;
    const rng = this.routeRng[i];
    for (;;) {
      if (this.fLeft[f] > 0) {
        this.fLeft[f]--;
        this.startCall(f, m.stageEdge0[this.fEdge[f]]);
        return;
      }
      const k = ++this.fEdge[f];
      if (k >= end) {
        this.complete(f);
        return;
      }
      const e0 = m.stageEdge0[k];
      if (m.stageSerial[k]) {
        if (one ? this.fChoice[f] !== e0 : m.edgeProb[e0] < 1 && rng.next() >= m.edgeProb[e0]) continue;
        if (m.edgeAsync[e0]) {
          for (let c = m.edgeCount[e0]; c > 0; c--) this.sendAsync(f, e0);
          continue;
        }
        this.fLeft[f] = m.edgeCount[e0];
        continue;
      }
      const e1 = m.stageEdge0[k + 1];
      this.fLeft[f] = 1; // guard: calls failing at once must not end the stage mid-fork
      for (let e = e0; e < e1; e++) {
        if (one ? this.fChoice[f] !== e : m.edgeProb[e] < 1 && rng.next() >= m.edgeProb[e]) continue;
        for (let c = m.edgeCount[e]; c > 0; c--) {
          if (m.edgeAsync[e]) this.sendAsync(f, e);
          else {
            this.fLeft[f]++;
            this.startCall(f, e);
          }
        }
      }
      if (--this.fLeft[f] > 0) return;
      if (this.fFlags[f] & F_FAILED) {
        this.complete(f);
        return;
      }
    }
  }

  protected startCall(f: number, e: number): void {
    const c = this.allocCall();
    this.cFrame[c] = f;
    this.cEdge[c] = e;
    this.cLeft[c] = this.m.edgeRetries[e];
    this.attempt(c);
  }

  /** One attempt of call c: a new visit to the callee (after the network delay), with its own timeout. */
  protected attempt(c: number): void {
    const m = this.m;
    const e = this.cEdge[c];
    const token = ++this.tokenSeq;
    this.cToken[c] = token;
    if (this.live >= HARD_MAX_LIVE_VISITS) {
      this.capHit = true;
      this.raw.totals[T_CAP_DROPS]++;
      this.answer(c, true);
      return;
    }
    if (m.edgeTimeoutMs[e] > 0) this.q.push(this.now + m.edgeTimeoutMs[e], EV_TIMEOUT, c, token);
    const child = this.allocFrame();
    this.fNode[child] = m.edgeTarget[e];
    this.fStation[child] = this.fStation[this.cFrame[c]];
    this.fCall[child] = c;
    this.fToken[child] = token;
    this.fFlags[child] = 0;
    if (m.edgeNetMs[e] > 0) this.cross(e, child);
    else this.arrive(child);
  }

  /** Frame f sends an async message down edge e. */
  protected sendAsync(f: number, e: number): void {
    const m = this.m;
    if (this.live >= MAX_LIVE_VISITS) {
      this.capHit = true;
      this.raw.totals[T_CAP_DROPS]++;
      return;
    }
    const child = this.allocFrame();
    this.fNode[child] = m.edgeTarget[e];
    this.fStation[child] = this.fStation[f];
    this.fCall[child] = -1;
    this.fFlags[child] = F_ASYNC;
    if (m.edgeNetMs[e] > 0) this.cross(e, child);
    else this.arrive(child);
  }

  /** Frame `child` reaches its node after edge e's network delay: on the edge's delay lane, or the heap. */
  private cross(e: number, child: number): void {
    const t = this.now + this.m.edgeNetMs[e];
    const lane = this.lanes.laneOfEdge[e];
    if (lane >= 0) this.lanes.push(lane, t, this.q.takeSeq(), child);
    else this.q.push(t, EV_NODE, child, 0);
  }

  protected onTimeout(c: number, token: number): void {
    if (this.cToken[c] !== token) return; // answered already: lazily cancelled
    if (this.now >= this.warmMs) this.raw.totals[T_TIMEOUTS]++;
    if (this.cLeft[c] > 0) {
      this.cLeft[c]--;
      this.attempt(c);
    } else this.answer(c, true);
  }

  /**
   * Call c is over (answered, failed after its last attempt, or dropped
   * downstream). Answers go through a work list: an answer that ends its
   * caller's visit answers the caller's caller, and so on up a request's
   * tree; done recursively that is one stack level per level of the
   * design, which a 2000-node chain overflows. Every answer is processed
   * in the order it is given (inside the list's loop an answer is always
   * the last thing its caller does, or, in a fork, one whose effect
   * commutes), so the results are those of the recursive rule.
   */
  protected answer(c: number, failed: boolean): void {
    if (this.answering) {
      this.answers.push(failed ? 2 * c + 1 : 2 * c);
      return;
    }
    this.answering = true;
    this.callReturned(c, failed);
    const list = this.answers;
    while (list.size > 0) {
      const x = list.shift();
      this.callReturned(x >>> 1, (x & 1) === 1);
    }
    this.answering = false;
  }

  /** Processes one answer (see {@link answer}): the stage goes on, ends, or the visit completes. */
  protected callReturned(c: number, failed: boolean): void {
    const f = this.cFrame[c];
    this.freeCall(c);
    if (failed) this.fFlags[f] |= F_FAILED;
    if (!this.m.stageSerial[this.fEdge[f]]) {
      if (--this.fLeft[f] > 0) return;
      if (this.fFlags[f] & F_FAILED) this.complete(f);
      else this.nextStage(f);
    } else if (failed) this.complete(f);
    else this.nextStage(f);
  }

  /** Frame f has made all its calls: answer its caller, or finish its request. */
  protected complete(f: number): void {
    const flags = this.fFlags[f];
    if (flags & F_HOLDING) this.release(this.fNode[f], this.fStation[f], 1);
    if (flags & F_ROOT) {
      this.finishRequest(f, flags);
      return;
    }
    const c = this.fCall[f];
    const token = this.fToken[f];
    this.freeFrame(f);
    if (!(flags & F_ASYNC) && this.cToken[c] === token) this.answer(c, (flags & F_FAILED) !== 0);
  }

  protected finishRequest(f: number, flags: number): void {
    const latency = this.now - this.fArriveMs[f];
    const failed = (flags & F_FAILED) !== 0;
    const w = this.windowOf(this.now);
    const series = this.raw.series;
    this.freeFrame(f);
    if (failed) {
      series[w * SERIES_FIELDS + S_ERRORS]++;
      if (flags & F_COUNTED) {
        this.countedLive--;
        this.raw.totals[T_ERRORS]++;
      }
      return;
    }
    // One bucket lookup serves both histograms: the coarse (16 per octave) bucket is the fine (128) one's top bits.
    const fine = bucketOf(latency, this.fineBits);
    series[w * SERIES_FIELDS + S_COMPLETED]++;
    this.raw.seriesHist[w * this.seriesBuckets + (fine === 0 ? 0 : ((fine - 1) >> this.coarseShift) + 1)]++;
    if (!(flags & F_COUNTED)) return;
    this.countedLive--;
    const t = this.raw.totals;
    t[T_COMPLETED]++;
    t[T_LAT_SUM] += latency;
    t[T_LAT_SUM_SQ] += latency * latency;
    if (latency > t[T_LAT_MAX]) t[T_LAT_MAX] = latency;
    this.raw.latency[fine]++;
  }
}
