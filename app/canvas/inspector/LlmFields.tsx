/**
 * An llm-server's engine settings (vLLM-style continuous batching): a preset or α/β, the
 * scheduler limits, the KV cache (tokens, or the model's shape and the GPU memory), the mode for
 * disaggregated serving; the KV capacity and the decode-bound ceiling are shown live, computed by
 * the engine's own functions.
 */
import type { LlmServer } from '../../../workers/engine/llm/schema';
import { LLM_PRESETS } from '../../../workers/engine/llm/presets';
import type { Hardware, Topology } from '../../../workers/engine/schema';
import { CheckField, InputField, SelectField } from './fields';
import { LlmCapacityLine } from './LlmCapacityLine';

type Edit = (doc: Topology) => Topology;
type LlmModel = NonNullable<LlmServer['model']>;

/** The llm block with `preset`'s step coefficients and model shape (the KV cache then follows the GPU memory). */
export function applyPreset(llm: LlmServer, presetId: string): LlmServer {
  const p = LLM_PRESETS.find((x) => x.id === presetId);
  if (!p) return { ...llm, preset: null };
  const { layers, kvHeads, headDim, bytesPerElement, weightsGiB } = p.model;
  return { ...llm, preset: p.id, alphaMs: round(p.alphaMs), betaMs: round(p.betaMs), kvCacheTokens: null, model: { layers, kvHeads, headDim, bytesPerElement, weightsGiB: round(weightsGiB) } };
}

const round = (x: number) => Number(x.toPrecision(6));

/** A default model shape when switching the KV source to "model" without a preset (Llama-3-8B's). */
const DEFAULT_MODEL: LlmModel = { layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2, weightsGiB: 14.96 };

export function LlmFields({ llm, at, hardware, meanTokens, update }: {
  llm: LlmServer;
  /** JSON path of the llm block, e.g. `nodes[3].llm`. */
  at: string;
  /** The machine type of one replica (its GPU memory sizes a model's KV cache), null when none. */
  hardware: Hardware | null;
  /** Mean input and output tokens of the requests reaching the node, for the guidance line. */
  meanTokens: { input: number; output: number } | null;
  update: (llm: LlmServer) => Edit;
}) {
  const preset = LLM_PRESETS.find((p) => p.id === llm.preset) ?? null;
  const set = (field: keyof LlmServer) => (v: string | number | null) => update({ ...llm, [field]: v, ...(field === 'alphaMs' || field === 'betaMs' ? { preset: null } : {}) });
  const num = (field: 'alphaMs' | 'betaMs' | 'maxNumSeqs' | 'maxNumBatchedTokens' | 'kvCacheTokens' | 'gpuMemoryUtilization' | 'blockSizeTokens', label: string, unit?: string, hint?: string) => (
    <InputField type="number" label={label} unit={unit} hint={hint} path={`${at}.${field}`} testId={`llm-${field}`} value={llm[field]} apply={set(field)} />
  );
  const model = llm.model;
  const setModel = (field: keyof LlmModel) => (v: string | number | null) => update({ ...llm, preset: null, model: { ...(model ?? DEFAULT_MODEL), [field]: v as number } });
  const modelNum = (field: keyof LlmModel, label: string, unit?: string) => (
    <InputField type="number" label={label} unit={unit} path={`${at}.model.${field}`} testId={`llm-model-${field}`} value={model?.[field] ?? null} apply={setModel(field)} />
  );
  return (
    <div data-testid="llm-fields">
      <SelectField
        label="Preset (model on GPU)"
        path={`${at}.preset`}
        testId="llm-preset"
        value={llm.preset ?? ''}
        options={[{ value: '', label: 'None (own numbers)' }, ...LLM_PRESETS.map((p) => ({ value: p.id, label: `${p.model.label} on ${p.gpu.label}` }))]}
        apply={(id) => update(applyPreset(llm, id))}
      />
      {preset && (
        <p className="ls-hint ls-assumption" data-testid="llm-preset-source">
          Assumption, not a measurement: α and β from a roofline model of {preset.model.label} on the {preset.gpu.label} ({preset.source}). Give a measured step-time table where you have one.
        </p>
      )}
      <div className="ls-row">
        {num('alphaMs', 'Step α', 'ms')}
        {num('betaMs', 'Step β', 'ms per token')}
      </div>
      <p className="ls-hint">One iteration takes α + β × tokens in the step; the prompt's step gives the first token.</p>
      <div className="ls-row">
        {num('maxNumSeqs', 'Max sequences', 'max_num_seqs')}
        {num('maxNumBatchedTokens', 'Token budget', 'per step')}
      </div>
      <CheckField label="Chunked prefill (split long prompts across steps)" path={`${at}.chunkedPrefill`} testId="llm-chunkedPrefill" value={llm.chunkedPrefill} apply={(v) => update({ ...llm, chunkedPrefill: v })} />
      <SelectField
        label="KV cache size from"
        path={`${at}.kvCacheTokens`}
        testId="llm-kv-source"
        value={model ? 'model' : 'tokens'}
        options={[
          { value: 'model', label: 'The model’s shape and the GPU memory' },
          { value: 'tokens', label: 'A number of tokens' },
        ]}
        apply={(v) => update(v === 'model' ? { ...llm, kvCacheTokens: null, model: model ?? DEFAULT_MODEL } : { ...llm, preset: null, model: null, kvCacheTokens: llm.kvCacheTokens ?? 100_000 })}
      />
      {model ? (
        <>
          <div className="ls-row">
            {modelNum('layers', 'Layers')}
            {modelNum('kvHeads', 'KV heads')}
            {modelNum('headDim', 'Head dim')}
          </div>
          <div className="ls-row">
            {modelNum('bytesPerElement', 'Bytes per element', 'KV dtype')}
            {modelNum('weightsGiB', 'Weights', 'GiB')}
          </div>
          {num('gpuMemoryUtilization', 'GPU memory utilisation', '0–1')}
        </>
      ) : (
        num('kvCacheTokens', 'KV cache', 'tokens')
      )}
      {num('blockSizeTokens', 'KV block size', 'tokens')}
      <SelectField
        label="Mode"
        path={`${at}.mode`}
        testId="llm-mode"
        value={llm.mode}
        options={[
          { value: 'both', label: 'Prefill and decode (one engine)' },
          { value: 'prefill', label: 'Prefill only (disaggregated: ends at the first token)' },
          { value: 'decode', label: 'Decode only (disaggregated: receives the prompt’s KV)' },
        ]}
        apply={(v) => update({ ...llm, mode: v })}
      />
      <LlmCapacityLine llm={llm} hardware={hardware} meanTokens={meanTokens} />
    </div>
  );
}
