/**
 * Hedged calls on edges with `hedging` (hedging.ts), the middle layer of
 * {@link PatternSimulator} (patternSim.ts): attempt 1 at the call, attempt k
 * `hedgeAfterMs` after k − 1 (EV_HEDGE), a failed attempt sends the next at
 * once; the first success answers the caller; the losers are cancelled: one
 * that has not started service when the call is over (waiting in a queue, or
 * still on the network) is discarded when a server would take it, without
 * using it; one in service runs to its end, its answer ignored. The call
 * fails when every attempt failed. Calls on other edges hand straight on.
 */
import type { CompiledModel } from '../compile';
import { EV_HEDGE } from '../events';
import { F_ASYNC, F_FAILED, F_ROOT } from '../simState';
import { CAUSE_DROPPED } from './failureCauses';
import { HEDGE_FAIL, HEDGE_SEND_NOW, HEDGE_WIN, HedgedCalls } from './hedging';
import type { ScenarioSimulatorClass } from './patternBase';
import { withClosedWorkload } from './patternClosed';

/** The closed-workload layer over `Base` with hedged calls. */
export function withHedging<B extends ScenarioSimulatorClass>(Base: B) {
  return class HedgingPatternSim extends withClosedWorkload(Base) {
    /** Hedged calls, one slot per call record (null without hedged edges). */
    private hedges: HedgedCalls | null;
    /** Per call: the token of its first attempt (its attempts have tokens from it on), −1 before. */
    private cHedgeBase = new Float64Array(1024).fill(-1);
    /** Per frame: 1 for an attempt of a hedged call. */
    private fHedged = new Uint8Array(1024);
    /**
     * The token of the hedged attempt being sent, −1 for none: the frame allocated while tokenSeq is this token is
     * that attempt. Not a plain flag: an attempt that fails before it has a frame (a partition, the safety cap)
     * answers at once, and the frames allocated on that answer's way up (other calls' attempts) are not hedged.
     */
    private hedgingToken = -1;
    /** Hedged attempts discarded before service (cancelled losers). */
    hedgesCancelled = 0;

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      const m = args[0] as CompiledModel;
      this.hedges = m.patterns?.edgeHedgeAfterMs.some((x) => x >= 0) ? new HedgedCalls(1024) : null;
    }

    /** Whether call c is on a hedged edge. */
    protected hedgedCall(c: number): boolean {
      return this.hedges !== null && this.m.patterns!.edgeHedgeAfterMs[this.cEdge[c]] >= 0;
    }

    /**
     * Whether frame f (an attempt of a hedged call) belongs to the call now in its call slot and that call is still
     * going on. Tokens are unique and increasing, so the call's first token (cHedgeBase) is its generation: every
     * attempt of the call has a token from it on, every attempt of an earlier call in the slot one below it. A slot
     * freed and reused by a call on an unhedged edge has no base (−1): a cancelled copy of the hedged call before
     * must not count as its attempt (it would take over the new call's token, and the new call would never answer).
     */
    private hedgedLive(f: number): boolean {
      const c = this.fCall[f];
      const base = this.cHedgeBase[c];
      return base >= 0 && this.cToken[c] !== -1 && this.fToken[f] >= base;
    }

    /** Whether frame f is an attempt of a hedged call (not a root, not a message). */
    private isHedgedAttempt(f: number): boolean {
      return this.hedges !== null && this.fHedged[f] === 1 && (this.fFlags[f] & (F_ROOT | F_ASYNC)) === 0;
    }

    /** Sends the next attempt of hedged call c (already counted by HedgedCalls), re-arming its timer. */
    private sendHedge(c: number): void {
      const at = this.hedges!.nextTimerMs[c];
      if (at < Number.POSITIVE_INFINITY) this.q.push(at, EV_HEDGE, c, this.cHedgeBase[c]);
      this.attempt(c);
    }

    protected override onHedge(c: number, base: number): void {
      if (this.cToken[c] === -1 || this.cHedgeBase[c] !== base) return; // the call is over
      const p = this.m.patterns!;
      const e = this.cEdge[c];
      if (this.hedges!.onTimer(c, this.now, p.edgeHedgeAfterMs[e], p.edgeHedgeMax[e])) this.sendHedge(c);
    }

    /** An attempt of hedged call c answered (ok or failed): the call's answer to give, 2 × c + failed, or −1 for none yet. */
    private hedgeAnswer(c: number, ok: boolean): number {
      const p = this.m.patterns!;
      const e = this.cEdge[c];
      const code = this.hedges!.onAnswer(c, this.now, ok, p.edgeHedgeAfterMs[e], p.edgeHedgeMax[e]);
      if (code === HEDGE_WIN) return 2 * c;
      if (code === HEDGE_FAIL) return 2 * c + 1;
      if (code === HEDGE_SEND_NOW) this.sendHedge(c);
      return -1;
    }

    protected override closeVisit(f: number): number {
      if (!this.isHedgedAttempt(f) || !this.hedgedLive(f)) return super.closeVisit(f);
      const c = this.fCall[f];
      const ok = (this.fFlags[f] & F_FAILED) === 0;
      this.cToken[c] = this.fToken[f];
      super.closeVisit(f);
      return this.hedgeAnswer(c, ok);
    }

    protected override failVisit(f: number, i: number, cause: number): void {
      if (this.isHedgedAttempt(f) && this.hedgedLive(f)) this.cToken[this.fCall[f]] = this.fToken[f];
      super.failVisit(f, i, cause);
    }

    protected override failAttempt(c: number, cause: number): void {
      if (!this.hedgedCall(c)) {
        super.failAttempt(c, cause);
        return;
      }
      const x = this.hedgeAnswer(c, false);
      if (x >= 0) {
        this.pendingCause = cause;
        this.answer(c, true);
      }
    }

    protected override startService(f: number, i: number, s: number): void {
      if (this.isHedgedAttempt(f) && !this.hedgedLive(f)) {
        // A cancelled loser: it leaves without using the server (the caller's loop goes on to the next).
        this.discardHedge(f, s);
        return;
      }
      super.startService(f, i, s);
    }

    /** Cancelled loser f leaves station s, where a server would have taken it, without using it. */
    protected discardHedge(f: number, s: number): void {
      this.hedgesCancelled++;
      this.outstandingDelta(s, -1);
      this.freeFrame(f);
    }

    protected override drop(f: number, i: number): void {
      if (this.isHedgedAttempt(f) && this.hedgedLive(f)) {
        // The base would answer the call on the latest attempt's token only: answer through the hedge instead.
        const c = this.fCall[f];
        const token = this.cToken[c];
        this.cToken[c] = -2;
        super.drop(f, i);
        this.cToken[c] = token;
        this.failAttempt(c, CAUSE_DROPPED);
        return;
      }
      super.drop(f, i);
    }

    override allocFrame(): number {
      const f = super.allocFrame();
      // Unset while the base constructors run.
      if (this.hedges == null) return f;
      if (f >= this.fHedged.length) {
        const grown = new Uint8Array(Math.max(f + 1, this.fHedged.length * 2));
        grown.set(this.fHedged);
        this.fHedged = grown;
      }
      this.fHedged[f] = this.hedgingToken >= 0 && this.tokenSeq === this.hedgingToken ? 1 : 0;
      this.hedgingToken = -1;
      return f;
    }

    override allocCall(): number {
      const c = super.allocCall();
      // Unset while the base constructors run.
      if (this.hedges == null) return c;
      if (c >= this.cHedgeBase.length) {
        const grown = new Float64Array(Math.max(c + 1, this.cHedgeBase.length * 2)).fill(-1);
        grown.set(this.cHedgeBase);
        this.cHedgeBase = grown;
      }
      if (c >= this.hedges.sent.length) {
        const h = new HedgedCalls(Math.max(c + 1, this.hedges.sent.length * 2));
        h.sent.set(this.hedges.sent);
        h.outstanding.set(this.hedges.outstanding);
        h.done.set(this.hedges.done);
        h.nextTimerMs.set(this.hedges.nextTimerMs);
        this.hedges = h;
      }
      this.cHedgeBase[c] = -1;
      return c;
    }

    protected override attempt(c: number): void {
      if (!this.hedgedCall(c)) {
        super.attempt(c);
        return;
      }
      const hedges = this.hedges!;
      if (this.cHedgeBase[c] < 0) {
        // The call's first attempt: its token is the next one (no breaker on a hedged edge).
        const p = this.m.patterns!;
        const e = this.cEdge[c];
        this.cHedgeBase[c] = this.tokenSeq + 1;
        const at = hedges.start(c, this.now, p.edgeHedgeAfterMs[e], p.edgeHedgeMax[e]);
        if (at < Number.POSITIVE_INFINITY) this.q.push(at, EV_HEDGE, c, this.cHedgeBase[c]);
      }
      this.hedgingToken = this.tokenSeq + 1;
      super.attempt(c);
      this.hedgingToken = -1;
    }
  };
}
