/**
 * Proposed document fields for issue 12 (autoscaling and cold starts): zod
 * schemas kept beside the mechanism until the format is extended (see
 * docs/design/issue-12.md). `node.autoscale` and `node.coldStart` are
 * optional; a node without `autoscale` keeps its fixed `replicas`.
 *
 * Every default is the real system's documented default:
 * - HPA: https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 *   ("Algorithm details", "Default Behavior"); sync period from the
 *   `--horizontal-pod-autoscaler-sync-period` flag (15 s).
 * - KPA: https://knative.dev/docs/serving/autoscaling/kpa-specific/ and the
 *   `config-autoscaler` ConfigMap (stable-window 60s, panic-window-percentage
 *   10, panic-threshold-percentage 200, max-scale-up-rate 1000,
 *   max-scale-down-rate 2, scale-to-zero-grace-period 30s,
 *   container-concurrency-target-percentage 70); tick 2 s from
 *   knative/serving pkg/autoscaler/scaling/multiscaler.go (`tickInterval`).
 */
import { z } from 'zod';
import { int, num as n, positive as pos } from '../zodFields';
import { LIMITS } from '../limits';

/** Autoscaler families: Kubernetes HPA or Knative KPA. */
export const AUTOSCALE_POLICIES = ['hpa', 'kpa'] as const;
export type AutoscalePolicy = (typeof AUTOSCALE_POLICIES)[number];

/**
 * What the autoscaler measures, per ready replica: `utilization` (busy share
 * of its servers, 0–1), `concurrency` (requests in service or waiting),
 * `rps` (arrivals per second, dropped ones included) or `queueDelayMs`
 * (mean wait in the queue). KPA accepts `concurrency` and `rps` only, the two
 * metrics Knative scales on.
 */
export const AUTOSCALE_METRICS = ['utilization', 'concurrency', 'rps', 'queueDelayMs'] as const;
export type AutoscaleMetric = (typeof AUTOSCALE_METRICS)[number];

const MAX_WINDOW_SEC = 3600;

/** One HPA scaling policy: at most `value` pods (`Pods`) or `value`% (`Percent`) of change per `periodSec`. */
export const ScalingPolicySchema = z
  .object({ type: z.enum(['Pods', 'Percent']), value: int(1, LIMITS.maxReplicas * 100), periodSec: int(1, 1800) })
  .strict();
export type ScalingPolicy = z.infer<typeof ScalingPolicySchema>;

/** HPA `behavior.scaleUp` / `behavior.scaleDown` (HPAScalingRules). */
export const ScalingRulesSchema = z
  .object({
    stabilizationWindowSec: int(0, MAX_WINDOW_SEC),
    selectPolicy: z.enum(['Max', 'Min', 'Disabled']),
    policies: z.array(ScalingPolicySchema).min(1, { error: 'must have at least one policy' }).max(10),
  })
  .strict();
export type ScalingRules = z.infer<typeof ScalingRulesSchema>;

/** The HPA's documented default scale-up rules: max(100%, 4 pods) per 15 s, no stabilization. */
export const DEFAULT_SCALE_UP: ScalingRules = {
  stabilizationWindowSec: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Percent', value: 100, periodSec: 15 },
    { type: 'Pods', value: 4, periodSec: 15 },
  ],
};
/** The HPA's documented default scale-down rules: 100% per 15 s after a 300 s stabilization window. */
export const DEFAULT_SCALE_DOWN: ScalingRules = {
  stabilizationWindowSec: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSec: 15 }],
};

/**
 * A node's autoscaler, every field present. `target` is per replica in the
 * metric's unit (utilization: share 0–1, applied as a whole percent like the
 * HPA's averageUtilization; KPA concurrency: the container-concurrency target,
 * scaled by `targetUtilization`). HPA-only: syncPeriodSec, tolerance, scaleUp,
 * scaleDown. KPA-only: the rest.
 */
export const AutoscaleObjectSchema = z
  .object({
    policy: z.enum(AUTOSCALE_POLICIES),
    metric: z.enum(AUTOSCALE_METRICS),
    target: pos(LIMITS.maxRatePerSec),
    minReplicas: int(0, LIMITS.maxReplicas),
    maxReplicas: int(1, LIMITS.maxReplicas),
    syncPeriodSec: pos(600),
    tolerance: n(0, 1),
    scaleUp: ScalingRulesSchema,
    scaleDown: ScalingRulesSchema,
    targetUtilization: z.number().gt(0, { error: 'must be greater than 0 and at most 1' }).max(1, { error: 'must be greater than 0 and at most 1' }),
    stableWindowSec: n(6, MAX_WINDOW_SEC),
    panicWindowPercentage: n(1, 100),
    panicThresholdPercentage: n(110, 1000),
    maxScaleUpRate: z.number().gt(1, { error: 'must be greater than 1' }).max(1e6),
    maxScaleDownRate: z.number().gt(1, { error: 'must be greater than 1' }).max(1e6),
    scaleToZeroGracePeriodSec: n(0, MAX_WINDOW_SEC),
    tickIntervalSec: pos(60),
  })
  .strict();

/** Checks across fields (each message names its field): min ≤ max, an HPA keeps at least one replica, a KPA scales on concurrency or rps. */
function refineAutoscale(a: { policy: AutoscalePolicy; metric: AutoscaleMetric; minReplicas: number; maxReplicas: number }, ctx: z.RefinementCtx): void {
  if (a.minReplicas > a.maxReplicas) ctx.addIssue({ code: 'custom', path: ['minReplicas'], message: 'must be at most maxReplicas' });
  if (a.policy === 'hpa' && a.minReplicas < 1) ctx.addIssue({ code: 'custom', path: ['minReplicas'], message: 'must be at least 1 for an HPA (only the KPA scales to zero)' });
  if (a.policy === 'kpa' && a.metric !== 'concurrency' && a.metric !== 'rps')
    ctx.addIssue({ code: 'custom', path: ['metric'], message: 'must be concurrency or rps for a KPA (the metrics Knative scales on)' });
}

/** A normalized autoscaler (every field present, see {@link AutoscaleObjectSchema}), checked across fields. */
export const AutoscaleSchema = AutoscaleObjectSchema.superRefine(refineAutoscale);
export type Autoscale = z.infer<typeof AutoscaleSchema>;

/** What a user may write: `policy` and `maxReplicas` required, the rest from {@link autoscaleDefaults} (checked across fields once filled, in semantics). */
export const AutoscaleSpecSchema = AutoscaleObjectSchema.partial().required({ policy: true, maxReplicas: true }).strict();
export type AutoscaleSpec = z.infer<typeof AutoscaleSpecSchema>;

/**
 * The defaults of one policy. `concurrencyPerReplica` is the node's
 * `concurrency` (its servers per replica): the KPA's default target for the
 * concurrency metric (Knative's containerConcurrency; our choice, since the
 * document has no separate soft target).
 */
export function autoscaleDefaults(policy: AutoscalePolicy, concurrencyPerReplica: number): Omit<Autoscale, 'maxReplicas'> {
  return {
    policy,
    metric: policy === 'hpa' ? 'utilization' : 'concurrency',
    target: policy === 'hpa' ? 0.8 : concurrencyPerReplica,
    minReplicas: policy === 'hpa' ? 1 : 0,
    syncPeriodSec: 15,
    tolerance: 0.1,
    scaleUp: DEFAULT_SCALE_UP,
    scaleDown: DEFAULT_SCALE_DOWN,
    targetUtilization: 0.7,
    stableWindowSec: 60,
    panicWindowPercentage: 10,
    panicThresholdPercentage: 200,
    maxScaleUpRate: 1000,
    maxScaleDownRate: 2,
    scaleToZeroGracePeriodSec: 30,
    tickIntervalSec: 2,
  };
}

/** Fills a spec's missing fields with its policy's defaults, then validates (throws a ZodError naming the field). */
export function normalizeAutoscale(spec: AutoscaleSpec, concurrencyPerReplica: number): Autoscale {
  const d = autoscaleDefaults(spec.policy, concurrencyPerReplica);
  // The default target belongs to the default metric (HPA: 80% utilization, the autoscaling/v2 default
  // metric; KPA: the node's concurrency); any other metric needs its own target.
  const metric = spec.metric ?? d.metric;
  const target = spec.target ?? (metric === d.metric ? d.target : undefined);
  if (target === undefined) throw new Error(`autoscale.target: required when autoscale.metric is ${metric}`);
  return AutoscaleSchema.parse({ ...d, ...spec, metric, target });
}

const S = LIMITS.maxServiceMs / 1000;
/** A cold start (provisioning, image pull, model load) in seconds: the service-time distributions, in `Sec`. */
export const ColdStartSchema = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('exponential'), meanSec: pos(S) }).strict(),
  z.object({ dist: z.literal('deterministic'), meanSec: n(0, S) }).strict(),
  z.object({ dist: z.literal('lognormal'), meanSec: pos(S), cv: pos(LIMITS.maxCv) }).strict(),
  z.object({ dist: z.literal('gamma'), meanSec: pos(S), cv: pos(LIMITS.maxCv) }).strict(),
  z.object({ dist: z.literal('uniform'), minSec: n(0, S), maxSec: n(0, S) }).strict(),
]);
/** A cold-start distribution (seconds). */
export type ColdStart = z.infer<typeof ColdStartSchema>;
