/**
 * A trace: a short sample of real requests recorded from the real engine, for
 * the classroom animation. {@link traceDocument} runs replication 0 of the
 * document (same seed, same code as a normal run) with a subclass of the
 * Simulator that overrides a few of its hooks to record, for the first N
 * requests arriving after a start time, every visit (node, queue-enter,
 * service-start, service-end times) and every call attempt or async message
 * (edge, send / arrive / return times), plus every change of every node's
 * waiting and busy counts while the sample is in the system. Normal runs use
 * the Simulator itself, so recording costs them nothing. Times in ms.
 */
import { compileModel } from './compile';
import { LIMITS } from './limits';
import { replicationSeed } from './rng';
import { resolveRun, simSpec } from './run';
import type { Topology } from './schema';
import { F_FAILED, F_ROOT } from './simState';
import { type SimSpec, Simulator } from './simulate';
import {
  CALL_ASYNC,
  CALL_FAILED,
  CALL_OK,
  CALL_OPEN,
  CALL_TIMEOUT,
  MAX_TRACE_CALLS,
  MAX_TRACE_LEVELS,
  MAX_TRACE_OFFERED,
  MAX_TRACE_REQUESTS,
  MAX_TRACE_VISITS,
  REQ_DROPPED,
  REQ_FAILED,
  REQ_OK,
  REQ_UNFINISHED,
  type TraceOptions,
  type TraceResult,
} from './traceResult';

export * from './traceResult';

interface Sampling {
  startMs: number;
  requests: number;
}

/** The Simulator with recording hooks: each override records, then runs the engine's own code. */
class TraceSimulator extends Simulator {
  readonly rec = {
    reqArrive: [] as number[], reqEnd: [] as number[], reqStatus: [] as number[],
    vReq: [] as number[], vNode: [] as number[], vCall: [] as number[], vEnter: [] as number[], vStart: [] as number[], vEnd: [] as number[],
    cReq: [] as number[], cEdge: [] as number[], cFrom: [] as number[], cTo: [] as number[], cSend: [] as number[], cArrive: [] as number[], cReturn: [] as number[], cOutcome: [] as number[],
    lNode: [] as number[], lMs: [] as number[], lQueued: [] as number[], lBusy: [] as number[],
  };
  initialQueued: Int32Array | null = null;
  initialBusy: Int32Array | null = null;
  firstMs = Number.NaN;
  doneMs = Number.NaN;
  truncated = false;
  /** Per frame: the sampled request it belongs to (−1: not sampled), and the call record it answers. */
  private owner: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
  private frameCall: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
  /** Per call slot: its current attempt's record (−1: none). */
  private callRec: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
  private pendingOwner = -1;
  private pendingCall = -1;
  private sampledLive = 0;

  constructor(m: ReturnType<typeof compileModel>, spec: SimSpec, private readonly s: Sampling) {
    super(m, spec);
  }

  private recording(): boolean {
    return this.rec.reqArrive.length > 0 && Number.isNaN(this.doneMs);
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
    }
    const o = this.pendingOwner;
    super.onArrival();
    if (this.pendingOwner >= 0) {
      // Refused by the engine's safety cap before it got a visit.
      r.reqEnd[o] = this.now;
      r.reqStatus[o] = REQ_DROPPED;
    }
    this.pendingOwner = -1;
  }

  override allocFrame(): number {
    const f = super.allocFrame();
    if (f >= this.owner.length) {
      const n = this.fNode.length;
      this.owner = grown(this.owner, n);
      this.frameCall = grown(this.frameCall, n);
    }
    this.owner[f] = this.pendingOwner;
    this.frameCall[f] = this.pendingCall;
    if (this.pendingOwner >= 0) this.sampledLive++;
    this.pendingOwner = -1;
    this.pendingCall = -1;
    return f;
  }

  override freeFrame(f: number): void {
    if (this.owner[f] >= 0) {
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

  private level(i: number): void {
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
    if (this.owner[f] >= 0) this.visit(f, i, this.fArriveMs[f], this.fStartMs[f]);
    super.recordVisit(f, i);
  }

  protected override drop(f: number, i: number): void {
    const o = this.owner[f];
    if (o >= 0) {
      this.visit(f, i, this.now, Number.NaN);
      if (this.fFlags[f] & F_ROOT) {
        this.rec.reqEnd[o] = this.now;
        this.rec.reqStatus[o] = REQ_DROPPED;
      }
    }
    super.drop(f, i);
  }

  private visit(f: number, i: number, enterMs: number, startMs: number): void {
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
  }

  protected override attempt(c: number): void {
    if (c >= this.callRec.length) this.callRec = grown(this.callRec, this.cFrame.length);
    const f = this.cFrame[c];
    const o = this.owner[f];
    this.callRec[c] = o >= 0 ? this.call(o, this.cEdge[c], f, CALL_OPEN) : -1;
    this.pendingOwner = o;
    this.pendingCall = this.callRec[c];
    super.attempt(c);
    this.pendingOwner = -1;
    this.pendingCall = -1;
  }

  protected override sendAsync(f: number, e: number): void {
    const o = this.owner[f];
    this.pendingCall = o >= 0 ? this.call(o, e, f, CALL_ASYNC) : -1;
    this.pendingOwner = o;
    super.sendAsync(f, e);
    this.pendingOwner = -1;
    this.pendingCall = -1;
  }

  private call(o: number, e: number, from: number, outcome: number): number {
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
    return r.cReq.length - 1;
  }

  private closeCall(c: number, outcome: number): void {
    const k = this.callRec[c];
    if (k < 0) return;
    this.rec.cReturn[k] = this.now;
    this.rec.cOutcome[k] = outcome;
    this.callRec[c] = -1;
  }

  protected override onTimeout(c: number, token: number): void {
    if (this.cToken[c] === token) this.closeCall(c, CALL_TIMEOUT);
    super.onTimeout(c, token);
  }

  protected override callReturned(c: number, failed: boolean): number {
    this.closeCall(c, failed ? CALL_FAILED : CALL_OK);
    return super.callReturned(c, failed);
  }

  protected override finishRequest(f: number, flags: number): void {
    const o = this.owner[f];
    if (o >= 0) {
      this.rec.reqEnd[o] = this.now;
      this.rec.reqStatus[o] = this.fFlags[f] & F_FAILED ? REQ_FAILED : REQ_OK;
    }
    super.finishRequest(f, flags);
  }
}

function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, a.length * 2)).fill(-1);
  b.set(a);
  return b;
}

/** Work budget of a trace (events + arrival steps): a trace is a short animation, it stops here whatever the document. */
export const MAX_TRACE_EVENTS = 20_000_000;

/**
 * Simulates replication 0 of `doc` with the real engine and records the first
 * `requests` requests arriving at or after `startSec` (see {@link TraceResult}).
 * Pure and deterministic: the same document and options give the same trace,
 * and each sampled request's latency equals the one a normal run of the same
 * seed gives it. The simulation stops at a horizon a few sample lengths past
 * the start (requests still in flight then are `REQ_UNFINISHED`).
 * Throws a RangeError naming the option when a value is out of range.
 */
export function traceDocument(doc: Topology, opts: TraceOptions = {}): TraceResult {
  const run = resolveRun(doc, { ratePerSec: opts.ratePerSec, seed: opts.seed });
  const requests = opts.requests ?? 60;
  if (!Number.isInteger(requests) || requests < 1 || requests > MAX_TRACE_REQUESTS) {
    throw new RangeError(`requests must be a whole number from 1 to ${MAX_TRACE_REQUESTS} (got ${requests})`);
  }
  const perMs = run.ratePerSec / 1000;
  const startMs = Math.min((opts.startSec ?? run.warmupSec) * 1000, MAX_TRACE_OFFERED / 2 / perMs);
  if (!(startMs >= 0)) throw new RangeError(`startSec must be at least 0 (got ${opts.startSec})`);
  const horizonMs = Math.min(startMs + Math.max(5000, (4 * requests) / perMs), startMs + MAX_TRACE_OFFERED / 2 / perMs, LIMITS.maxDurationSec * 1000);
  const model = compileModel(doc);
  const budget = { ...run, warmupSec: 0, durationSec: horizonMs / 1000, windowSec: horizonMs / 1000, maxEventsPerReplication: MAX_TRACE_EVENTS };
  const spec = simSpec(doc, budget, replicationSeed(run.seed, 0));
  const sim = new TraceSimulator(model, spec, { startMs, requests });
  sim.run();
  return pack(model, sim, horizonMs);
}

function pack(model: ReturnType<typeof compileModel>, sim: TraceSimulator, horizonMs: number): TraceResult {
  const r = sim.rec;
  const n = model.nodeCount;
  const f64 = (a: number[]) => Float64Array.from(a);
  const i32 = (a: number[]) => Int32Array.from(a);
  return {
    nodeIds: model.nodeIds.slice(),
    edgeIds: model.edgeIds.slice(),
    nodeServers: model.nodeServers.slice(),
    startMs: Number.isNaN(sim.firstMs) ? horizonMs : sim.firstMs,
    endMs: Number.isNaN(sim.doneMs) ? horizonMs : sim.doneMs,
    requests: r.reqArrive.length,
    reqArriveMs: f64(r.reqArrive),
    reqEndMs: f64(r.reqEnd),
    reqStatus: Uint8Array.from(r.reqStatus),
    visitReq: i32(r.vReq),
    visitNode: i32(r.vNode),
    visitCall: i32(r.vCall),
    visitEnterMs: f64(r.vEnter),
    visitStartMs: f64(r.vStart),
    visitEndMs: f64(r.vEnd),
    callReq: i32(r.cReq),
    callEdge: i32(r.cEdge),
    callFrom: i32(r.cFrom),
    callTo: i32(r.cTo),
    callSendMs: f64(r.cSend),
    callArriveMs: f64(r.cArrive),
    callReturnMs: f64(r.cReturn),
    callOutcome: Uint8Array.from(r.cOutcome),
    initialQueued: sim.initialQueued ?? new Int32Array(n),
    initialBusy: sim.initialBusy ?? new Int32Array(n),
    levelNode: i32(r.lNode),
    levelMs: f64(r.lMs),
    levelQueued: i32(r.lQueued),
    levelBusy: i32(r.lBusy),
    truncated: sim.truncated,
  };
}
