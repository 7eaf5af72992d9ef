/**
 * A small store of timestamped integers (ms, value) in typed arrays: the
 * HPA's recommendation history and its scale-up / scale-down events. A slot
 * whose time is before `reuseBeforeMs` is overwritten by a new entry, the way
 * Kubernetes' horizontal.go reuses outdated entries (`storeScaleEvent`,
 * `stabilizeRecommendationWithBehaviors`), so the store stays as small as the
 * longest window; it grows (rarely, never per event) only when every slot is
 * still in use.
 */
export class TimedInts {
  private tMs: Float64Array;
  private v: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    const c = Math.max(1, capacity | 0);
    this.tMs = new Float64Array(c);
    this.v = new Int32Array(c);
  }

  /** Entries stored (including outdated ones kept for reuse). */
  get size(): number {
    return this.n;
  }

  /** Records `value` at `tMs`, reusing an entry older than `reuseBeforeMs` (strictly) if there is one. */
  add(tMs: number, value: number, reuseBeforeMs: number): void {
    let slot = -1;
    for (let i = 0; i < this.n; i++) if (this.tMs[i] < reuseBeforeMs) slot = i;
    if (slot < 0) {
      if (this.n === this.tMs.length) this.grow();
      slot = this.n++;
    }
    this.tMs[slot] = tMs;
    this.v[slot] = value;
  }

  /** Sum of the values recorded strictly after `cutoffMs` (Go's `timestamp.After(cutoff)`). */
  sumAfter(cutoffMs: number): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) if (this.tMs[i] > cutoffMs) s += this.v[i];
    return s;
  }

  /** The largest of `start` and the values recorded strictly after `cutoffMs`. */
  maxAfter(cutoffMs: number, start: number): number {
    let m = start;
    for (let i = 0; i < this.n; i++) if (this.tMs[i] > cutoffMs && this.v[i] > m) m = this.v[i];
    return m;
  }

  /** The smallest of `start` and the values recorded strictly after `cutoffMs`. */
  minAfter(cutoffMs: number, start: number): number {
    let m = start;
    for (let i = 0; i < this.n; i++) if (this.tMs[i] > cutoffMs && this.v[i] < m) m = this.v[i];
    return m;
  }

  private grow(): void {
    const t = new Float64Array(this.tMs.length * 2);
    const v = new Int32Array(this.v.length * 2);
    t.set(this.tMs);
    v.set(this.v);
    this.tMs = t;
    this.v = v;
  }
}
