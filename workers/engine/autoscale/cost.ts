/**
 * Replica-time and cost accounting for an autoscaled node: the number of
 * billed replicas (starting, ready or draining: a machine is paid from the
 * moment it is requested until it is released) integrated over time, in
 * total and per result window. Cost = replica-seconds × price per hour ÷ 3600.
 */
export class ReplicaMeter {
  /** Replica-seconds in each window. */
  readonly perWindowSec: Float64Array;
  private totalSec = 0;
  private lastMs = 0;
  private count = 0;

  /** `fromMs`: the totals (replicaSeconds, cost) count only time after it (the warm-up); the windows count all. */
  constructor(
    readonly windowMs: number,
    windows: number,
    private readonly fromMs = 0,
  ) {
    this.perWindowSec = new Float64Array(windows);
  }

  /** From `nowMs` on, `count` replicas are billed (times must not decrease). */
  record(nowMs: number, count: number): void {
    this.advance(nowMs);
    this.count = count;
  }

  /** Closes the books at `endMs` (call once at the end of the run). */
  finish(endMs: number): void {
    this.advance(endMs);
  }

  private advance(nowMs: number): void {
    let t = this.lastMs;
    if (nowMs <= t) return;
    const c = this.count;
    const w = this.perWindowSec;
    if (c > 0) {
      // The window index steps by one: recomputing floor(t / windowMs) at a boundary t = (k + 1) × windowMs can give k
      // again when windowMs is not a whole number (17 s ÷ 60 windows), and the loop would never move on.
      const wMs = this.windowMs;
      for (let k = Math.floor(t / wMs); t < nowMs; k++) {
        const edge = (k + 1) * wMs;
        if (edge <= t) continue;
        const end = Math.min(nowMs, edge);
        if (k < w.length) w[k] += (c * (end - t)) / 1000;
        t = end;
      }
      const from = Math.max(this.lastMs, this.fromMs);
      if (nowMs > from) this.totalSec += (c * (nowMs - from)) / 1000;
    }
    this.lastMs = nowMs;
  }

  /** Replica-seconds so far. */
  get replicaSeconds(): number {
    return this.totalSec;
  }

  /** Replica-hours so far. */
  get replicaHours(): number {
    return this.totalSec / 3600;
  }

  /** Cost so far, US$, at `pricePerHour` per replica-hour. */
  cost(pricePerHour: number): number {
    return (this.totalSec * pricePerHour) / 3600;
  }

  /** Cost of each window, US$. */
  costSeries(pricePerHour: number): Float64Array {
    const out = new Float64Array(this.perWindowSec.length);
    for (let k = 0; k < out.length; k++) out[k] = (this.perWindowSec[k] * pricePerHour) / 3600;
    return out;
  }

  /** Mean replicas in each window (the `timeSeries.replicas` chart). */
  replicaSeries(): Float64Array {
    const out = new Float64Array(this.perWindowSec.length);
    for (let k = 0; k < out.length; k++) out[k] = (this.perWindowSec[k] * 1000) / this.windowMs;
    return out;
  }
}
