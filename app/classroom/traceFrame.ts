/**
 * Where every dot of a trace is at simulated time t (pure, no DOM): a request
 * travelling along an edge, waiting in a node's queue, or in service; answers
 * and timeouts travelling back. Writes into a reusable Float32Array, so a
 * frame allocates nothing. Node queue and busy counts at t come from the
 * trace's level changes (every request, not only the sampled ones).
 * Failures (traces recorded under a fault scenario or with resilience
 * patterns): a visit that failed at its node shows a ✕ there, an attempt that
 * never reached its callee (partition, open breaker) a ✕ half-way along its
 * edge — a hung one waits there until its timeout; the ✕ carries its cause.
 */
import { CAUSE_DROPPED } from '../../workers/engine/resilience/failureCauses';
import { CALL_ASYNC, CALL_OK, CALL_OPEN, CALL_TIMEOUT, type TraceResult } from '../../workers/engine/traceResult';

/** Dot kinds (the third value of each dot in the frame buffer). */
export const DOT_TRAVEL = 0;
export const DOT_QUEUED = 1;
export const DOT_SERVING = 2;
export const DOT_ANSWER = 3;
export const DOT_TIMEOUT = 4;
export const DOT_ASYNC = 5;
export const DOT_DROPPED = 6;
/** A failure (✕): kind DOT_FAILED + its cause (CAUSE_* of failureCauses.ts; DOT_FAILED alone: cause unknown). */
export const DOT_FAILED = 8;

/** The cause of a ✕ dot's kind (−1: not a ✕, or no cause recorded). */
export function failedCause(kind: number): number {
  return kind > DOT_FAILED ? kind - DOT_FAILED - 1 : -1;
}
const failedKind = (cause: number | undefined) => DOT_FAILED + 1 + (cause ?? -1);

/** Node boxes (flow coordinates) and points along edges (progress 0..1 from source to target). */
export interface Geometry {
  /** Per trace node: x, y, width, height; NaN x for a node not on the canvas. */
  nodeBox: Float64Array;
  /** Writes the point at `progress` along trace edge `e` into out[0], out[1]. */
  edgePoint(e: number, progress: number, out: Float64Array): void;
}

export interface FrameCounts {
  dots: number;
  /** Dots on edges (travelling). */
  moving: number;
}

const DOT_GAP = 13;
/** A failure's ✕ stays this many hops (the on-screen hop time) after the failure. */
const FAIL_HOPS = 6;
const MAX_ROW = 14;
const pt = new Float64Array(2);

/**
 * Fills `out` with (x, y, kind) triples for time `tMs` and returns the counts.
 * `hopMs`: the shortest time a dot takes along an edge on screen (simulated ms),
 * so calls with no network cost are still seen to travel; a visit's dot appears
 * at the callee when its hop is over.
 */
export function frameAt(t: TraceResult, tMs: number, hopMs: number, g: Geometry, out: Float32Array): FrameCounts {
  const cap = Math.floor(out.length / 3);
  let n = 0;
  const push = (x: number, y: number, kind: number) => {
    if (n >= cap || Number.isNaN(x)) return;
    out[3 * n] = x;
    out[3 * n + 1] = y;
    out[3 * n + 2] = kind;
    n++;
  };
  const hopEnd = (c: number) => Math.max(t.callArriveMs[c], t.callSendMs[c] + hopMs);
  // Calls: outbound hops, and answers or timeouts travelling back.
  for (let c = 0; c < t.callReq.length; c++) {
    const send = t.callSendMs[c];
    if (send > tMs) break; // calls are in send order
    if (Number.isNaN(t.callArriveMs[c])) {
      // Sent nothing (a partition, an open breaker): stuck half-way until it failed (at once, or a hang's timeout), then a ✕ there.
      const failed = Number.isNaN(t.callReturnMs[c]) ? Number.POSITIVE_INFINITY : t.callReturnMs[c];
      if (tMs >= failed + hopMs) continue;
      g.edgePoint(t.callEdge[c], Math.min(0.5, (tMs - send) / hopMs), pt);
      push(pt[0], pt[1], tMs < failed ? DOT_TRAVEL : failedKind(t.callCause?.[c]));
      continue;
    }
    const end = hopEnd(c);
    if (tMs < end) {
      g.edgePoint(t.callEdge[c], (tMs - send) / (end - send), pt);
      push(pt[0], pt[1], t.callOutcome[c] === CALL_ASYNC ? DOT_ASYNC : DOT_TRAVEL);
      continue;
    }
    const back = t.callReturnMs[c];
    const outcome = t.callOutcome[c];
    if (outcome === CALL_ASYNC || outcome === CALL_OPEN || !(back <= tMs) || tMs >= back + hopMs) continue;
    g.edgePoint(t.callEdge[c], 1 - (tMs - back) / hopMs, pt);
    push(pt[0], pt[1], outcome === CALL_OK ? DOT_ANSWER : outcome === CALL_TIMEOUT ? DOT_TIMEOUT : DOT_DROPPED);
  }
  const moving = n;
  // Visits: queued dots in a row above the node, served ones along its bottom edge.
  const nodes = t.nodeIds.length;
  const queued = new Int32Array(nodes);
  const serving = new Int32Array(nodes);
  const failedHere = new Int32Array(nodes);
  for (let k = 0; k < t.visitReq.length; k++) {
    const call = t.visitCall[k];
    const from = call >= 0 ? Math.max(t.visitEnterMs[k], hopEnd(call)) : t.visitEnterMs[k];
    const cause = t.visitCause?.[k] ?? -1;
    const failed = cause >= 0 && cause !== CAUSE_DROPPED;
    const dropped = !failed && Number.isNaN(t.visitStartMs[k]);
    const end = Math.max(from, t.visitEndMs[k]);
    const until = dropped ? from + hopMs : failed ? end + FAIL_HOPS * hopMs : end;
    if (tMs < from || tMs >= until) continue;
    const i = t.visitNode[k];
    const x = g.nodeBox[4 * i];
    const y = g.nodeBox[4 * i + 1];
    const w = g.nodeBox[4 * i + 2];
    const h = g.nodeBox[4 * i + 3];
    if (failed && tMs >= end) {
      // Failed here: a ✕ on the node's right edge, stacked when several fail together.
      const f = failedHere[i]++;
      if (f < MAX_ROW) push(x + w - 10 - (f % 7) * DOT_GAP, y + 14 + Math.floor(f / 7) * DOT_GAP, failedKind(cause));
    } else if (dropped) push(x - 10, y + h / 2, DOT_DROPPED);
    else if (!(tMs >= t.visitStartMs[k])) {
      const q = queued[i]++;
      if (q < MAX_ROW) push(x + 10 + q * DOT_GAP, y - 12, DOT_QUEUED);
    } else {
      const s = serving[i]++;
      push(x + 10 + (s % Math.max(1, Math.floor((w - 12) / DOT_GAP))) * DOT_GAP, y + h + 18, DOT_SERVING);
    }
  }
  return { dots: n, moving };
}

/** Replays the trace's level changes: queued and busy counts per node at any time (cheap when time moves forward). */
export class Levels {
  readonly queued: Int32Array;
  readonly busy: Int32Array;
  private k = 0;
  private atMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly t: TraceResult) {
    this.queued = t.initialQueued.slice();
    this.busy = t.initialBusy.slice();
  }

  /** Moves to time tMs (replaying from the start when going back). */
  seek(tMs: number): void {
    const t = this.t;
    if (tMs < this.atMs) {
      this.queued.set(t.initialQueued);
      this.busy.set(t.initialBusy);
      this.k = 0;
    }
    while (this.k < t.levelMs.length && t.levelMs[this.k] <= tMs) {
      const i = t.levelNode[this.k];
      this.queued[i] = t.levelQueued[this.k];
      this.busy[i] = t.levelBusy[this.k];
      this.k++;
    }
    this.atMs = tMs;
  }
}
