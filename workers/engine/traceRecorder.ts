/**
 * The recording hooks of a trace, as a mixin over any simulator class: the
 * plain Simulator, the ElasticSimulator (autoscaling), the ScenarioSimulator
 * (fault events) or the PatternSimulator (resilience patterns), and the last
 * two on autoscaled designs (ElasticScenarioSimulator, ElasticPatternSimulator);
 * trace.ts picks the class a normal run uses. Each override
 * records, then runs the engine's own code, so a traced request lives exactly
 * the life it has in a normal run of the same seed; normal runs never use
 * these classes, so recording costs them nothing.
 *
 * Failures: a visit that fails at a node (crash or outage of its replica, an
 * injected error, admission control's rejection: the scenario simulator's
 * `failVisit`) is recorded as a visit with its cause; a call attempt that
 * fails (at the callee, by a partition, by an open breaker, or because a
 * retry replaced it) records its cause; a failed request records the cause
 * the engine gives it (failureCauses.ts).
 */
import { CAUSE_DROPPED, CAUSE_ERROR, CAUSE_PARTITION, CAUSE_TIMEOUT } from './resilience/failureCauses';
import { PARTITION_NONE, partitionAt, segmentAt } from './resilience/scenarioTimeline';
import { F_FAILED, F_ROOT } from './simState';
import type { Simulator } from './simulate';
import {
  CALL_ASYNC,
  CALL_FAILED,
  CALL_OK,
  CALL_OPEN,
  CALL_TIMEOUT,
  MAX_TRACE_CALLS,
  MAX_TRACE_LEVELS,
  MAX_TRACE_VISITS,
  REQ_DROPPED,
  REQ_FAILED,
  REQ_OK,
  REQ_UNFINISHED,
} from './traceResult';

/** Which requests to record: the first `requests` arriving at or after `startMs`. */
export interface Sampling {
  startMs: number;
  requests: number;
}

/** A simulator class the recorder can extend (constructed with a model and a spec; TypeScript's mixins need `any[]` here). */
// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern's required constructor type
export type SimulatorClass = new (...args: any[]) => Simulator;

/** The scenario simulator's failure hook and current cause (absent on the plain and elastic simulators). */
interface FailureHooks {
  failVisit(f: number, i: number, cause: number): void;
  failAttempt(c: number, cause: number): void;
  pendingCause: number;
}

/** The recorded arrays, as plain number lists (packed into typed arrays by trace.ts). */
export function newRecording() {
  return {
    reqArrive: [] as number[], reqEnd: [] as number[], reqStatus: [] as number[], reqCause: [] as number[],
    vReq: [] as number[], vNode: [] as number[], vCall: [] as number[], vEnter: [] as number[], vStart: [] as number[], vEnd: [] as number[], vCause: [] as number[],
    cReq: [] as number[], cEdge: [] as number[], cFrom: [] as number[], cTo: [] as number[], cSend: [] as number[], cArrive: [] as number[], cReturn: [] as number[], cOutcome: [] as number[], cCause: [] as number[],
    lNode: [] as number[], lMs: [] as number[], lQueued: [] as number[], lBusy: [] as number[],
  };
}

function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, a.length * 2)).fill(-1);
  b.set(a);
  return b;
}

/** `Base` with the recording hooks (see the module note); call `sample` before `run`. */
export function Traced<B extends SimulatorClass>(Base: B) {
  const hooks = Base.prototype as unknown as Partial<FailureHooks>;
  const baseFailVisit = hooks.failVisit;
  const baseFailAttempt = hooks.failAttempt;
  return class TracedSimulator extends Base {
    readonly rec = newRecording();
    s: Sampling = { startMs: Number.POSITIVE_INFINITY, requests: 0 };
    initialQueued: Int32Array | null = null;
    initialBusy: Int32Array | null = null;
    firstMs = Number.NaN;
    doneMs = Number.NaN;
    truncated = false;
    /** Per frame: the sampled request it belongs to (−1: not sampled), and the call record it answers. */
    owner: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
    frameCall: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
    /** Per call slot: its current attempt's record (−1: none). */
    callRec: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
    pendingOwner = -1;
    pendingCall = -1;
    sampledLive = 0;
    /** The plain simulator's failure cause so far (the scenario simulator keeps its own: `pendingCause`). */
    carry = CAUSE_ERROR;

    sample(s: Sampling): this {
      this.s = s;
      return this;
    }

    recording(): boolean {
      return this.rec !== undefined && this.rec.reqArrive.length > 0 && Number.isNaN(this.doneMs);
    }

    /** The cause of the failure being answered now. */
    causeNow(): number {
      const p = (this as unknown as Partial<FailureHooks>).pendingCause;
      return p ?? this.carry;
    }

    protected override onArrival(): void {
      const r = this.rec;
      if (this.now >= this.s.startMs && r.reqArrive.length < this.s.requests) {
        if (r.reqArrive.length === 0) {
          this.firstMs = this.now;
          this.initialQueued = this.nQueued.slice();
          this.initialBusy = this.nBusy.slice();
        }
        this.pendingOwner = r.reqArrive.length;
        r.reqArrive.push(this.now);
        r.reqEnd.push(Number.NaN);
        r.reqStatus.push(REQ_UNFINISHED);
        r.reqCause.push(-1);
      }
      const o = this.pendingOwner;
      super.onArrival();
      if (this.pendingOwner >= 0) {
        // Refused by the engine's safety cap before it got a visit.
        r.reqEnd[o] = this.now;
        r.reqStatus[o] = REQ_DROPPED;
        r.reqCause[o] = CAUSE_DROPPED;
      }
      this.pendingOwner = -1;
    }

    override allocFrame(): number {
      const f = super.allocFrame();
      if (this.owner === undefined) return f; // a base constructor's frame (none today)
      if (f >= this.owner.length) {
        const n = this.fNode.length;
        this.owner = grown(this.owner, n);
        this.frameCall = grown(this.frameCall, n);
      }
      this.owner[f] = this.pendingOwner;
      this.frameCall[f] = this.pendingCall;
      if (this.pendingCall >= 0) {
        const r = this.rec;
        r.cArrive[this.pendingCall] = this.now + this.m.edgeNetMs[r.cEdge[this.pendingCall]];
      }
      if (this.pendingOwner >= 0) {
        this.sampledLive++;
        // Only ever read after service starts sets it: NaN tells a failed visit that never started.
        this.fStartMs[f] = Number.NaN;
      }
      this.pendingOwner = -1;
      this.pendingCall = -1;
      return f;
    }

    override freeFrame(f: number): void {
      if (this.owner !== undefined && this.owner[f] >= 0) {
        this.owner[f] = -1;
        if (--this.sampledLive === 0 && this.rec.reqArrive.length === this.s.requests && Number.isNaN(this.doneMs)) this.doneMs = this.now;
      }
      super.freeFrame(f);
    }

    override queueDelta(i: number, d: number): void {
      super.queueDelta(i, d);
      if (this.recording()) this.level(i);
    }

    override busyDelta(i: number, d: number): void {
      super.busyDelta(i, d);
      if (this.recording()) this.level(i);
    }

    level(i: number): void {
      const r = this.rec;
      if (r.lMs.length >= MAX_TRACE_LEVELS) {
        this.truncated = true;
        return;
      }
      r.lNode.push(i);
      r.lMs.push(this.now);
      r.lQueued.push(this.nQueued[i]);
      r.lBusy.push(this.nBusy[i]);
    }

    protected override recordVisit(f: number, i: number): void {
      if (this.owner[f] >= 0) this.visit(f, i, this.fArriveMs[f], this.fStartMs[f], -1);
      super.recordVisit(f, i);
    }

    protected override drop(f: number, i: number): void {
      const o = this.owner[f];
      this.carry = CAUSE_DROPPED;
      if (o >= 0) {
        this.visit(f, i, this.now, Number.NaN, CAUSE_DROPPED);
        if (this.fFlags[f] & F_ROOT) {
          this.rec.reqEnd[o] = this.now;
          this.rec.reqStatus[o] = REQ_DROPPED;
          this.rec.reqCause[o] = CAUSE_DROPPED;
        }
      }
      super.drop(f, i);
    }

    /** The scenario simulator's "visit f of node i failed at once" (crash, outage, error, rejected); never called on the others. */
    protected failVisit(f: number, i: number, cause: number): void {
      const o = this.owner[f];
      if (o >= 0) {
        this.visit(f, i, this.fArriveMs[f], this.fStartMs[f], cause);
        if (this.fFlags[f] & F_ROOT) this.rec.reqCause[o] = cause;
      }
      baseFailVisit?.call(this, f, i, cause);
    }

    /** The scenario simulator's "an attempt of call c failed" (error, crash, outage, partition, rejected): closed now, before a retry or its back-off. */
    protected failAttempt(c: number, cause: number): void {
      if (!this.hedged(this.cEdge[c])) this.closeCall(c, CALL_FAILED, cause);
      baseFailAttempt?.call(this, c, cause);
    }

    /** Whether edge e sends hedged attempts (several open at once: a call's record is its latest). */
    hedged(e: number): boolean {
      return (this.m.patterns?.edgeHedgeAfterMs[e] ?? -1) >= 0;
    }

    visit(f: number, i: number, enterMs: number, startMs: number, cause: number): void {
      const r = this.rec;
      if (r.vReq.length >= MAX_TRACE_VISITS) {
        this.truncated = true;
        return;
      }
      r.vReq.push(this.owner[f]);
      r.vNode.push(i);
      r.vCall.push(this.frameCall[f]);
      r.vEnter.push(enterMs);
      r.vStart.push(startMs);
      r.vEnd.push(this.now);
      r.vCause.push(cause);
    }

    /** Edge e's partition mode now (PARTITION_NONE without a scenario). */
    partitioned(e: number): number {
      const sc = this.m.scenario;
      if (sc === null || sc.timeline.edgeColumn[e] < 0) return PARTITION_NONE;
      return partitionAt(sc.timeline, segmentAt(sc.timeline, this.now), e);
    }

    protected override attempt(c: number): void {
      if (c >= this.callRec.length) this.callRec = grown(this.callRec, this.cFrame.length);
      const f = this.cFrame[c];
      const o = this.owner[f];
      const e = this.cEdge[c];
      const open = this.callRec[c];
      if (open >= 0) {
        // A new attempt while the last is open: a hedge (which leaves the last running), or a retry the hooks above did not see end.
        if (!this.hedged(e)) this.closeCall(c, CALL_FAILED, this.causeNow());
      }
      this.callRec[c] = o >= 0 ? this.call(o, e, f, CALL_OPEN) : -1;
      const k = this.callRec[c];
      // Arrives only if a visit is made (allocFrame): a partition, an open breaker or the safety cap send nothing.
      if (k >= 0) this.rec.cArrive[k] = Number.NaN;
      this.carry = CAUSE_DROPPED; // the safety cap's failure, if it refuses the attempt
      this.pendingOwner = o;
      this.pendingCall = k;
      super.attempt(c);
      this.pendingOwner = -1;
      this.pendingCall = -1;
    }

    protected override sendAsync(f: number, e: number): void {
      const o = this.owner[f];
      const k = o >= 0 ? this.call(o, e, f, CALL_ASYNC) : -1;
      if (k >= 0) this.rec.cArrive[k] = Number.NaN;
      this.pendingCall = k;
      this.pendingOwner = o;
      super.sendAsync(f, e);
      if (k >= 0 && Number.isNaN(this.rec.cArrive[k])) {
        // Lost: a partitioned edge, or the safety cap.
        this.rec.cReturn[k] = this.now;
        this.rec.cCause[k] = this.partitioned(e) !== PARTITION_NONE ? CAUSE_PARTITION : CAUSE_DROPPED;
      }
      this.pendingOwner = -1;
      this.pendingCall = -1;
    }

    call(o: number, e: number, from: number, outcome: number): number {
      const r = this.rec;
      if (r.cReq.length >= MAX_TRACE_CALLS) {
        this.truncated = true;
        return -1;
      }
      r.cReq.push(o);
      r.cEdge.push(e);
      r.cFrom.push(this.fNode[from]);
      r.cTo.push(this.m.edgeTarget[e]);
      r.cSend.push(this.now);
      r.cArrive.push(this.now + this.m.edgeNetMs[e]);
      r.cReturn.push(Number.NaN);
      r.cOutcome.push(outcome);
      r.cCause.push(-1);
      return r.cReq.length - 1;
    }

    closeCall(c: number, outcome: number, cause: number): void {
      const k = this.callRec[c];
      if (k < 0) return;
      this.rec.cReturn[k] = this.now;
      this.rec.cOutcome[k] = outcome;
      if (outcome !== CALL_OK) this.rec.cCause[k] = cause;
      this.callRec[c] = -1;
    }

    protected override onTimeout(c: number, token: number): void {
      if (this.cToken[c] === token) {
        this.closeCall(c, CALL_TIMEOUT, CAUSE_TIMEOUT);
        this.carry = CAUSE_TIMEOUT;
      }
      super.onTimeout(c, token);
    }

    protected override callReturned(c: number, failed: boolean): number {
      this.closeCall(c, failed ? CALL_FAILED : CALL_OK, failed ? this.causeNow() : -1);
      return super.callReturned(c, failed);
    }

    protected override finishRequest(f: number, flags: number): void {
      const o = this.owner[f];
      if (o >= 0) {
        const r = this.rec;
        r.reqEnd[o] = this.now;
        const failed = (this.fFlags[f] | flags) & F_FAILED;
        r.reqStatus[o] = failed ? REQ_FAILED : REQ_OK;
        if (failed && r.reqCause[o] < 0) r.reqCause[o] = this.causeNow();
      }
      super.finishRequest(f, flags);
    }
  };
}
