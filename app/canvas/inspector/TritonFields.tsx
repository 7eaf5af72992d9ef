/**
 * Triton's dynamic-batcher settings beside a model server's batching (docs/model.md): preferred
 * batch sizes, the queue policy and the model instances per replica. Off = the plain batcher.
 */
import type { TritonBatching } from '../../../workers/engine/batching/schema';
import type { Topology } from '../../../workers/engine/schema';
import { CheckField, InputField, SelectField } from './fields';

type Edit = (doc: Topology) => Topology;

/** Triton's defaults (model_config.proto): no preferred sizes, unbounded queue, REJECT, no timeout, one instance. */
export const TRITON_DEFAULTS: TritonBatching = { preferredBatchSizes: [], maxQueueSize: 0, timeoutAction: 'reject', defaultTimeoutMs: 0, instancesPerReplica: 1 };

/** "4, 8" → [4, 8]; null when an entry is not a whole number (the schema checks the range). */
export function parseSizes(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const sizes = parts.map(Number);
  return sizes.every((n) => Number.isInteger(n)) ? sizes : null;
}

export function TritonFields({ triton, at, update }: { triton: TritonBatching | null; at: string; update: (t: TritonBatching | null) => Edit }) {
  const t = triton;
  const num = (field: 'maxQueueSize' | 'defaultTimeoutMs' | 'instancesPerReplica', label: string, unit?: string, hint?: string) =>
    t && (
      <InputField type="number" label={label} unit={unit} hint={hint} path={`${at}.${field}`} testId={`triton-${field}`} value={t[field]} apply={(v) => update({ ...t, [field]: v })} />
    );
  return (
    <div data-testid="triton-fields">
      <CheckField label="Triton dynamic batcher (preferred sizes, queue policy, instances)" path={at} testId="triton" value={t !== null} apply={(on) => update(on ? { ...TRITON_DEFAULTS } : null)} />
      {t && (
        <>
          <InputField
            type="text"
            label="Preferred batch sizes"
            hint="Comma-separated; empty = none (Triton’s advice for most models). The largest one that can be formed goes at once."
            path={`${at}.preferredBatchSizes`}
            testId="triton-preferredBatchSizes"
            value={t.preferredBatchSizes.join(', ')}
            apply={(v) => (doc) => {
              const sizes = parseSizes(String(v ?? ''));
              return sizes ? update({ ...t, preferredBatchSizes: sizes })(doc) : update({ ...t, preferredBatchSizes: [Number.NaN] })(doc);
            }}
          />
          <div className="ls-row">
            {num('instancesPerReplica', 'Instances', 'per replica')}
            {num('maxQueueSize', 'Max queue', 'requests', '0 = unbounded')}
          </div>
          <div className="ls-row">
            {num('defaultTimeoutMs', 'Queue timeout', 'ms', '0 = none')}
            <SelectField
              label="On timeout"
              path={`${at}.timeoutAction`}
              testId="triton-timeoutAction"
              value={t.timeoutAction}
              options={[
                { value: 'reject', label: 'Reject (error)' },
                { value: 'delay', label: 'Delay (serve after the rest)' },
              ]}
              apply={(v) => update({ ...t, timeoutAction: v })}
            />
          </div>
        </>
      )}
    </div>
  );
}
