/**
 * Knative's windowed average of a metric in 1-second buckets: a port of
 * knative/serving pkg/autoscaler/aggregation/bucketing.go
 * (`TimedFloat64Buckets.Record` and `WindowAverage`) with times in whole
 * seconds. Values recorded in the same second add up (one stat per pod); the
 * average is over the buckets written so far when the first write is less
 * than a window ago, and over the window otherwise; seconds with no write
 * inside the window count as 0; no write for a whole window → empty.
 */
export class WindowBuckets {
  private readonly buckets: Float64Array;
  private total = 0;
  private firstSec = Number.NaN;
  private lastSec = Number.NaN;

  /** windowSec: the window length in seconds (stable window 60, panic window 6 by default). */
  constructor(readonly windowSec: number) {
    this.buckets = new Float64Array(Math.max(1, Math.ceil(windowSec)));
  }

  private idx(sec: number): number {
    const n = this.buckets.length;
    return ((sec % n) + n) % n;
  }

  /** Adds `value` to the bucket of second `sec` (seconds must not go back by a window or more). */
  record(sec: number, value: number): void {
    const b = this.buckets;
    const W = b.length;
    if (sec === this.lastSec) {
      b[this.idx(sec)] += value;
      this.total += value;
      return;
    }
    if (sec + W < this.lastSec) return; // older than a window: ignored
    if (Number.isNaN(this.firstSec) || this.firstSec > sec) this.firstSec = sec;
    if (Number.isNaN(this.lastSec) || sec > this.lastSec) {
      if (Number.isNaN(this.lastSec) || sec - this.lastSec >= W) {
        this.firstSec = sec;
        b.fill(0);
        this.total = 0;
      } else {
        for (let s = this.lastSec + 1; s <= sec; s++) {
          this.total -= b[this.idx(s)];
          b[this.idx(s)] = 0;
        }
      }
      this.lastSec = sec;
    }
    b[this.idx(sec)] += value;
    this.total += value;
  }

  /** True when nothing was recorded within a window before `nowSec`. */
  isEmpty(nowSec: number): boolean {
    return Number.isNaN(this.lastSec) || nowSec - this.lastSec > this.buckets.length;
  }

  /** The window average at second `nowSec` (0 when empty). */
  average(nowSec: number): number {
    if (this.isEmpty(nowSec)) return 0;
    const W = this.buckets.length;
    const written = this.lastSec - this.firstSec + 1;
    const d = nowSec - this.lastSec;
    if (d <= 0) return this.total / Math.min(written, W);
    if (d < W) {
      let t = this.total;
      for (let s = this.lastSec + 1; s <= nowSec; s++) t -= this.buckets[this.idx(s)];
      return t / Math.min(written, W - d);
    }
    return 0;
  }
}
