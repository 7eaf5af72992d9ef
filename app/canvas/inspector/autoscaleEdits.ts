/**
 * Pure edits of an autoscaler spec for the inspector: turning it on with the
 * policy's defaults, switching policy or metric with a target that fits the
 * new metric. The defaults themselves are the engine's (autoscaleDefaults).
 */
import { type AutoscaleMetric, type AutoscalePolicy, type AutoscaleSpec, autoscaleDefaults, type Autoscale } from '../../../workers/engine/autoscale/schema';
import { LIMITS } from '../../../workers/engine/limits';

/** Metrics each policy accepts (Knative scales on concurrency or rps only). */
export const POLICY_METRICS: Record<AutoscalePolicy, readonly AutoscaleMetric[]> = {
  hpa: ['utilization', 'concurrency', 'rps', 'queueDelayMs'],
  kpa: ['concurrency', 'rps'],
};

/** What a replica can do: its servers (`concurrency`) and mean service time, for suggested targets. */
export interface ReplicaShape {
  concurrency: number;
  meanServiceMs: number;
  replicas: number;
}

const sig3 = (v: number) => Number(v.toPrecision(3));

/**
 * A starting target for a metric (the user edits it): utilization the HPA's
 * 80%; concurrency the replica's servers (Knative's containerConcurrency, the
 * engine's KPA default); rps 80% (HPA) or 100% (KPA, whose 70% target
 * utilization applies on top) of a replica's service rate; queue delay one
 * mean service time.
 */
export function suggestedTarget(policy: AutoscalePolicy, metric: AutoscaleMetric, r: ReplicaShape): number {
  switch (metric) {
    case 'utilization':
      return 0.8;
    case 'concurrency':
      return r.concurrency;
    case 'rps':
      return Math.max(0.001, sig3(((policy === 'hpa' ? 0.8 : 1) * r.concurrency * 1000) / r.meanServiceMs));
    case 'queueDelayMs':
      return Math.max(0.001, sig3(r.meanServiceMs));
  }
}

/** Every field of a spec: the policy's defaults under what the spec gives. */
export function fullAutoscale(a: AutoscaleSpec, r: ReplicaShape): Autoscale {
  const d = autoscaleDefaults(a.policy, r.concurrency);
  const metric = a.metric ?? d.metric;
  return { ...d, ...a, metric, target: a.target ?? suggestedTarget(a.policy, metric, r) };
}

/** Autoscaling turned on: an HPA on utilization from min 1 to 4 × the current replicas. */
export function autoscaleOn(r: ReplicaShape): Autoscale {
  const maxReplicas = Math.min(LIMITS.maxReplicas, Math.max(4 * r.replicas, r.replicas + 1));
  return { ...autoscaleDefaults('hpa', r.concurrency), maxReplicas };
}

/** The spec under another policy: that policy's defaults, keeping the replica bounds and the metric when the policy accepts it. */
export function withPolicy(a: AutoscaleSpec, policy: AutoscalePolicy, r: ReplicaShape): Autoscale {
  const d = autoscaleDefaults(policy, r.concurrency);
  const old = fullAutoscale(a, r);
  const metric = POLICY_METRICS[policy].includes(old.metric) ? old.metric : d.metric;
  const minReplicas = policy === 'hpa' ? Math.max(1, old.minReplicas) : old.minReplicas;
  return { ...d, metric, target: metric === old.metric ? old.target : suggestedTarget(policy, metric, r), minReplicas, maxReplicas: Math.max(old.maxReplicas, minReplicas) };
}

/** The spec on another metric, with a target that fits it. */
export function withMetric(a: AutoscaleSpec, metric: AutoscaleMetric, r: ReplicaShape): Autoscale {
  return fullAutoscale({ ...a, metric, target: suggestedTarget(a.policy, metric, r) }, r);
}

/** `obj` with `key` set to `value`, or without the key when `value` is null (the document leaves absent fields out). */
export function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | null): T {
  if (value !== null) return { ...obj, [key]: value };
  const { [key]: _gone, ...rest } = obj;
  return rest as T;
}
