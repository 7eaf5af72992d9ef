/**
 * The run panel: sweep or single rate, range, load profile, run settings and
 * SLO (these two are the document's own `run` and `slo` fields, so they are
 * saved and exported), Run and Cancel.
 */
import { RunFields, SloFields } from '../canvas/inspector/RunSettingsFields';
import { runControllerFor } from '../run/controller';
import { type FormErrors, planRun, type RunFormSpec } from '../run/plan';
import { useAppStore, useAppStoreApi } from '../store/react';
import { Tooltip } from '../shell/Tooltip';
import { selectFormErrors, selectRunForm, selectRunStatus } from './selectors';


function FormError({ errors, field }: { errors: FormErrors; field: keyof FormErrors }) {
  const e = errors[field];
  return e ? (
    <div className="ls-field-error" role="alert" data-testid={`run-error-${field}`}>
      {e}
    </div>
  ) : null;
}

function TextInput(props: { label: string; unit?: string; field: keyof RunFormSpec; placeholder?: string; disabled?: boolean }) {
  const store = useAppStoreApi();
  const form = useAppStore(selectRunForm);
  const errors = useAppStore(selectFormErrors);
  const id = `run-form-${props.field}`;
  return (
    <div className={`ls-field${errors[props.field] ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.unit && <span className="ls-unit"> ({props.unit})</span>}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={id}
        value={String(form[props.field])}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onChange={(e) => {
          const s = store.getState();
          s.setRunForm({ [props.field]: e.target.value });
          // Checked as typed (e.g. steps=abc is named at once, not only at Run); problems of the document wait for Run.
          const planned = planRun(s.doc, store.getState().runForm);
          if ('errors' in planned && !planned.errors.document && !planned.errors.run) s.setFormErrors(planned.errors);
        }}
      />
      <FormError errors={errors} field={props.field} />
    </div>
  );
}

export function RunPanel() {
  const store = useAppStoreApi();
  const form = useAppStore(selectRunForm);
  const errors = useAppStore(selectFormErrors);
  const status = useAppStore(selectRunStatus);
  const capRunning = useAppStore((s) => s.capacity?.status === 'running');
  const run = useAppStore((s) => s.doc.run);
  const slo = useAppStore((s) => s.doc.slo);
  const docRate = useAppStore((s) => s.doc.workload.ratePerSec);
  // A closed workload's users set the load: its sweep ranges over users and offers no rate.
  const closed = useAppStore((s) => s.doc.workload.model === 'closed');
  const docUsers = useAppStore((s) => s.doc.workload.users);
  const hasProfile = useAppStore((s) => s.doc.workload.profile !== null);
  const hasLlm = useAppStore((s) => s.doc.nodes.some((n) => n.kind === 'llm-server'));
  const busy = status === 'running' || capRunning;
  const set = (patch: Partial<RunFormSpec>) => store.getState().setRunForm(patch);
  return (
    <section className="ls-run-panel" data-testid="run-panel" aria-label="Run settings">
      <div className="ls-run-fields">
      <fieldset className="ls-segmented" aria-label="What to run">
        <label>
          <input type="radio" name="mode" checked={form.mode === 'sweep'} onChange={() => set({ mode: 'sweep' })} data-testid="mode-sweep" /> Load sweep
        </label>
        <label>
          <input type="radio" name="mode" checked={form.mode === 'single'} onChange={() => set({ mode: 'single' })} data-testid="mode-single" /> {closed ? 'Single run' : 'Single rate'}
        </label>
      </fieldset>
      {closed ? (
        form.mode === 'sweep' ? (
          <>
            <label className="ls-check ls-field">
              <input type="checkbox" checked={form.autoRange} onChange={(e) => set({ autoRange: e.target.checked })} data-testid="sweep-auto" />
              <span>Auto range (users, up to 2 × the knee or the document's {docUsers ?? ''})</span>
            </label>
            <div className="ls-row">
              <TextInput label="From" unit="users" field="fromUsers" placeholder="auto" disabled={form.autoRange} />
              <TextInput label="To" unit="users" field="toUsers" placeholder="auto" disabled={form.autoRange} />
              <TextInput label="Steps" field="steps" />
            </div>
            <p className="ls-hint" data-testid="closed-sweep-hint">Closed workload: the sweep varies the number of users, not the rate.</p>
          </>
        ) : (
          <div className="ls-row">
            <TextInput label="Users" field="users" placeholder={String(docUsers ?? '')} />
          </div>
        )
      ) : form.mode === 'sweep' ? (
        <>
          <label className="ls-check ls-field">
            <input type="checkbox" checked={form.autoRange} onChange={(e) => set({ autoRange: e.target.checked })} data-testid="sweep-auto" />
            <span>Auto range (up to 1.2 × saturation)</span>
          </label>
          <div className="ls-row">
            <TextInput label="From" unit="req/s" field="fromPerSec" placeholder="auto" disabled={form.autoRange} />
            <TextInput label="To" unit="req/s" field="toPerSec" placeholder="auto" disabled={form.autoRange} />
            <TextInput label="Steps" field="steps" />
          </div>
        </>
      ) : (
        <div className="ls-row">
          <TextInput label="Rate" unit="req/s" field="ratePerSec" placeholder={String(docRate)} />
          <div className="ls-field">
            <label htmlFor="run-form-profile">Load profile</label>
            <select id="run-form-profile" data-testid="run-form-profile" value={form.profile} onChange={(e) => set({ profile: e.target.value as RunFormSpec['profile'] })}>
              <option value="none">steady</option>
              <option value="ramp">ramp up to the rate</option>
              <option value="step">step: half, then the rate</option>
              <option value="spike">spike to the rate</option>
              {hasProfile && <option value="document">the document's profile</option>}
            </select>
          </div>
        </div>
      )}
      <RunFields run={run} testIdPrefix="panel-" />
      <SloFields slo={slo} testIdPrefix="panel-" labelPrefix="SLO " llm={hasLlm} />
      </div>
      {/* Outside the scrolling fields, above the buttons: an error is never hidden under them. */}
      <div className="ls-run-errors">
        <FormError errors={errors} field="document" />
        <FormError errors={errors} field="run" />
      </div>
      <div className="ls-run-actions">
        <Tooltip content="Run (Ctrl+Enter)" side="top">
          <button type="button" className="ls-button primary" data-testid="run-button" disabled={status === 'running'} onClick={() => runControllerFor(store).start()}>
            {form.mode === 'sweep' ? 'Run sweep' : 'Run'}
          </button>
        </Tooltip>
        <button type="button" className="ls-button danger" data-testid="cancel-run" disabled={!busy} onClick={() => runControllerFor(store).cancel()}>
          Cancel
        </button>
      </div>
    </section>
  );
}
