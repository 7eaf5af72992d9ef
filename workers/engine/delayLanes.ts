/**
 * Delay lanes: FIFO lines for the events that fire a fixed delay after they
 * are scheduled — a call or message crossing an edge with `networkMs` > 0.
 * The clock never goes back, so every event put on the lane of delay d
 * (time = now + d) is due no earlier than the one put before it: each lane
 * is already in time order and needs no heap. The simulator takes the
 * earliest of the event heap's top, the next arrival and the lanes' earliest
 * head, comparing (time, sequence number) exactly as the heap does, so the
 * order of events — and every result — is the same as with one heap; the
 * heap just holds fewer events and does fewer operations.
 *
 * Edges with the first MAX_LANES distinct delays (in edge order) get a lane;
 * the rest go through the heap, which keeps the per-event cost of finding the
 * earliest lane bounded.
 */
import type { CompiledModel } from './compile';

/** At most this many lanes (distinct network delays); further delays use the event heap. */
export const MAX_LANES = 4;

export class DelayLanes {
  /** Lane of each compiled edge, −1 when its events use the heap (no delay, or beyond MAX_LANES). */
  readonly laneOfEdge: Int32Array;
  readonly count: number;
  private readonly times: Float64Array[] = [];
  private readonly seqs: Float64Array[] = [];
  private readonly frames: Int32Array[] = [];
  private readonly head: Int32Array;
  private readonly size: Int32Array;
  /** The earliest head over all lanes: its time (+∞ when every lane is empty), sequence number and lane. */
  bestMs = Number.POSITIVE_INFINITY;
  bestSeq = 0;
  private best = -1;

  /** maxLanes: MAX_LANES in the simulator; 0 sends every event through the heap (tests compare the two). */
  constructor(m: CompiledModel, maxLanes = MAX_LANES) {
    const delays: number[] = [];
    this.laneOfEdge = new Int32Array(m.edgeNetMs.length).fill(-1);
    m.edgeNetMs.forEach((d, e) => {
      if (!(d > 0)) return;
      let lane = delays.indexOf(d);
      if (lane < 0 && delays.length < maxLanes) lane = delays.push(d) - 1;
      this.laneOfEdge[e] = lane;
    });
    this.count = delays.length;
    for (let l = 0; l < this.count; l++) {
      this.times.push(new Float64Array(64));
      this.seqs.push(new Float64Array(64));
      this.frames.push(new Int32Array(64));
    }
    this.head = new Int32Array(this.count);
    this.size = new Int32Array(this.count);
  }

  /** Appends frame f, due at time t (ms) with sequence number seq, to lane l (t must not precede the lane's last). */
  push(l: number, t: number, seq: number, f: number): void {
    const cap = this.times[l].length;
    if (this.size[l] === cap) this.grow(l);
    const at = (this.head[l] + this.size[l]++) & (this.times[l].length - 1);
    this.times[l][at] = t;
    this.seqs[l][at] = seq;
    this.frames[l][at] = f;
    if (this.size[l] === 1 && (t < this.bestMs || (t === this.bestMs && seq < this.bestSeq))) {
      this.best = l;
      this.bestMs = t;
      this.bestSeq = seq;
    }
  }

  /** Removes the earliest head (there must be one) and returns its frame. */
  pop(): number {
    const l = this.best;
    const h = this.head[l];
    const f = this.frames[l][h];
    this.head[l] = (h + 1) & (this.times[l].length - 1);
    this.size[l]--;
    this.findBest();
    return f;
  }

  private findBest(): void {
    let best = -1;
    let bestMs = Number.POSITIVE_INFINITY;
    let bestSeq = 0;
    for (let l = 0; l < this.count; l++) {
      if (this.size[l] === 0) continue;
      const h = this.head[l];
      const t = this.times[l][h];
      if (t < bestMs || (t === bestMs && this.seqs[l][h] < bestSeq)) {
        best = l;
        bestMs = t;
        bestSeq = this.seqs[l][h];
      }
    }
    this.best = best;
    this.bestMs = bestMs;
    this.bestSeq = bestSeq;
  }

  /** Doubles lane l's ring, unwrapping it so the head is at index 0. */
  private grow(l: number): void {
    const n = this.times[l].length;
    const h = this.head[l];
    const unwrap = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a.subarray(h));
      b.set(a.subarray(0, h), n - h);
      return b;
    };
    this.times[l] = unwrap(this.times[l], new Float64Array(2 * n));
    this.seqs[l] = unwrap(this.seqs[l], new Float64Array(2 * n));
    this.frames[l] = unwrap(this.frames[l], new Int32Array(2 * n));
    this.head[l] = 0;
  }
}
