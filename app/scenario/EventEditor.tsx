/**
 * The fields of one scenario event: kind, target, start, length, the kind's
 * magnitude and a label. Every change goes through the store's validated
 * `edit` (one undo step each); a value the document's parser refuses shows
 * its message under the field and changes nothing.
 */
import type { Topology } from '../../workers/engine/schema';
import { InputField, SelectField } from '../canvas/inspector/fields';
import { useAppStoreApi } from '../store/react';
import { EVENT_KINDS, KIND_LABEL, type ScenarioEvent, type ScenarioEventKind, changeKind, replaceAt, scenarioEvents, targetOptions, withEvents } from './scenarioDoc';

type Value = string | number | null;

/** An edit of event `i` as the document has it when the edit applies (null leaves the document as it is). */
function editEvent(i: number, change: (e: ScenarioEvent, d: Topology) => ScenarioEvent | null) {
  return (d: Topology): Topology => {
    const events = scenarioEvents(d);
    const e = events[i];
    if (!e) return d;
    const next = change(e, d);
    return next === null || next === e ? d : withEvents(d, replaceAt(events, i, next));
  };
}

/** Sets (or, for null, removes) one field of event `i`. */
const setField = (i: number, field: string) => (v: Value) =>
  editEvent(i, (e) => {
    const { [field]: _old, ...rest } = e as Record<string, unknown>;
    return (v === null ? rest : { ...rest, [field]: v }) as ScenarioEvent;
  });

export function EventEditor({ doc, event: e, index: i }: { doc: Topology; event: ScenarioEvent; index: number }) {
  const store = useAppStoreApi();
  const at = `scenario.events[${i}]`;
  const id = `event-${i}`;
  const options = targetOptions(doc, e.kind);
  const targets = options.some((o) => o.value === e.target) ? options : [{ value: e.target, label: `${e.target || '— none —'} (missing)` }, ...options];
  const num = (field: string, label: string, value: number | undefined, unit?: string, nullable?: boolean) => (
    <InputField type="number" label={label} unit={unit} nullable={nullable} path={`${at}.${field}`} testId={`${id}-${field}`} value={value ?? null} apply={setField(i, field)} />
  );
  return (
    <div className="ls-event-fields">
      <div className="ls-row">
        <SelectField<ScenarioEventKind>
          label="Kind"
          path={`${at}.kind`}
          testId={`${id}-kind`}
          value={e.kind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          apply={(k) => editEvent(i, (cur, d) => changeKind(d, cur, k))}
        />
        <SelectField label={e.kind === 'partition' ? 'Call' : 'Node'} path={`${at}.target`} testId={`${id}-target`} value={e.target} options={targets} apply={setField(i, 'target')} />
        {num('atSec', 'At', e.atSec, 's')}
        {num('durationSec', 'For', e.durationSec, 's')}
        <div className="ls-event-magnitude">
          <Magnitude e={e} i={i} num={num} />
        </div>
        <InputField type="text" label="Label" path={`${at}.label`} testId={`${id}-label`} value={e.label ?? ''} placeholder={KIND_LABEL[e.kind]} apply={(v) => setField(i, 'label')(String(v ?? '').trim() === '' ? null : v)} />
        <button
          type="button"
          className="ls-icon-button ls-event-remove"
          aria-label={`Remove event ${i + 1}`}
          data-testid={`${id}-remove`}
          onClick={() => store.getState().edit((d) => withEvents(d, replaceAt(scenarioEvents(d), i, null)))}
        >
          ×
        </button>
      </div>
    </div>
  );
}

type Num = (field: string, label: string, value: number | undefined, unit?: string, nullable?: boolean) => React.ReactNode;

function Magnitude({ e, i, num }: { e: ScenarioEvent; i: number; num: Num }) {
  const at = `scenario.events[${i}]`;
  switch (e.kind) {
    case 'crash': {
      const by = e.fraction !== undefined ? 'fraction' : 'replicas';
      return (
        <>
          <SelectField
            label="Down"
            path={`${at}.replicas`}
            testId={`event-${i}-crashBy`}
            value={by}
            options={[
              { value: 'replicas', label: 'replicas' },
              { value: 'fraction', label: 'share' },
            ]}
            apply={(v) =>
              editEvent(i, (cur) => {
                if (cur.kind !== 'crash' || v === by) return cur;
                const { replicas: _r, fraction: _f, ...rest } = cur;
                return v === 'fraction' ? { ...rest, fraction: 0.5 } : { ...rest, replicas: 1 };
              })
            }
          />
          {by === 'fraction' ? num('fraction', 'Share', e.fraction, '0–1') : num('replicas', 'Replicas', e.replicas)}
        </>
      );
    }
    case 'latency':
      return (
        <>
          {num('factor', '× factor', e.factor, undefined, true)}
          {num('addMs', 'Plus', e.addMs, 'ms', true)}
        </>
      );
    case 'capacity':
      return num('percent', 'Cut', e.percent, '%');
    case 'errors':
      return num('fraction', 'Failing', e.fraction, '0–1');
    case 'partition':
      return (
        <SelectField
          label="Calls"
          path={`${at}.mode`}
          testId={`event-${i}-mode`}
          value={e.mode}
          options={[
            { value: 'fail', label: 'fail at once' },
            { value: 'hang', label: 'hang to timeout' },
          ]}
          apply={setField(i, 'mode')}
        />
      );
    case 'cacheFlush':
      return num('warmSec', 'Warms in', e.warmSec, 's');
    case 'outage':
      return null;
  }
}
