/**
 * The simulator's state in struct-of-arrays form: pooled slots for visits
 * ("frames": one request at one node) and for calls in progress, each with a
 * free list and doubling growth, plus the statistics being accumulated.
 * No object is allocated per request, visit, call or event.
 */
import type { CompiledModel } from './compile';
import { bucketCount, FINE_SUB_BUCKETS, subBits } from './histogram';
import type { DesignRaw } from './raw';
import * as R from './raw';

// Module-local bindings: imported bindings can cost a getter call per use under some loaders (tsx, vite-node).
const { N_BUSY_AREA, N_QUEUE_AREA, NODE_FIELDS, S_QUEUE_AREA, SERIES_FIELDS, SERIES_SUB_BUCKETS, TOTALS_FIELDS } = R;

/** Frame flags. */
export const F_ROOT = 1;
export const F_COUNTED = 2;
export const F_FAILED = 4;
export const F_HOLDING = 8;
export const F_ASYNC = 16;

/** Per-node time-in-node histograms use 128 sub-buckets up to this many nodes, 32 beyond (memory). */
export const FINE_NODE_HIST_MAX_NODES = 256;

function grownF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function grownI32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Typed-array state shared by the simulator's event handlers. */
export class SimState {
  now = 0;
  // Frames: one visit of a request (or message) to a node.
  fNode: Int32Array;
  /** The call this frame answers, -1 for a root request or an async message. */
  fCall: Int32Array;
  /** The attempt token this frame answers (a late answer to an abandoned attempt is ignored). */
  fToken: Float64Array;
  fFlags: Uint8Array;
  fArriveMs: Float64Array;
  fStartMs: Float64Array;
  /** Sequential calls: current edge and remaining count; parallel: calls outstanding. */
  fEdge: Int32Array;
  fLeft: Int32Array;
  /** Next frame of the same batch. */
  fNext: Int32Array;
  /** The station the visit joined; before it arrives, the station of the visit that sent it (−1: a new request). */
  fStation: Int32Array;
  /** `routing: one`: the edge chosen for this visit. */
  fChoice: Int32Array;
  private fFree: Int32Array;
  private fFreeTop = 0;
  /** Frames alive (requests, calls and messages in queues, in service or waiting on calls). */
  live = 0;
  // Calls: a sync call in progress (with its timeout and retries).
  cFrame: Int32Array;
  cEdge: Int32Array;
  cLeft: Int32Array;
  cToken: Float64Array;
  private cFree: Int32Array;
  private cFreeTop = 0;
  tokenSeq = 0;
  // Statistics.
  readonly raw: DesignRaw;
  readonly nodeBits: number;
  readonly nodeBuckets: number;
  readonly fineBits = subBits(FINE_SUB_BUCKETS);
  readonly seriesBuckets = bucketCount(SERIES_SUB_BUCKETS);
  readonly windows: number;
  /** Fine bucket index − 1, shifted right by this, is the coarse (series) bucket index − 1. */
  readonly coarseShift = subBits(FINE_SUB_BUCKETS) - subBits(SERIES_SUB_BUCKETS);
  private readonly perWindowMs: number;
  readonly nBusy: Int32Array;
  readonly nQueued: Int32Array;
  private readonly nLastMs: Float64Array;
  /** Busy servers of each (node, replica) slot of balanced groups, and when its area was last brought up to date. */
  private readonly rBusy: Int32Array;
  private readonly rLastMs: Float64Array;
  private queuedTotal = 0;
  private queuedLastMs = 0;

  constructor(
    readonly m: CompiledModel,
    readonly warmMs: number,
    readonly endMs: number,
    windowMs: number,
  ) {
    const cap = 1024;
    this.fNode = new Int32Array(cap);
    this.fCall = new Int32Array(cap);
    this.fToken = new Float64Array(cap);
    this.fFlags = new Uint8Array(cap);
    this.fArriveMs = new Float64Array(cap);
    this.fStartMs = new Float64Array(cap);
    this.fEdge = new Int32Array(cap);
    this.fLeft = new Int32Array(cap);
    this.fNext = new Int32Array(cap);
    this.fStation = new Int32Array(cap);
    this.fChoice = new Int32Array(cap);
    this.fFree = Int32Array.from({ length: cap }, (_, i) => cap - 1 - i);
    this.fFreeTop = cap;
    this.cFrame = new Int32Array(cap);
    this.cEdge = new Int32Array(cap);
    this.cLeft = new Int32Array(cap);
    this.cToken = new Float64Array(cap);
    this.cFree = Int32Array.from({ length: cap }, (_, i) => cap - 1 - i);
    this.cFreeTop = cap;
    const n = m.nodeCount;
    const nodeSub = n <= FINE_NODE_HIST_MAX_NODES ? FINE_SUB_BUCKETS : 32;
    this.nodeBits = subBits(nodeSub);
    this.nodeBuckets = bucketCount(nodeSub);
    this.windows = Math.max(1, Math.ceil(endMs / windowMs - 1e-9));
    this.perWindowMs = 1 / windowMs;
    this.nBusy = new Int32Array(n);
    this.nQueued = new Int32Array(n);
    this.nLastMs = new Float64Array(n);
    this.rBusy = new Int32Array(m.replicaSlots);
    this.rLastMs = new Float64Array(m.replicaSlots);
    this.raw = {
      totals: new Float64Array(TOTALS_FIELDS),
      latency: new Float64Array(bucketCount(FINE_SUB_BUCKETS)),
      nodeStats: new Float64Array(n * NODE_FIELDS),
      nodeHist: new Uint32Array(n * this.nodeBuckets),
      nodeSubBuckets: nodeSub,
      windowMs,
      series: new Float64Array(this.windows * SERIES_FIELDS),
      seriesHist: new Uint32Array(this.windows * this.seriesBuckets),
      replicaBusy: new Float64Array(m.replicaSlots),
      elastic: new Float64Array(0),
    };
  }

  allocFrame(): number {
    if (this.fFreeTop === 0) this.growFrames();
    this.live++;
    return this.fFree[--this.fFreeTop];
  }

  freeFrame(f: number): void {
    this.live--;
    this.fFree[this.fFreeTop++] = f;
  }

  allocCall(): number {
    if (this.cFreeTop === 0) this.growCalls();
    return this.cFree[--this.cFreeTop];
  }

  freeCall(c: number): void {
    this.cToken[c] = -1;
    this.cFree[this.cFreeTop++] = c;
  }

  /** Window index of a time (ms), clamped to the last window index. */
  windowOf(tMs: number): number {
    const w = Math.floor(tMs * this.perWindowMs);
    return w < this.windows ? w : this.windows - 1;
  }

  /** Accumulates node i's busy and queue areas up to now (measured interval only). */
  touchNode(i: number): void {
    const from = Math.max(this.nLastMs[i], this.warmMs);
    const dt = this.now - from;
    if (dt > 0) {
      const s = this.raw.nodeStats;
      s[i * NODE_FIELDS + N_BUSY_AREA] += this.nBusy[i] * dt;
      s[i * NODE_FIELDS + N_QUEUE_AREA] += this.nQueued[i] * dt;
    }
    this.nLastMs[i] = this.now;
  }

  /** Changes node i's waiting count by d, keeping the node and window queue areas exact. */
  queueDelta(i: number, d: number): void {
    this.touchNode(i);
    this.nQueued[i] += d;
    this.touchSeriesQueue();
    this.queuedTotal += d;
  }

  /** Changes node i's busy-server count by d. */
  busyDelta(i: number, d: number): void {
    this.touchNode(i);
    this.nBusy[i] += d;
  }

  /** Changes the busy-server count of (node, replica) slot k by d (balanced groups only). */
  replicaBusyDelta(k: number, d: number): void {
    this.touchReplica(k);
    this.rBusy[k] += d;
  }

  /** Accumulates slot k's busy area up to now (measured interval only). */
  touchReplica(k: number): void {
    const dt = this.now - Math.max(this.rLastMs[k], this.warmMs);
    if (dt > 0) this.raw.replicaBusy[k] += this.rBusy[k] * dt;
    this.rLastMs[k] = this.now;
  }

  /** Adds the waiting-requests area since the last change to the windows it spans. */
  touchSeriesQueue(): void {
    let t = this.queuedLastMs;
    const q = this.queuedTotal;
    if (q > 0) {
      const w = this.raw.windowMs;
      const s = this.raw.series;
      while (t < this.now) {
        const k = this.windowOf(t);
        let edge = k === this.windows - 1 ? this.now : Math.min(this.now, (k + 1) * w);
        if (edge <= t) edge = this.now;
        s[k * SERIES_FIELDS + S_QUEUE_AREA] += q * (edge - t);
        t = edge;
      }
    }
    this.queuedLastMs = this.now;
  }

  private growFrames(): void {
    const old = this.fNode.length;
    const n = old * 2;
    this.fNode = grownI32(this.fNode, n);
    this.fCall = grownI32(this.fCall, n);
    this.fToken = grownF64(this.fToken, n);
    const flags = new Uint8Array(n);
    flags.set(this.fFlags);
    this.fFlags = flags;
    this.fArriveMs = grownF64(this.fArriveMs, n);
    this.fStartMs = grownF64(this.fStartMs, n);
    this.fEdge = grownI32(this.fEdge, n);
    this.fLeft = grownI32(this.fLeft, n);
    this.fNext = grownI32(this.fNext, n);
    this.fStation = grownI32(this.fStation, n);
    this.fChoice = grownI32(this.fChoice, n);
    this.fFree = new Int32Array(n);
    for (let i = 0; i < old; i++) this.fFree[i] = n - 1 - i;
    this.fFreeTop = old;
  }

  private growCalls(): void {
    const old = this.cFrame.length;
    const n = old * 2;
    this.cFrame = grownI32(this.cFrame, n);
    this.cEdge = grownI32(this.cEdge, n);
    this.cLeft = grownI32(this.cLeft, n);
    this.cToken = grownF64(this.cToken, n);
    this.cFree = new Int32Array(n);
    for (let i = 0; i < old; i++) this.cFree[i] = n - 1 - i;
    this.cFreeTop = old;
  }
}
