/**
 * The Kubernetes HorizontalPodAutoscaler's arithmetic, as pure functions.
 *
 * Sources (read for this port):
 * - https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 *   "Algorithm details" and "Configurable scaling behavior";
 * - kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go
 *   (`calcPlainMetricReplicas`, `GetResourceReplicas`) and horizontal.go
 *   (`calculateScaleUpLimitWithScalingRules`,
 *   `calculateScaleDownLimitWithBehaviors`, `getReplicasChangePerPeriod`).
 */
import type { ScalingRules } from './schema';

/**
 * The HPA's observed value against its target, in the integer units the
 * controller compares: whole percent for utilization (replica_calculator's
 * `int32(metricsTotal*100/requestsTotal)`, against averageUtilization in
 * percent) and milli-units for the other metrics (custom metrics are
 * averaged as integer milli-values, `metricsTotal / len(metrics)`). The
 * 1e-9 keeps a value that is whole in decimal (0.9 × 100) from flooring to
 * the integer below through binary rounding.
 */
export function quantizeMetric(utilization: boolean, value: number): number {
  return Math.floor(value * (utilization ? 100 : 1000) + 1e-9);
}

/** The target in the same integer units as {@link quantizeMetric} (rounded: a target is whole in its unit). */
export function quantizeTarget(utilization: boolean, target: number): number {
  return Math.max(1, Math.round(target * (utilization ? 100 : 1000)));
}

/**
 * Desired replicas for one metric (replica_calculator.go). `metricSum` is
 * the sum of the metric over the `ready` replicas (not-yet-ready ones report
 * none); `notReady` replicas are still starting (Pending in Kubernetes: set
 * aside). Replicas being removed are not counted at all (a deletion
 * timestamp: ignored). Rules, as documented under "Algorithm details":
 * - ratio = average over ready replicas ÷ target; no ready replica → no
 *   change (the controller cannot compute a ratio);
 * - with no replica set aside, or on a scale-down: within the tolerance →
 *   currentReplicas, else ceil(ratio × ready);
 * - on a scale-up with replicas set aside: they count as 0 ("further
 *   dampening the magnitude of a scale up"); the recomputed ratio is used
 *   unless it (or the count it gives) is within the tolerance or reverses
 *   the direction.
 */
export function hpaReplicasForMetric(
  currentReplicas: number,
  ready: number,
  notReady: number,
  metricSum: number,
  target: number,
  utilization: boolean,
  tolerance: number,
): number {
  if (ready <= 0) return currentReplicas;
  const targetQ = quantizeTarget(utilization, target);
  const usageRatio = quantizeMetric(utilization, metricSum / ready) / targetQ;
  const rebalance = notReady > 0 && usageRatio > 1;
  if (!rebalance) {
    if (Math.abs(1 - usageRatio) <= tolerance) return currentReplicas;
    return Math.ceil(usageRatio * ready);
  }
  const counted = ready + notReady;
  const newRatio = quantizeMetric(utilization, metricSum / counted) / targetQ;
  if (Math.abs(1 - newRatio) <= tolerance || newRatio < 1) return currentReplicas;
  const newReplicas = Math.ceil(newRatio * counted);
  // A count below the current one would reverse the direction: no change (GetResourceReplicas).
  return Math.max(newReplicas, currentReplicas);
}

/** Replicas added (`up`) and removed (`down`) in the last `periodSec` before now: a source of per-period sums. */
export interface ScaleHistory {
  addedWithin(periodSec: number): number;
  removedWithin(periodSec: number): number;
}

/** The most replicas the scale-up rules allow now (horizontal.go `calculateScaleUpLimitWithScalingRules`). */
export function scaleUpLimit(currentReplicas: number, rules: ScalingRules, h: ScaleHistory): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (const p of rules.policies) {
    const periodStart = currentReplicas - h.addedWithin(p.periodSec) + h.removedWithin(p.periodSec);
    const proposed = p.type === 'Pods' ? periodStart + p.value : Math.ceil(periodStart * (1 + p.value / 100));
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** The fewest replicas the scale-down rules allow now (horizontal.go `calculateScaleDownLimitWithBehaviors`). */
export function scaleDownLimit(currentReplicas: number, rules: ScalingRules, h: ScaleHistory): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (const p of rules.policies) {
    const periodStart = currentReplicas - h.addedWithin(p.periodSec) + h.removedWithin(p.periodSec);
    // Go's int32(float64) conversion truncates toward zero.
    const proposed = p.type === 'Pods' ? periodStart - p.value : Math.trunc(periodStart * (1 - p.value / 100));
    // 'Max' (default) picks the policy allowing the largest change: the smallest count.
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}
