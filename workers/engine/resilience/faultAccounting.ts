/**
 * The fault scenario's accounting, as the lowest of its three mixin layers
 * (scenarioCrash.ts stacks the crashes on this one, and withScenario in
 * scenarioCore.ts the timeline on those):
 * the cause of every failure and the counts by cause and per window
 * (faultRaw.ts), for the scenario and for the resilience patterns built on it.
 *
 * - Per frame, the cause of its failure (`fCause`: a reused frame starts with
 *   none, i.e. error). `pendingCause` is the cause of the failure being
 *   answered now (set just before answer(c, true)), or of the attempt failed
 *   before a retry: a timeout, a request refused by the safety cap (dropped),
 *   a Triton queue-policy rejection (timeout).
 * - failVisit: a visit fails at once (a request fails, an attempt fails and
 *   may be retried, a message is lost); failAttempt: the next attempt at once
 *   while the call's retries allow, else the call fails; failArrival: a visit
 *   that fails as it arrives (counted as a visit).
 * - answer carries the failure's cause up the request's tree; finishRequest
 *   counts each finished request in its window (finished, succeeded, failed,
 *   bad, latency sum) and each counted failure by cause; touchNode spreads a
 *   node's busy and waiting areas over the result windows.
 * run() hands the counts back as the result's `fault` array.
 */
import type { CompiledModel } from '../compile';
import * as R from '../raw';
import type { Simulator } from '../simulate';
import * as S from '../simState';
import { CAUSE_DROPPED, CAUSE_ERROR, CAUSE_TIMEOUT } from './failureCauses';
import * as F from './faultRaw';

const { N_DROPPED, N_VISITS, NODE_FIELDS, T_CAP_DROPS, T_DROPPED } = R;
const { F_ASYNC, F_COUNTED, F_FAILED, F_ROOT } = S;

/** A simulator class the scenario can be mixed into (TypeScript's mixin form: a constructor of any[]). */
// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
export type SimulatorClass = new (...args: any[]) => Simulator;

/** `Base` with the fault accounting (see the module note); Base is constructed with (model, spec). */
export function withFaultAccounting<B extends SimulatorClass>(Base: B) {
  return class FaultAccountingMixin extends Base {
    /** Per frame (grown with the frames): the cause of its failure. */
    protected fCause = new Uint8Array(1024);
    /** The cause of the failure being answered (set just before answer(c, true)), or of the attempt failed before a retry. */
    protected pendingCause = CAUSE_ERROR;
    private rootDropped = false;
    /** The counts (faultRaw.ts's layout). */
    protected readonly fr: Float64Array;
    private readonly nodeLast: Float64Array;
    private readonly thresholdMs: number;

    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern requires a constructor taking any[]
    constructor(...args: any[]) {
      super(...args);
      const m = args[0] as CompiledModel;
      const n = m.nodeCount;
      this.fr = new Float64Array(F.faultRawLength(n, this.windows));
      this.nodeLast = new Float64Array(n);
      this.thresholdMs = m.sloThresholdMs;
    }

    override run(): R.DesignRaw {
      const raw = super.run();
      this.fr[F.FR_CAUSES + CAUSE_DROPPED] += raw.totals[T_DROPPED];
      raw.fault = this.fr;
      return raw;
    }

    override allocFrame(): number {
      const f = super.allocFrame();
      if (f >= this.fCause.length) {
        const cause = new Uint8Array(this.fNode.length);
        cause.set(this.fCause);
        this.fCause = cause;
      }
      this.fCause[f] = CAUSE_ERROR; // not a reused frame's last cause
      return f;
    }

    /** Visit f of node i failed at once: a request fails, an attempt fails (and may be retried), a message is lost. */
    protected failVisit(f: number, i: number, cause: number): void {
      this.fr[F.nodeWindowOffset(i, this.windowOf(this.now), this.windows) + F.NW_ERRORS]++;
      const flags = this.fFlags[f];
      if (flags & F_ROOT) {
        this.fFlags[f] = flags | F_FAILED;
        this.fCause[f] = cause;
        this.finishRequest(f, flags | F_FAILED);
        return;
      }
      const c = this.fCall[f];
      const token = this.fToken[f];
      this.freeFrame(f);
      if (!(flags & F_ASYNC) && this.cToken[c] === token) this.failAttempt(c, cause);
    }

    /** An attempt of call c failed: the next attempt at once while retries are left, else the call fails. */
    protected failAttempt(c: number, cause: number): void {
      this.pendingCause = cause;
      if (this.cLeft[c] > 0) {
        this.cLeft[c]--;
        this.attempt(c);
        return;
      }
      this.pendingCause = cause;
      this.answer(c, true);
    }

    protected override onArrival(): void {
      const t = this.raw.totals;
      const caps = t[T_CAP_DROPS];
      this.rootDropped = false;
      super.onArrival();
      if (this.rootDropped || t[T_CAP_DROPS] > caps) {
        const o = F.windowOffset(this.windowOf(this.now));
        this.fr[o + F.W_FINISHED]++;
        this.fr[o + F.W_BAD]++;
        this.fr[o + F.W_FAILED]++;
      }
    }

    /** Visit f arrived at node i and fails at once (counted as a visit). */
    protected failArrival(f: number, i: number, cause: number): void {
      this.fArriveMs[f] = this.now;
      if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_VISITS]++;
      this.failVisit(f, i, cause);
    }

    /**
     * A visit dropped by a full queue. An attempt of a sync call with retries left is a failed attempt like the others
     * (issue 11): retried after its back-off, within its budget (failAttempt). Otherwise, as without a scenario: the
     * call fails at once, a dropped entry request counts in `dropped`, a message is lost.
     */
    protected override drop(f: number, i: number): void {
      const flags = this.fFlags[f];
      if (flags & F_ROOT) this.rootDropped = true;
      this.fr[F.nodeWindowOffset(i, this.windowOf(this.now), this.windows) + F.NW_ERRORS]++;
      this.pendingCause = CAUSE_DROPPED;
      const c = this.fCall[f];
      if (!(flags & (F_ROOT | F_ASYNC)) && this.cToken[c] === this.fToken[f] && this.cLeft[c] > 0) {
        if (this.now >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_DROPPED]++;
        this.freeFrame(f);
        this.failAttempt(c, CAUSE_DROPPED);
        return;
      }
      super.drop(f, i);
    }

    protected override onTimeout(c: number, token: number): void {
      this.pendingCause = CAUSE_TIMEOUT;
      super.onTimeout(c, token);
    }

    /** A Triton queue-policy rejection (default_timeout_microseconds passed in the queue) fails with cause timeout. */
    protected override tritonTimedOut(f: number): void {
      this.fCause[f] = CAUSE_TIMEOUT;
    }

    protected override complete(f: number): void {
      this.pendingCause = this.fCause[f];
      super.complete(f);
    }

    /** As calls.ts's answer, carrying the failure's cause up the request's tree (a frame keeps its last failed call's). */
    protected override answer(c: number, failed: boolean): void {
      let cause = this.pendingCause;
      for (;;) {
        if (failed) this.fCause[this.cFrame[c]] = cause;
        const f = this.callReturned(c, failed);
        if (f < 0) return;
        cause = this.fCause[f];
        const x = this.closeVisit(f);
        if (x < 0) return;
        c = x >>> 1;
        failed = (x & 1) === 1;
      }
    }

    protected override finishRequest(f: number, flags: number): void {
      const fr = this.fr;
      const o = F.windowOffset(this.windowOf(this.now));
      fr[o + F.W_FINISHED]++;
      if (flags & F_FAILED) {
        fr[o + F.W_BAD]++;
        fr[o + F.W_FAILED]++;
        if (flags & F_COUNTED) fr[F.FR_CAUSES + this.fCause[f]]++;
      } else {
        const latency = this.now - this.fArriveMs[f];
        fr[o + F.W_SUCCEEDED]++;
        fr[o + F.W_LAT_SUM] += latency;
        if (latency > this.thresholdMs) fr[o + F.W_BAD]++;
        else if (flags & F_COUNTED) fr[F.FR_GOOD]++;
      }
      super.finishRequest(f, flags);
    }

    /** Also spreads node i's busy and waiting areas since its last change over the result windows. */
    override touchNode(i: number): void {
      const t0 = this.nodeLast[i];
      const now = this.now;
      if (now > t0) {
        const busy = this.nBusy[i];
        const waiting = this.nQueued[i];
        if (busy !== 0 || waiting !== 0) {
          const wMs = this.raw.windowMs;
          let t = t0;
          while (t < now) {
            let k = this.windowOf(t);
            // t × (1 / wMs) can round down across a window's end: step to the window that holds t.
            while (k < this.windows - 1 && (k + 1) * wMs <= t) k++;
            const edge = k === this.windows - 1 ? now : Math.min(now, (k + 1) * wMs);
            const o = F.nodeWindowOffset(i, k, this.windows);
            this.fr[o + F.NW_BUSY] += busy * (edge - t);
            this.fr[o + F.NW_QUEUE] += waiting * (edge - t);
            t = edge;
          }
        }
      }
      this.nodeLast[i] = now;
      super.touchNode(i);
    }
  };
}
