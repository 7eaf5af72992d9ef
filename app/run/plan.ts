/**
 * Turns the run panel's inputs into a run plan, with a clear message per
 * field when an input is wrong. Range and option checks are the engine's own
 * (sweepRates, resolveRun), so the panel and the CLI agree on what is valid.
 */
import { parseTopology } from '../../workers/engine/parse';
import type { RunOptions } from '../../workers/engine/results';
import { resolveRun } from '../../workers/engine/run';
import type { Topology } from '../../workers/engine/schema';
import { sweepRates } from '../../workers/engine/sweep';
import { type ProfilePreset, presetProfile } from './profiles';

/** The run panel's inputs, as typed (strings: empty means "automatic" or "the document's"). */
export interface RunFormSpec {
  mode: 'sweep' | 'single';
  /** Sweep from a low load to ≈1.2 × the analytic saturation rate. */
  autoRange: boolean;
  fromPerSec: string;
  toPerSec: string;
  steps: string;
  /** Single run: offered load (empty = the document's workload rate). */
  ratePerSec: string;
  profile: 'none' | 'document' | ProfilePreset;
}

export const DEFAULT_RUN_FORM: RunFormSpec = {
  mode: 'sweep',
  autoRange: true,
  fromPerSec: '',
  toPerSec: '',
  steps: '10',
  ratePerSec: '',
  profile: 'none',
};

export interface RunPlan {
  kind: 'sweep' | 'single';
  /** One RunOptions per point, ascending rate (one for a single run). */
  points: RunOptions[];
  replications: number;
}

export type FormErrors = Partial<Record<keyof RunFormSpec | 'document' | 'run', string>>;

function num(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The plan, or the problems (by field) that prevent it. */
export function planRun(doc: Topology, form: RunFormSpec): { plan: RunPlan } | { errors: FormErrors } {
  const parsed = parseTopology(doc);
  if (!parsed.ok) {
    const e = parsed.errors[0];
    return { errors: { document: `The document has ${parsed.errors.length} problem(s); first: ${e.path}: ${e.message}` } };
  }
  let resolved: ReturnType<typeof resolveRun>;
  try {
    resolved = resolveRun(doc, {});
  } catch (err) {
    return { errors: { run: message(err) } };
  }
  const replications = resolved.replications;
  if (form.mode === 'single') {
    const rate = num(form.ratePerSec) ?? doc.workload.ratePerSec;
    const profile =
      form.profile === 'none' ? null : form.profile === 'document' ? doc.workload.profile : presetProfile(form.profile, rate, resolved.durationSec);
    const opts: RunOptions = { ratePerSec: rate, profile };
    try {
      resolveRun(doc, opts);
    } catch (err) {
      return { errors: { ratePerSec: message(err) } };
    }
    return { plan: { kind: 'single', points: [opts], replications } };
  }
  const steps = num(form.steps);
  const range = form.autoRange ? { steps } : { steps, fromPerSec: num(form.fromPerSec), toPerSec: num(form.toPerSec) };
  if (!form.autoRange && range.toPerSec === undefined) return { errors: { toPerSec: 'Give the highest rate to sweep to (req/s), or tick "auto range".' } };
  try {
    const rates = sweepRates(doc, range);
    return { plan: { kind: 'sweep', points: rates.map((ratePerSec) => ({ ratePerSec })), replications } };
  } catch (err) {
    const m = message(err);
    const field = m.startsWith('steps') ? 'steps' : m.startsWith('from') ? 'fromPerSec' : 'toPerSec';
    return { errors: { [field]: m } };
  }
}
