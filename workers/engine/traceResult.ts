/**
 * The shape of a trace (see trace.ts): a short sample of real requests from
 * the engine, as typed arrays that move between threads with `transfer`.
 * Times in ms.
 */

/** Most requests a trace samples. */
export const MAX_TRACE_REQUESTS = 200;
/** Most visits, calls and level changes a trace keeps (beyond: `truncated`). */
export const MAX_TRACE_VISITS = 20_000;
export const MAX_TRACE_CALLS = 20_000;
export const MAX_TRACE_LEVELS = 100_000;
/** Most requests the traced simulation may be offered in all (keeps a trace well under a second). */
export const MAX_TRACE_OFFERED = 2_000_000;

export { CAUSE_NAMES, type CauseName } from './resilience/failureCauses';

/** Request outcome codes. */
export const REQ_OK = 0;
export const REQ_FAILED = 1;
export const REQ_DROPPED = 2;
export const REQ_UNFINISHED = 3;
/** Call outcome codes: answered, failed (dropped downstream or out of attempts), timed out (this attempt), async message, still open at the end. */
export const CALL_OK = 0;
export const CALL_FAILED = 1;
export const CALL_TIMEOUT = 2;
export const CALL_ASYNC = 3;
export const CALL_OPEN = 4;

/** What to trace; every field is optional. */
export interface TraceOptions {
  /** Steady entry rate, req/s (default: the document's rate and profile). */
  ratePerSec?: number;
  /** Run seed (default: the document's); the trace is replication 0 of it. */
  seed?: number;
  /**
   * Sampling starts with the first arrival at or after this time, s (default: the document's warm-up; with fault
   * events, a third of the sample's expected length before the first event starts; capped so a trace stays fast).
   */
  startSec?: number;
  /** Requests to sample, 1..{@link MAX_TRACE_REQUESTS} (default 60). */
  requests?: number;
}

/**
 * A recorded sample, as typed arrays (transferable). Indices: node = index in
 * `nodeIds` (document order), edge = index in `edgeIds` (the compiled order: stage by stage,
 * traffic-carrying edges only), request = 0..requests−1 in arrival order.
 * Visits are listed in the order they ended; calls in the order they were sent;
 * levels in time order. NaN marks a time that did not happen.
 */
export interface TraceResult {
  nodeIds: string[];
  edgeIds: string[];
  /** Servers of each node's station (a pool's size for pooled nodes). */
  nodeServers: Int32Array;
  /** First sampled arrival, ms; and the time the last sampled visit ended (or the horizon), ms. */
  startMs: number;
  endMs: number;
  requests: number;
  reqArriveMs: Float64Array;
  /** End time (ms) of each request: answered, failed or dropped; NaN when unfinished. */
  reqEndMs: Float64Array;
  reqStatus: Uint8Array;
  /** Why each failed or dropped request failed (CAUSE_* of resilience/failureCauses.ts), −1 otherwise. Absent in traces made before causes were recorded. */
  reqCause?: Int8Array;
  visitReq: Int32Array;
  visitNode: Int32Array;
  /** The call record this visit answers; −1 for the request's first visit. */
  visitCall: Int32Array;
  visitEnterMs: Float64Array;
  /** NaN when the visit was dropped at a full queue. */
  visitStartMs: Float64Array;
  visitEndMs: Float64Array;
  /** Why the visit failed at its node (CAUSE_*: crash, outage, error, rejected, dropped), −1 for a visit served. Absent in older traces. */
  visitCause?: Int8Array;
  callReq: Int32Array;
  callEdge: Int32Array;
  callFrom: Int32Array;
  callTo: Int32Array;
  callSendMs: Float64Array;
  /** Send time + the edge's network cost; NaN when a partition stopped it. */
  callArriveMs: Float64Array;
  /** When the caller got its answer, failure or timeout; NaN for async messages and open calls. */
  callReturnMs: Float64Array;
  callOutcome: Uint8Array;
  /**
   * Why the attempt failed (CAUSE_*), −1 when it did not: for CALL_FAILED (at the callee, a partition, an open
   * breaker; also an attempt a retry replaced) and CALL_TIMEOUT; an async message lost on a partitioned edge
   * has cause partition. A partitioned attempt never reaches the callee: its `callArriveMs` is NaN. Absent in older traces.
   */
  callCause?: Int8Array;
  /** Each node's waiting and busy counts at `startMs`. */
  initialQueued: Int32Array;
  initialBusy: Int32Array;
  /** A change of node `levelNode[k]`'s counts at `levelMs[k]`: the counts after it. */
  levelNode: Int32Array;
  levelMs: Float64Array;
  levelQueued: Int32Array;
  levelBusy: Int32Array;
  /** True when a cap cut the recording short. */
  truncated: boolean;
}

/** The typed-array buffers of a trace, for `comlink.transfer` (each once). */
export function traceBuffers(t: TraceResult): ArrayBuffer[] {
  const arrays = Object.values(t).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
