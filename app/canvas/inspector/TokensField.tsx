/** Input and output token counts of a request, each a distribution `{dist, mean, cv}` like a service time. */
import type { TokenDistSpecDoc } from '../../../workers/engine/llm/schema';
import type { Topology } from '../../../workers/engine/schema';
import { CheckField, InputField, SelectField } from './fields';

type Edit = (doc: Topology) => Topology;
export interface TokensValue {
  input: TokenDistSpecDoc;
  output: TokenDistSpecDoc;
}

const DISTS: { value: TokenDistSpecDoc['dist']; label: string }[] = [
  { value: 'deterministic', label: 'Fixed' },
  { value: 'exponential', label: 'Exponential' },
  { value: 'lognormal', label: 'Lognormal (CV)' },
  { value: 'gamma', label: 'Gamma (CV)' },
];

/** A typical chat request: about 512 prompt tokens and 256 output tokens, both lognormal with CV 1. */
export const TOKENS_DEFAULT: TokensValue = { input: { dist: 'lognormal', mean: 512, cv: 1 }, output: { dist: 'lognormal', mean: 256, cv: 1 } };

const withDist = (d: TokenDistSpecDoc, dist: TokenDistSpecDoc['dist']): TokenDistSpecDoc =>
  dist === 'lognormal' || dist === 'gamma' ? { dist, mean: d.mean, cv: d.cv ?? 1 } : { dist, mean: d.mean };

function OneDist({ which, d, at, testId, set }: { which: string; d: TokenDistSpecDoc; at: string; testId: string; set: (d: TokenDistSpecDoc) => Edit }) {
  return (
    // The distribution on its own line, its numbers under it (as the service time): three fields in a 300 px row cut
    // the select to "Lognorı".
    <>
      <SelectField label={`${which} tokens`} path={`${at}.dist`} testId={`${testId}-dist`} value={d.dist} options={DISTS} apply={(v) => set(withDist(d, v))} />
      <div className="ls-row">
      <InputField type="number" label="Mean" unit="tokens" path={`${at}.mean`} testId={`${testId}-mean`} value={d.mean} apply={(v) => set({ ...d, mean: v as number })} />
      {(d.dist === 'lognormal' || d.dist === 'gamma') && (
        <InputField type="number" label="CV" path={`${at}.cv`} testId={`${testId}-cv`} value={d.cv ?? null} apply={(v) => set({ ...d, cv: v as number })} />
      )}
      </div>
    </>
  );
}

/**
 * The tokens editor. `optional`: a checkbox turns it on and off (an edge's override, null = the
 * workload's tokens); otherwise always shown.
 */
export function TokensField({ tokens, at, testId, label, optional, fallback, update }: {
  tokens: TokensValue | null;
  at: string;
  testId: string;
  label: string;
  optional?: boolean;
  /** What the checkbox turns on from (e.g. the workload's tokens). */
  fallback?: TokensValue | null;
  update: (t: TokensValue | null) => Edit;
}) {
  return (
    <div data-testid={`${testId}-tokens`}>
      {optional && (
        <CheckField label={label} path={at} testId={`${testId}-tokens-on`} value={tokens !== null} apply={(on) => update(on ? structuredClone(fallback ?? TOKENS_DEFAULT) : null)} />
      )}
      {tokens && (
        <>
          <OneDist which="Input" d={tokens.input} at={`${at}.input`} testId={`${testId}-in`} set={(input) => update({ ...tokens, input })} />
          <OneDist which="Output" d={tokens.output} at={`${at}.output`} testId={`${testId}-out`} set={(output) => update({ ...tokens, output })} />
        </>
      )}
    </div>
  );
}
