/**
 * The simulator's side of Triton's dynamic batcher (tritonBatcher.ts): one batcher per station
 * of a Triton node (a replica, or the whole group when its balancer is `pooled`), whose instances
 * are the station's servers. A batch costs one service draw × the batch factor of batchCost.ts.
 * Hook points (docs/design/issue-13.md §1): an arrival enqueues then decides; a batch's end
 * releases its instance then decides; a timer decides at `waitUntilMs` (stale timers are skipped);
 * a request rejected for timeout fails its call; a full queue drops the request.
 */
import { CallSim } from '../calls';
import type { CompiledModel } from '../compile';
import { SPECIAL_TRITON } from '../compileEngines';
import * as E from '../events';
import * as R from '../raw';
import * as S from '../simState';
import { TritonBatcher } from './tritonBatcher';

const { EV_TRITON_DONE, EV_TRITON_TIMER } = E;
const { NODE_FIELDS, N_DROPPED, T_VISITS } = R;
const { F_FAILED } = S;
/** A timer due at the very instant of a deadline is moved this much later (ms): Triton times a request out strictly after it. */
const AFTER_MS = 1e-6;

/** Per batcher (tritonBatcher0[node] + replica): the batcher, its node and station, and the time of its live timer. */
class TritonParts {
  readonly batchers: (TritonBatcher | null)[] = [];
  readonly node: Int32Array;
  readonly station: Int32Array;
  readonly wakeMs: Float64Array;
  /** Dispatch buffer. */
  readonly ids: Int32Array;

  constructor(count: number, maxBatch: number) {
    this.node = new Int32Array(count);
    this.station = new Int32Array(count);
    this.wakeMs = new Float64Array(count).fill(Number.NaN);
    this.ids = new Int32Array(maxBatch);
    for (let k = 0; k < count; k++) this.batchers.push(null);
  }
}

export abstract class TritonSim extends CallSim {
  // One field (the simulator's own hot fields stay in-object in V8): every Triton array lives in it.
  private readonly tri: TritonParts;

  constructor(m: CompiledModel, warmMs: number, endMs: number, windowMs: number, seed: number, maxLanes?: number) {
    super(m, warmMs, endMs, windowMs, seed, maxLanes);
    const en = m.engines;
    const t = new TritonParts(en.tritonCount, en.tritonMaxBatch);
    this.tri = t;
    for (let i = 0; i < m.nodeCount; i++) {
      const spec = en.tritonSpecs[i];
      if (spec === null || en.nodeSpecial[i] !== SPECIAL_TRITON) continue;
      const g = m.nodeGroup[i];
      for (let r = 0; r < m.groupReplicas[g]; r++) {
        const bt = en.tritonBatcher0[i] + r;
        const s = m.groupStation0[g] + r;
        t.batchers[bt] = new TritonBatcher({ ...spec, instanceCount: m.stationServers[s] });
        t.node[bt] = i;
        t.station[bt] = s;
      }
    }
  }

  /** Node i's (Triton) visit f at station s: refused when the queue is full, else queued, then the batcher decides. */
  protected tritonArrive(f: number, i: number, s: number): void {
    const bt = this.m.engines.tritonBatcher0[i] + this.m.stationReplica[s];
    if (!(this.tri.batchers[bt] as TritonBatcher).enqueue(f, this.now)) {
      this.drop(f, i);
      return;
    }
    this.outstandingDelta(s, 1);
    this.queueDelta(i, 1);
    this.tritonDecide(bt);
  }

  /** Decides at batcher bt until it waits: starts every batch it forms, fails every request it rejects for timeout. */
  protected tritonDecide(bt: number): void {
    const b = this.tri.batchers[bt] as TritonBatcher;
    const i = this.tri.node[bt];
    const s = this.tri.station[bt];
    for (;;) {
      const n = b.decide(this.now);
      for (let k = 0; k < b.rejectedCount; k++) {
        const f = b.rejected[k];
        this.queueDelta(i, -1);
        this.outstandingDelta(s, -1);
        if (this.fArriveMs[f] >= this.warmMs) this.raw.nodeStats[i * NODE_FIELDS + N_DROPPED]++;
        this.fFlags[f] |= F_FAILED;
        this.tritonTimedOut(f);
        this.complete(f);
      }
      if (n === 0) break;
      this.startTritonBatch(bt, b.dispatch(n, this.tri.ids));
    }
    const wake = b.waitUntilMs;
    if (wake < Number.POSITIVE_INFINITY && wake !== this.tri.wakeMs[bt]) {
      this.tri.wakeMs[bt] = wake;
      this.q.push(wake > this.now ? wake : this.now + AFTER_MS, EV_TRITON_TIMER, bt, 0);
    }
  }

  /** A batcher timer: stale (superseded) timers do nothing. */
  /** Request f was rejected by the batcher's queue policy (its timeout passed): a hook for the fault scenario's causes. */
  protected tritonTimedOut(_f: number): void {}

  protected onTritonTimer(bt: number): void {
    const due = this.tri.wakeMs[bt];
    if (!(this.now >= due)) return;
    this.tri.wakeMs[bt] = Number.NaN;
    this.tritonDecide(bt);
  }

  private startTritonBatch(bt: number, n: number): void {
    const m = this.m;
    const i = this.tri.node[bt];
    const s = this.tri.station[bt];
    this.busyDelta(i, 1);
    const rb = m.nodeReplicaBase[i];
    if (rb >= 0) this.replicaBusyDelta(rb + m.stationReplica[s], 1);
    let head = -1;
    for (let k = 0; k < n; k++) {
      const f = this.tri.ids[k];
      this.fStartMs[f] = this.now;
      this.fNext[f] = head;
      head = f;
    }
    this.queueDelta(i, -n);
    this.raw.totals[T_VISITS] += n;
    this.tritonBatchStarted(head, bt, i, n);
  }

  /**
   * A batch of n requests (list `head`) started on batcher bt of node i: its end is scheduled. The
   * scenario simulator overrides it (latency, and an epoch that a crash voids: resilience/scenarioCore.ts).
   */
  protected tritonBatchStarted(head: number, bt: number, i: number, n: number): void {
    const m = this.m;
    const o = m.batchFactor0[i] + n;
    this.q.push(this.now + this.drawService(i) * m.batchFactor[o] + m.batchAddMs[o], EV_TRITON_DONE, head, bt);
  }

  /** The batcher of node i's visit at station s (its replica's; a pooled group has one). */
  protected tritonBatcherAt(i: number, s: number): number {
    return this.m.engines.tritonBatcher0[i] + this.m.stationReplica[s];
  }

  /** Fault scenarios: batcher bt gets `count` instances (0 = its server is down), then decides. */
  protected tritonSetInstances(bt: number, count: number): void {
    const b = this.tri.batchers[bt] as TritonBatcher;
    if (b.instances === count) return;
    b.setInstances(count);
    this.tritonDecide(bt);
  }

  /** Fault scenarios: free instances of batcher bt (negative while batches run beyond its instances). */
  protected tritonFree(bt: number): number {
    return (this.tri.batchers[bt] as TritonBatcher).freeInstances;
  }

  /** Fault scenarios: a running batch of n requests on batcher bt is void (its server crashed): its instance and counts are released; the caller fails its requests. */
  protected tritonVoidBatch(bt: number, n: number): void {
    const m = this.m;
    const i = this.tri.node[bt];
    const s = this.tri.station[bt];
    this.busyDelta(i, -1);
    const rb = m.nodeReplicaBase[i];
    if (rb >= 0) this.replicaBusyDelta(rb + m.stationReplica[s], -1);
    this.outstandingDelta(s, -n);
    (this.tri.batchers[bt] as TritonBatcher).release();
  }

  /** Fault scenarios: empties batcher bt's queue (its server crashed); returns the requests, which the caller fails. */
  protected tritonDrain(bt: number): number[] {
    const ids = (this.tri.batchers[bt] as TritonBatcher).drain();
    const i = this.tri.node[bt];
    const s = this.tri.station[bt];
    this.queueDelta(i, -ids.length);
    this.outstandingDelta(s, -ids.length);
    return ids;
  }

  /** A batch ends (head of its newest-first list, batcher bt): its instance is free, then its requests answer in arrival order. */
  protected onTritonDone(head: number, bt: number): void {
    const m = this.m;
    const i = this.tri.node[bt];
    const s = this.tri.station[bt];
    let prev = -1;
    let n = 0;
    for (let f = head; f >= 0; ) {
      const nx = this.fNext[f];
      this.fNext[f] = prev;
      prev = f;
      f = nx;
      n++;
    }
    this.busyDelta(i, -1);
    const rb = m.nodeReplicaBase[i];
    if (rb >= 0) this.replicaBusyDelta(rb + m.stationReplica[s], -1);
    this.outstandingDelta(s, -n);
    (this.tri.batchers[bt] as TritonBatcher).release();
    this.tritonDecide(bt);
    for (let f = prev; f >= 0; ) {
      const nx = this.fNext[f];
      this.recordVisit(f, i);
      this.beginCalls(f, i);
      f = nx;
    }
  }

  /** Requests queued at or in service on station s change by d (the balancer's outstanding count). */
  protected abstract outstandingDelta(s: number, d: number): void;
  /** Node i's visit f is refused (full queue). */
  protected abstract drop(f: number, i: number): void;
  /** Records visit f's wait and time in node i. */
  protected abstract recordVisit(f: number, i: number): void;
  /** The next service-time draw of node i, ms. */
  protected abstract drawService(i: number): number;
}
