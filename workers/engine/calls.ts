/**
 * What happens after a visit's service: the node's outgoing calls (sync,
 * stage by stage, each stage forked and joined; async messages), their attempts, timeouts and
 * retries, and the answers travelling back up a request's tree of visits to
 * the request's end. The station side (arrivals, queues, servers, batching)
 * is the Simulator in simulate.ts, which extends this class.
 */
import * as C from './compile';
import type { CompiledModel } from './compile';
import { DelayLanes } from './delayLanes';
import * as E from './events';
import { EventQueue } from './eventQueue';
import { bucketOf as bucketOfImported } from './histogram';
import * as R from './raw';
import { Rng, streamSeed } from './rng';
import * as S from './simState';
import { SimState } from './simState';

// Module-local bindings: imported bindings can cost a getter call per use under some loaders (tsx, vite-node).
const { SERIES_FIELDS, S_COMPLETED, S_ERRORS, T_CAP_DROPS, T_COMPLETED, T_ERRORS, T_LAT_MAX, T_LAT_SUM, T_LAT_SUM_SQ, T_TIMEOUTS } = R;
const { F_ASYNC, F_COUNTED, F_FAILED, F_HOLDING, F_ROOT } = S;
const { EV_NODE, EV_TIMEOUT } = E;
const { TAKE_ALWAYS, TAKE_IF_CHOSEN } = C;
const bucketOf = bucketOfImported;

/** forkStage's outcomes: the next stage starts; calls are out; a call failed at once and the stage is over. */
const FORK_NEXT = 0;
const FORK_OUT = 1;
const FORK_FAILED = 2;

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
    if (!this.advance(f)) this.complete(f);
  }

  /** `routing: one`: the edge of node i taken on this visit, by weight (−1 when every weight is 0). */
  protected chooseEdge(i: number): number {
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
   * stage, else the next stage (a fork of its calls: forkStage). True when
   * the visit goes on (a call is out); false when it has made all its calls
   * (the caller then completes it). fEdge is the current stage; fLeft the
   * serial stage's calls still to make, or the parallel stage's calls still
   * out. Kept small so that V8 inlines it on the answer path, the hot path
   * of call trees (docs/performance.md).
   */
  protected advance(f: number): boolean {
    const m = this.m;
    const end = m.nodeStage0[this.fNode[f] + 1];
    for (;;) {
      if (this.fLeft[f] > 0) {
        this.fLeft[f]--;
        this.startCall(f, m.stageEdge0[this.fEdge[f]]);
        return true;
      }
      const k = ++this.fEdge[f];
      if (k >= end) return false;
      const e0 = m.stageEdge0[k];
      if (!m.stageSerial[k]) {
        const go = this.forkStage(f, k);
        if (go === FORK_NEXT) continue;
        return go === FORK_OUT;
      }
      if (!this.takes(f, e0)) continue;
      if (m.edgeAsync[e0]) {
        for (let c = m.edgeCount[e0]; c > 0; c--) this.sendAsync(f, e0);
        continue;
      }
      // The stage's first call at once (the rest, count − 1, by the branch above as answers come back).
      const n = m.edgeCount[e0];
      if (n > 0) {
        this.fLeft[f] = n - 1;
        this.startCall(f, e0);
        return true;
      }
    }
  }

  /** Whether frame f's visit takes edge e: the edge chosen (`routing: one`), else the edge's own probability. */
  private takes(f: number, e: number): boolean {
    const m = this.m;
    const how = m.edgeTake[e];
    if (how === TAKE_ALWAYS) return true;
    if (how === TAKE_IF_CHOSEN) return this.fChoice[f] === e;
    return this.routeRng[this.fNode[f]].next() < m.edgeProb[e];
  }

  /**
   * Starts parallel stage k of frame f: every call of the stage at once.
   * FORK_NEXT when the stage is already over without a failure (no sync
   * call made, or all answered at once): the next stage starts; FORK_OUT
   * when calls are out; FORK_FAILED when a call failed at once and every
   * call has answered (the visit completes, failed).
   */
  private forkStage(f: number, k: number): number {
    const m = this.m;
    const e1 = m.stageEdge0[k + 1];
    this.fLeft[f] = 1; // guard: calls failing at once must not end the stage mid-fork
    for (let e = m.stageEdge0[k]; e < e1; e++) {
      if (!this.takes(f, e)) continue;
      for (let c = m.edgeCount[e]; c > 0; c--) {
        if (m.edgeAsync[e]) this.sendAsync(f, e);
        else {
          this.fLeft[f]++;
          this.startCall(f, e);
        }
      }
    }
    if (--this.fLeft[f] > 0) return FORK_OUT;
    return this.fFlags[f] & F_FAILED ? FORK_FAILED : FORK_NEXT;
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
    // Where the call comes from matters only to a balancer (a unit's replica stickiness); arrive() sets the station.
    if (m.anyBalanced) this.fStation[child] = this.fStation[this.cFrame[c]];
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
    if (m.anyBalanced) this.fStation[child] = this.fStation[f];
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
   * downstream). Its caller's stage goes on, or the caller's visit is now
   * complete: then it answers its own caller, and so on up the request's
   * tree. That walk up is this loop, not recursion: one stack level per
   * level of the design would overflow on a 2000-node chain. The order of
   * the work is the recursive rule's.
   */
  protected answer(c: number, failed: boolean): void {
    for (;;) {
      const f = this.callReturned(c, failed);
      if (f < 0) return;
      const x = this.closeVisit(f);
      if (x < 0) return;
      c = x >>> 1;
      failed = (x & 1) === 1;
    }
  }

  /** Processes one answer: returns the caller's frame when its visit is now complete, else −1 (its stage goes on or waits). */
  protected callReturned(c: number, failed: boolean): number {
    const f = this.cFrame[c];
    this.freeCall(c);
    if (failed) this.fFlags[f] |= F_FAILED;
    if (!this.m.stageSerial[this.fEdge[f]]) {
      if (--this.fLeft[f] > 0) return -1;
      if (this.fFlags[f] & F_FAILED) return f;
    } else if (failed) return f;
    return this.advance(f) ? -1 : f;
  }

  /** Frame f has made all its calls: answer its caller, or finish its request. */
  protected complete(f: number): void {
    const x = this.closeVisit(f);
    if (x >= 0) this.answer(x >>> 1, (x & 1) === 1);
  }

  /**
   * Ends frame f's visit (releasing a held server) and frees it. Returns the
   * answer it owes, 2 × call + failed, or −1 when it owes none: a finished
   * request, an async message, or an attempt already abandoned.
   */
  protected closeVisit(f: number): number {
    const flags = this.fFlags[f];
    if (flags & F_HOLDING) this.release(this.fNode[f], this.fStation[f], 1);
    if (flags & F_ROOT) {
      this.finishRequest(f, flags);
      return -1;
    }
    const c = this.fCall[f];
    const token = this.fToken[f];
    this.freeFrame(f);
    if (flags & F_ASYNC || this.cToken[c] !== token) return -1;
    return flags & F_FAILED ? 2 * c + 1 : 2 * c;
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
