/**
 * One node's Kubernetes HorizontalPodAutoscaler: called by the simulator at
 * every sync ("the autoscaler ticks", every `syncPeriodSec`, 15 s by default:
 * the `--horizontal-pod-autoscaler-sync-period` flag), it returns the replica
 * count to set. It follows horizontal.go's `reconcileAutoscaler` →
 * `normalizeDesiredReplicasWithBehaviors` path (an HPA with `behavior`, whose
 * documented defaults are in schema.ts): replicas for the metric, then the
 * stabilization windows (scale-up: the lowest recommendation of the window,
 * 0 s by default; scale-down: the highest, 300 s), then the scaling policies
 * and min/max. The first sync records the count it finds as a recommendation
 * (`recordInitialRecommendation`), so the HPA does not go below the starting
 * count within the first scale-down window. State: typed-array histories
 * sized by the longest window; no allocation per sync.
 */
import { hpaReplicasForMetric, type ScaleHistory, scaleDownLimit, scaleUpLimit } from './hpaMath';
import type { Autoscale, ScalingRules } from './schema';
import { TimedInts } from './timedInts';

/** What the simulator measured at a sync (see {@link hpaReplicasForMetric}). */
export interface HpaReading {
  /** Replicas not being removed: ready + starting. The HPA's currentReplicas. */
  currentReplicas: number;
  /** Ready replicas (they report the metric). */
  ready: number;
  /** Replicas still starting (cold start): set aside. */
  notReady: number;
  /** Sum of the metric over the ready replicas, each its mean over the last sync period. */
  metricSum: number;
}

/** The HPA settings this controller reads (a normalized `autoscale` with policy `hpa`). */
export type HpaSettings = Pick<Autoscale, 'metric' | 'target' | 'minReplicas' | 'maxReplicas' | 'syncPeriodSec' | 'tolerance' | 'scaleUp' | 'scaleDown'>;

function longestPeriodSec(r: ScalingRules): number {
  let m = 0;
  for (const p of r.policies) if (p.periodSec > m) m = p.periodSec;
  return m;
}

/** The HPA of one node. Deterministic: the same readings at the same times give the same counts. */
export class HpaController implements ScaleHistory {
  private readonly recs: TimedInts;
  private readonly ups: TimedInts;
  private readonly downs: TimedInts;
  private readonly utilization: boolean;
  private nowMs = 0;
  /** The last sync's recommendation before stabilization and policies (for charts and tests). */
  lastRecommendation = 0;

  constructor(private readonly s: HpaSettings) {
    const syncSec = Math.max(s.syncPeriodSec, 1);
    const windowSec = Math.max(s.scaleUp.stabilizationWindowSec, s.scaleDown.stabilizationWindowSec);
    this.recs = new TimedInts(Math.ceil(windowSec / syncSec) + 2);
    this.ups = new TimedInts(Math.ceil(longestPeriodSec(s.scaleUp) / syncSec) + 2);
    this.downs = new TimedInts(Math.ceil(longestPeriodSec(s.scaleDown) / syncSec) + 2);
    this.utilization = s.metric === 'utilization';
  }

  addedWithin(periodSec: number): number {
    return this.ups.sumAfter(this.nowMs - periodSec * 1000);
  }

  removedWithin(periodSec: number): number {
    return this.downs.sumAfter(this.nowMs - periodSec * 1000);
  }

  /** A sync at `nowMs` (times must not decrease): the replica count to set now. */
  sync(nowMs: number, r: HpaReading): number {
    const s = this.s;
    this.nowMs = nowMs;
    const current = r.currentReplicas;
    // recordInitialRecommendation: the first sync remembers the count it found (a floor for the scale-down window).
    if (this.recs.size === 0) this.recs.add(nowMs, current, nowMs);
    // A target at zero replicas with minReplicas > 0: autoscaling disabled (reconcileAutoscaler).
    if (current === 0 && s.minReplicas !== 0) return 0;
    let desired: number;
    if (current > s.maxReplicas) desired = s.maxReplicas;
    else if (current < s.minReplicas) desired = s.minReplicas;
    else {
      const rec = hpaReplicasForMetric(current, r.ready, r.notReady, r.metricSum, s.target, this.utilization, s.tolerance);
      this.lastRecommendation = rec;
      desired = this.limitRate(current, this.stabilize(nowMs, current, rec));
    }
    if (desired !== current) this.storeScaleEvent(nowMs, current, desired);
    return desired;
  }

  /** horizontal.go `stabilizeRecommendationWithBehaviors`: clamp between the window's lowest (up) and highest (down). */
  private stabilize(nowMs: number, current: number, rec: number): number {
    const upCutoff = nowMs - this.s.scaleUp.stabilizationWindowSec * 1000;
    const downCutoff = nowMs - this.s.scaleDown.stabilizationWindowSec * 1000;
    const up = this.recs.minAfter(upCutoff, rec);
    const down = this.recs.maxAfter(downCutoff, rec);
    let out = current;
    if (out < up) out = up;
    if (out > down) out = down;
    this.recs.add(nowMs, rec, Math.min(upCutoff, downCutoff));
    return out;
  }

  /** horizontal.go `convertDesiredReplicasWithBehaviorRate`: the scaling policies, then min/max. */
  private limitRate(current: number, desired: number): number {
    const s = this.s;
    if (desired > current) {
      let limit = scaleUpLimit(current, s.scaleUp, this);
      if (limit < current) limit = current;
      const maxAllowed = Math.min(s.maxReplicas, limit);
      return Math.min(desired, maxAllowed);
    }
    if (desired < current) {
      let limit = scaleDownLimit(current, s.scaleDown, this);
      if (limit > current) limit = current;
      const minAllowed = Math.max(s.minReplicas, limit);
      return Math.max(desired, minAllowed);
    }
    return desired;
  }

  /** horizontal.go `storeScaleEvent`: entries older than the longest policy period are reused. */
  private storeScaleEvent(nowMs: number, prev: number, next: number): void {
    if (next > prev) this.ups.add(nowMs, next - prev, nowMs - longestPeriodSec(this.s.scaleUp) * 1000);
    else this.downs.add(nowMs, prev - next, nowMs - longestPeriodSec(this.s.scaleDown) * 1000);
  }
}
