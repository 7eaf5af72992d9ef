/**
 * One node's Knative Pod Autoscaler. The simulator records the metric every
 * second ({@link KpaController.recordSecond}: the summed concurrency, or
 * requests, of every replica and of the activator's buffer in that second)
 * and calls {@link KpaController.tick} every `tickIntervalSec` (2 s:
 * knative/serving pkg/autoscaler/scaling/multiscaler.go `tickInterval`), or at
 * once through {@link KpaController.poke} when a request reaches a node at
 * zero (the activator pokes the autoscaler: multiscaler.go `Poke`).
 *
 * The decision is knative/serving pkg/autoscaler/scaling/autoscaler.go
 * `Scale`: desired = ceil(window average ÷ (target × targetUtilization)) for
 * the stable window (60 s) and the panic window (60 s × 10% = 6 s), each held
 * within [floor(ready ÷ maxScaleDownRate), ceil(maxScaleUpRate × ready)];
 * panic starts when the panic count ÷ ready ≥ 200%, is extended while it
 * holds, and ends a stable window after it last held; in panic the count
 * never goes down. Then pkg/reconciler/autoscaling/kpa/scaler.go: min/max
 * bounds (`applyBounds`) and scale-to-zero (`handleScaleToZero`: the last
 * replica goes only after the revision was active for a stable window, was
 * then marked inactive, and the grace period, 30 s, has passed since).
 * See https://knative.dev/docs/serving/autoscaling/kpa-specific/.
 */
import type { Autoscale } from './schema';
import { WindowBuckets } from './windowBuckets';

/** The KPA settings this controller reads (a normalized `autoscale` with policy `kpa`). */
export type KpaSettings = Pick<
  Autoscale,
  | 'target'
  | 'targetUtilization'
  | 'minReplicas'
  | 'maxReplicas'
  | 'stableWindowSec'
  | 'panicWindowPercentage'
  | 'panicThresholdPercentage'
  | 'maxScaleUpRate'
  | 'maxScaleDownRate'
  | 'scaleToZeroGracePeriodSec'
>;

/** The KPA of one node. Deterministic; no allocation per tick. */
export class KpaController {
  private readonly stable: WindowBuckets;
  private readonly panic: WindowBuckets;
  /** Per-replica target: target × targetUtilization (Knative's TargetValue). */
  readonly targetValue: number;
  private panicSinceMs = Number.NaN;
  private maxPanicPods = 0;
  private activeSinceMs = Number.NaN;
  private inactiveSinceMs = Number.NaN;
  /** The last decision (replicas to run). */
  desired: number;
  /** The last decider counts before bounds: stable and panic (for charts and tests). */
  stablePods = 0;
  panicPods = 0;

  /** `initialReady` replicas at `startMs`: with more than one, Knative starts in panic mode (autoscaler.go `newAutoscaler`). */
  constructor(
    private readonly s: KpaSettings,
    initialReady: number,
    startMs = 0,
  ) {
    this.stable = new WindowBuckets(s.stableWindowSec);
    this.panic = new WindowBuckets((s.stableWindowSec * s.panicWindowPercentage) / 100);
    this.targetValue = s.target * s.targetUtilization;
    if (initialReady > 1) {
      this.panicSinceMs = startMs;
      this.maxPanicPods = initialReady;
    }
    if (initialReady > 0) this.activeSinceMs = startMs;
    this.desired = initialReady;
  }

  /** True while in panic mode. */
  get panicking(): boolean {
    return !Number.isNaN(this.panicSinceMs);
  }

  /** Adds one second's observation (concurrency or requests, summed over replicas and the activator). */
  recordSecond(sec: number, value: number): void {
    this.stable.record(sec, value);
    this.panic.record(sec, value);
  }

  /** A request reached the node at zero: record it and decide at once (the activator's poke). */
  poke(nowMs: number, value: number, ready: number, current: number): number {
    this.recordSecond(Math.floor(nowMs / 1000), value);
    return this.tick(nowMs, ready, current);
  }

  /** A decision at `nowMs` with `ready` ready replicas and `current` replicas wanted so far: the replicas to run. */
  tick(nowMs: number, ready: number, current: number): number {
    if (ready > 0 && Number.isNaN(this.activeSinceMs)) this.activeSinceMs = nowMs;
    if (ready === 0 && current === 0) this.activeSinceMs = Number.NaN;
    const nowSec = Math.floor(nowMs / 1000);
    if (this.stable.isEmpty(nowSec)) return current; // no data: Knative's ErrNoData, no decision
    const decided = this.decide(nowMs, ready, this.stable.average(nowSec), this.panic.average(nowSec));
    this.desired = this.scaleToZero(nowMs, this.bound(decided), current);
    return this.desired;
  }

  /** autoscaler.go `Scale`, from the two window averages. */
  private decide(nowMs: number, ready: number, stableValue: number, panicValue: number): number {
    const s = this.s;
    const readyPods = Math.max(1, ready);
    const maxUp = Math.ceil(s.maxScaleUpRate * readyPods);
    const maxDown = Math.floor(readyPods / s.maxScaleDownRate);
    const dspc = Math.ceil(stableValue / this.targetValue);
    const dppc = Math.ceil(panicValue / this.targetValue);
    this.stablePods = dspc;
    this.panicPods = dppc;
    const desiredStable = Math.min(Math.max(dspc, maxDown), maxUp);
    const desiredPanic = Math.min(Math.max(dppc, maxDown), maxUp);
    const over = dppc / readyPods >= s.panicThresholdPercentage / 100;
    if (over) this.panicSinceMs = nowMs; // begin, or extend, panic
    else if (this.panicking && this.panicSinceMs + s.stableWindowSec * 1000 < nowMs) {
      this.panicSinceMs = Number.NaN;
      this.maxPanicPods = 0;
    }
    if (!this.panicking) return desiredStable;
    const d = Math.max(desiredStable, desiredPanic);
    if (d > this.maxPanicPods) this.maxPanicPods = d; // in panic only increases apply
    return this.maxPanicPods;
  }

  /** scaler.go `applyBounds`. */
  private bound(x: number): number {
    if (x < this.s.minReplicas) return this.s.minReplicas;
    return Math.min(x, this.s.maxReplicas);
  }

  /** scaler.go `handleScaleToZero`, with the activator always reachable (its probe succeeds). */
  private scaleToZero(nowMs: number, desired: number, current: number): number {
    if (desired !== 0) {
      this.inactiveSinceMs = Number.NaN;
      return desired;
    }
    if (Number.isNaN(this.inactiveSinceMs)) {
      // Active: marked inactive once it has been active for a stable window; meanwhile at most 1.
      if (!Number.isNaN(this.activeSinceMs) && nowMs - this.activeSinceMs < this.s.stableWindowSec * 1000) return 1;
      this.inactiveSinceMs = nowMs;
      return current; // marking inactive does not apply a scale
    }
    return nowMs - this.inactiveSinceMs >= this.s.scaleToZeroGracePeriodSec * 1000 ? 0 : 1;
  }
}
