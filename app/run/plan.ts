/**
 * Turns the run panel's inputs into a run plan, with a clear message per
 * field when an input is wrong. Range and option checks are the engine's own
 * (sweepRates, resolveRun), so the panel and the CLI agree on what is valid.
 */
import { parseTopology } from '../../workers/engine/parse';
import type { RunOptions } from '../../workers/engine/results';
import { resolveRun } from '../../workers/engine/run';
import type { Topology } from '../../workers/engine/schema';
import { isClosedWorkload } from '../../workers/engine/resilience/closedWorkload';
import { sweepRates, sweepUsers } from '../../workers/engine/sweep';
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
  /** Closed workloads (users, not a rate): the sweep's users range, and a single run's users (empty = the document's). */
  fromUsers: string;
  toUsers: string;
  users: string;
}

export const DEFAULT_RUN_FORM: RunFormSpec = {
  mode: 'sweep',
  autoRange: true,
  fromPerSec: '',
  toPerSec: '',
  steps: '10',
  ratePerSec: '',
  profile: 'none',
  fromUsers: '',
  toUsers: '',
  users: '',
};

export interface RunPlan {
  kind: 'sweep' | 'single';
  /** One RunOptions per point, ascending rate, or `{ users }` ascending for a closed workload (one for a single run). */
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
  if (isClosedWorkload(doc)) return planClosed(doc, form, replications);
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

/**
 * A closed workload's plan: its users set the load, so a sweep varies the
 * users (sweepUsers) and a single run takes a number of users; no rate, no
 * profile. Errors name the users fields.
 */
function planClosed(doc: Topology, form: RunFormSpec, replications: number): { plan: RunPlan } | { errors: FormErrors } {
  if (form.mode === 'single') {
    const opts: RunOptions = { users: num(form.users) ?? doc.workload.users };
    try {
      resolveRun(doc, opts);
    } catch (err) {
      return { errors: { users: message(err) } };
    }
    return { plan: { kind: 'single', points: [opts], replications } };
  }
  const steps = num(form.steps);
  const range = form.autoRange ? { steps } : { steps, fromUsers: num(form.fromUsers), toUsers: num(form.toUsers) };
  if (!form.autoRange && range.toUsers === undefined) return { errors: { toUsers: 'Give the most users to sweep to, or tick "auto range".' } };
  try {
    return { plan: { kind: 'sweep', points: sweepUsers(doc, range).map((users) => ({ users })), replications } };
  } catch (err) {
    const m = message(err);
    const field = m.startsWith('steps') ? 'steps' : m.startsWith('from') ? 'fromUsers' : 'toUsers';
    return { errors: { [field]: m } };
  }
}
