/**
 * The document's run settings and SLO as form rows, shared by the inspector
 * and the run panel (both edit the same `run` and `slo` fields).
 */
import type { RunSettings, Slo, Topology } from '../../../workers/engine/schema';
import { InputField, SelectField } from './fields';

type Sub = 'workload' | 'run' | 'slo' | 'monolith';

/** An update that sets one field of one of the document's settings records. */
export const setInDoc =
  (sub: Sub, field: string) =>
  (v: string | number | null) =>
  (doc: Topology): Topology => ({ ...doc, [sub]: { ...doc[sub], [field]: v } });

function NumField({ sub, field, label, unit, value, testIdPrefix }: { sub: 'run' | 'slo'; field: string; label: string; unit?: string; value: number; testIdPrefix: string }) {
  return (
    <InputField
      type="number"
      label={label}
      unit={unit}
      path={`${sub}.${field}`}
      testId={`${testIdPrefix}${sub}-${field}`}
      value={value}
      apply={setInDoc(sub, field)}
    />
  );
}

/** Duration, warm-up, seed and replications. */
export function RunFields({ run, testIdPrefix = '' }: { run: RunSettings; testIdPrefix?: string }) {
  const f = (field: keyof RunSettings, label: string, unit?: string) => (
    <NumField sub="run" field={field} label={label} unit={unit} value={run[field]} testIdPrefix={testIdPrefix} />
  );
  return (
    <>
      <div className="ls-row">
        {f('durationSec', 'Duration', 's')}
        {f('warmupSec', 'Warm-up', 's')}
      </div>
      <div className="ls-row">
        {f('seed', 'Seed')}
        {f('replications', 'Replications')}
      </div>
    </>
  );
}

/** An SLO on time to first token or time per output token (ms; empty = not set). */
function LlmSloField({ field, label, slo, testIdPrefix }: { field: 'ttftMs' | 'tpotMs'; label: string; slo: Slo; testIdPrefix: string }) {
  return (
    <InputField
      type="number"
      label={label}
      unit="ms"
      nullable
      path={`slo.${field}`}
      testId={`${testIdPrefix}slo-${field}`}
      value={slo[field] ?? null}
      apply={(v) => (doc: Topology) => {
        const { [field]: _old, ...rest } = doc.slo;
        return { ...doc, slo: v === null ? rest : { ...rest, [field]: v } };
      }}
    />
  );
}

/** The SLO's percentile and threshold; with llm-servers (`llm`), also on TTFT and TPOT (goodput counts requests meeting both). */
export function SloFields({ slo, testIdPrefix = '', labelPrefix = '', llm = false }: { slo: Slo; testIdPrefix?: string; labelPrefix?: string; llm?: boolean }) {
  return (
    <>
    <div className="ls-row">
      <SelectField
        label={`${labelPrefix}${labelPrefix ? 'percentile' : 'Percentile'}`}
        path="slo.percentile"
        testId={`${testIdPrefix}slo-percentile`}
        value={slo.percentile}
        options={['mean', 'p50', 'p90', 'p95', 'p99', 'p999'] as const}
        apply={setInDoc('slo', 'percentile')}
      />
      <NumField sub="slo" field="thresholdMs" label={`${labelPrefix}${labelPrefix ? 'threshold' : 'Threshold'}`} unit="ms" value={slo.thresholdMs} testIdPrefix={testIdPrefix} />
    </div>
    {llm && (
      <div className="ls-row" data-testid={`${testIdPrefix}slo-llm`}>
        <LlmSloField field="ttftMs" label={`${labelPrefix}TTFT`} slo={slo} testIdPrefix={testIdPrefix} />
        <LlmSloField field="tpotMs" label={`${labelPrefix}TPOT`} slo={slo} testIdPrefix={testIdPrefix} />
      </div>
    )}
    </>
  );
}
