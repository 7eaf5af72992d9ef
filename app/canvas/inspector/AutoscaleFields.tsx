/**
 * A node's (or the monolith's) autoscaler: policy, metric, target, replica
 * bounds, and the advanced settings with the real systems' defaults beside
 * them. Every edit goes through the store's validated `edit` (undoable; a
 * value the parser refuses is named under its field).
 */
import { AUTOSCALE_POLICIES, type Autoscale, type AutoscaleMetric, type AutoscalePolicy, type ScalingRules } from '../../../workers/engine/autoscale/schema';
import type { Topology } from '../../../workers/engine/schema';
import { autoscaleOn, fullAutoscale, POLICY_METRICS, type ReplicaShape, withMetric, withPolicy } from './autoscaleEdits';
import { CheckField, InputField, SelectField } from './fields';

type Edit = (doc: Topology) => Topology;

const POLICY_LABEL: Record<AutoscalePolicy, string> = {
  hpa: 'HPA (Kubernetes)',
  kpa: 'KPA (Knative, scales to zero)',
};
export const METRIC_LABEL: Record<AutoscaleMetric, { label: string; unit: string; means: string }> = {
  utilization: { label: 'Utilization', unit: 'share 0–1', means: 'the busy share of a replica’s servers' },
  concurrency: { label: 'Concurrency', unit: 'requests', means: 'requests in service or waiting, per replica' },
  rps: { label: 'Requests per second', unit: 'req/s', means: 'requests arriving per replica, dropped ones included' },
  queueDelayMs: { label: 'Queue delay', unit: 'ms', means: 'the mean wait before service' },
};

interface Props {
  /** JSON path of the spec, e.g. `nodes[2].autoscale` or `monolith.autoscale`. */
  path: string;
  value: Autoscale | null;
  shape: ReplicaShape;
  /** Prefix of the test ids: `as-` for a node, `monolith-as-` for the monolith. */
  testIdPrefix: string;
  apply: (a: Autoscale | null) => Edit;
}

export function AutoscaleFields({ path, value, shape, testIdPrefix: t, apply }: Props) {
  const toggle = (
    <CheckField label="Autoscale (replicas follow the load)" path={path} testId={`${t}on`} value={value !== null} apply={(on) => apply(on ? autoscaleOn(shape) : null)} />
  );
  if (!value) return toggle;
  const a = fullAutoscale(value, shape);
  const set = (field: keyof Autoscale) => (v: string | number | null) => apply({ ...a, [field]: v } as Autoscale);
  const num = (field: keyof Autoscale, label: string, unit?: string, hint?: string) => (
    <InputField type="number" label={label} unit={unit} hint={hint} path={`${path}.${field}`} testId={`${t}${field}`} value={a[field] as number} apply={set(field)} />
  );
  const m = METRIC_LABEL[a.metric];
  return (
    <>
      {toggle}
      <SelectField
        label="Policy"
        path={`${path}.policy`}
        testId={`${t}policy`}
        value={a.policy}
        options={AUTOSCALE_POLICIES.map((p) => ({ value: p, label: POLICY_LABEL[p] }))}
        apply={(p) => apply(withPolicy(value, p, shape))}
      />
      <SelectField
        label="Metric"
        path={`${path}.metric`}
        testId={`${t}metric`}
        value={a.metric}
        options={POLICY_METRICS[a.policy].map((x) => ({ value: x, label: METRIC_LABEL[x].label }))}
        apply={(x) => apply(withMetric(value, x, shape))}
      />
      <div className="ls-row">
        {num('target', 'Target', m.unit)}
        {num('minReplicas', 'Min', 'replicas')}
        {num('maxReplicas', 'Max', 'replicas')}
      </div>
      <p className="ls-hint" data-testid={`${t}summary`}>
        {summary(a.policy, a.metric, a.target, a.minReplicas, a.maxReplicas, a.targetUtilization)}
      </p>
      <details className="ls-advanced" data-testid={`${t}advanced`}>
        <summary>Advanced ({a.policy === 'hpa' ? 'Kubernetes' : 'Knative'} defaults shown)</summary>
        {a.policy === 'hpa' ? (
          <>
            <div className="ls-row">
              {num('syncPeriodSec', 'Sync period', 's', 'Default 15')}
              {num('tolerance', 'Tolerance', 'ratio', 'Default 0.1')}
            </div>
            <RulesFields title="Scale up" path={`${path}.scaleUp`} rules={a.scaleUp} t={`${t}scaleUp-`} hint="Default: no stabilization, max(100%, 4 pods) per 15 s" apply={(scaleUp) => apply({ ...a, scaleUp })} />
            <RulesFields title="Scale down" path={`${path}.scaleDown`} rules={a.scaleDown} t={`${t}scaleDown-`} hint="Default: 300 s stabilization, 100% per 15 s" apply={(scaleDown) => apply({ ...a, scaleDown })} />
          </>
        ) : (
          <>
            <div className="ls-row">
              {num('targetUtilization', 'Target utilization', 'share', 'Default 0.7')}
              {num('tickIntervalSec', 'Tick', 's', 'Default 2')}
            </div>
            <div className="ls-row">
              {num('stableWindowSec', 'Stable window', 's', 'Default 60')}
              {num('panicWindowPercentage', 'Panic window', '% of stable', 'Default 10')}
            </div>
            <div className="ls-row">
              {num('panicThresholdPercentage', 'Panic threshold', '%', 'Default 200')}
              {num('scaleToZeroGracePeriodSec', 'Scale-to-zero grace', 's', 'Default 30')}
            </div>
            <div className="ls-row">
              {num('maxScaleUpRate', 'Max scale-up rate', '×', 'Default 1000')}
              {num('maxScaleDownRate', 'Max scale-down rate', '÷', 'Default 2')}
            </div>
          </>
        )}
      </details>
    </>
  );
}

function summary(policy: AutoscalePolicy, metric: AutoscaleMetric, target: number, min: number, max: number, targetUtilization: number): string {
  const what =
    metric === 'utilization'
      ? `${Number((target * 100).toPrecision(3))}% busy`
      : metric === 'queueDelayMs'
        ? `${target} ms mean queue wait`
        : `${target} ${metric === 'rps' ? 'req/s' : target === 1 ? 'request' : 'requests'}${policy === 'kpa' ? ` × ${targetUtilization} target utilization` : ''}`;
  return `${METRIC_LABEL[metric].label} is ${METRIC_LABEL[metric].means}. Keeps each ready replica near ${what}, between ${min} and ${max} replicas${min === 0 ? ' (scales to zero when idle: the next request waits a cold start)' : ''}.`;
}

function RulesFields({ title, path, rules, t, hint, apply }: { title: string; path: string; rules: ScalingRules; t: string; hint: string; apply: (r: ScalingRules) => Edit }) {
  return (
    <fieldset className="ls-rules">
      <legend>{title}</legend>
      <div className="ls-row">
        <InputField
          type="number"
          label="Stabilization"
          unit="s"
          path={`${path}.stabilizationWindowSec`}
          testId={`${t}stabilizationWindowSec`}
          value={rules.stabilizationWindowSec}
          apply={(v) => apply({ ...rules, stabilizationWindowSec: v as number })}
        />
        <SelectField
          label="Select policy"
          path={`${path}.selectPolicy`}
          testId={`${t}selectPolicy`}
          value={rules.selectPolicy}
          options={['Max', 'Min', 'Disabled'] as const}
          apply={(v) => apply({ ...rules, selectPolicy: v })}
        />
      </div>
      {rules.policies.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: policies have no id; the list is fixed while editing
        <div className="ls-row" key={i}>
          <SelectField
            label={`Policy ${i + 1}`}
            path={`${path}.policies[${i}].type`}
            testId={`${t}policy-${i}-type`}
            value={p.type}
            options={[
              { value: 'Percent', label: 'Percent' },
              { value: 'Pods', label: 'Pods' },
            ]}
            apply={(type) => apply({ ...rules, policies: rules.policies.map((q, j) => (j === i ? { ...q, type } : q)) })}
          />
          <InputField
            type="number"
            label="Value"
            unit={p.type === 'Percent' ? '%' : 'pods'}
            path={`${path}.policies[${i}].value`}
            testId={`${t}policy-${i}-value`}
            value={p.value}
            apply={(v) => apply({ ...rules, policies: rules.policies.map((q, j) => (j === i ? { ...q, value: v as number } : q)) })}
          />
          <InputField
            type="number"
            label="Per"
            unit="s"
            path={`${path}.policies[${i}].periodSec`}
            testId={`${t}policy-${i}-periodSec`}
            value={p.periodSec}
            apply={(v) => apply({ ...rules, policies: rules.policies.map((q, j) => (j === i ? { ...q, periodSec: v as number } : q)) })}
          />
        </div>
      ))}
      <p className="ls-hint">{hint}</p>
    </fieldset>
  );
}
