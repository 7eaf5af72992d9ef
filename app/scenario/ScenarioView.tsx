/**
 * The Scenario tab: the document's timed faults (issue 11). Add an event
 * (kind, then a node, or a call for a partition), see them on the timeline,
 * edit or remove them below. All edits go through the store, so they are
 * undo steps, autosaved, exported and shared with the document.
 */
import './scenario.css';
import { useMemo, useState } from 'react';
import { validateScenario } from '../../workers/engine/resilience/scenarioValidate';
import type { Topology } from '../../workers/engine/schema';
import { useAppStore, useAppStoreApi } from '../store/react';
import { useSettledDoc } from '../store/useSettledDoc';
import { documentErrors, pathIsUnder } from '../store/validation';
import { EventEditor } from './EventEditor';
import { ScenarioTimeline } from './ScenarioTimeline';
import { EVENT_KINDS, KIND_LABEL, type ScenarioEventKind, newEvent, replaceAt, scenarioEvents, shiftEvent, targetOptions, withEvents } from './scenarioDoc';

/** Problems of the events' meaning (targets, lengths, crash sizes) that the parser has not already reported. */
function meaningProblems(doc: Topology) {
  const events = scenarioEvents(doc);
  if (!events.length) return [];
  const found = validateScenario(events, {
    nodeIds: doc.nodes.map((n) => n.id),
    edgeIds: doc.edges.map((e) => e.id),
    cacheIds: doc.nodes.filter((n) => n.kind === 'cache').map((n) => n.id),
    replicasById: new Map(doc.nodes.map((n) => [n.id, n.replicas])),
    runDurationSec: doc.run.durationSec,
  });
  const parsed = new Set(documentErrors(doc).map((e) => `${e.path}\n${e.message}`));
  return found.filter((e) => !parsed.has(`${e.path}\n${e.message}`));
}

export function ScenarioView() {
  const store = useAppStoreApi();
  const doc = useAppStore((s) => s.doc);
  const events = scenarioEvents(doc);
  const [kind, setKind] = useState<ScenarioEventKind>('crash');
  const [selected, setSelected] = useState<number | null>(null);
  const options = targetOptions(doc, kind);
  const [pick, setPick] = useState('');
  const target = options.some((o) => o.value === pick) ? pick : (options[0]?.value ?? '');
  // Checked on the document once it settles (as the fields do), so dragging nodes does not re-run the parser per frame.
  const settled = useSettledDoc();
  const problems = useMemo(() => meaningProblems(settled), [settled]);
  // What the parser finds: shown under each event's fields by the fields themselves; here it frames the event, and
  // problems of the scenario as a whole (e.g. with autoscaling) are said above the timeline.
  const parsed = useMemo(() => (settled.scenario ? documentErrors(settled).filter((p) => pathIsUnder(p.path, 'scenario')) : []), [settled]);
  const whole = parsed.filter((p) => p.path === 'scenario' || p.path === 'scenario.events');
  const labels = useMemo(() => {
    const m = new Map<string, string>();
    for (const o of [...targetOptions(doc, 'partition'), ...doc.nodes.map((n) => ({ value: n.id, label: n.label }))]) m.set(o.value, o.label);
    return m;
  }, [doc]);
  const edit = (change: (d: Topology) => Topology) => store.getState().edit(change);
  const add = () => {
    if (!target) return;
    const problems = edit((d) => withEvents(d, [...scenarioEvents(d), newEvent(d, kind, target)]));
    if (!problems.length) setSelected(scenarioEvents(store.getState().doc).length - 1);
  };
  const move = (i: number, dSec: number) =>
    edit((d) => {
      const e = scenarioEvents(d)[i];
      if (!e) return d;
      const next = shiftEvent(e, dSec, d.run.durationSec);
      return next === e ? d : withEvents(d, replaceAt(scenarioEvents(d), i, next));
    });
  const remove = (i: number) => {
    edit((d) => withEvents(d, replaceAt(scenarioEvents(d), i, null)));
    setSelected(null);
  };
  return (
    <div className="ls-scenario" data-testid="scenario-view">
      <div className="ls-scenario-add">
        <label className="ls-inline-field">
          Add
          <select value={kind} onChange={(e) => setKind(e.target.value as ScenarioEventKind)} data-testid="scenario-add-kind">
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="ls-inline-field">
          {kind === 'partition' ? 'on the call' : 'on'}
          <select value={target} onChange={(e) => setPick(e.target.value)} disabled={!options.length} data-testid="scenario-add-target">
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="ls-button ls-small" onClick={add} disabled={!target} data-testid="scenario-add">
          Add event
        </button>
        {!options.length && (
          <span className="ls-hint" data-testid="scenario-no-target">
            {kind === 'partition' ? 'Draw a call first: a partition cuts one.' : kind === 'cacheFlush' ? 'Add a cache node first: only a cache can be flushed.' : 'Add a node first.'}
          </span>
        )}
      </div>
      {whole.length > 0 && (
        <div className="ls-field-error" role="alert" data-testid="scenario-problems">
          {whole.map((p) => (
            <div key={p.message}>Scenario: {p.message}</div>
          ))}
        </div>
      )}
      <ScenarioTimeline
        events={events}
        runSec={doc.run.durationSec}
        warmupSec={doc.run.warmupSec}
        targetLabel={(id) => labels.get(id) ?? id}
        selected={selected}
        onSelect={setSelected}
        onMove={move}
        onDelete={remove}
      />
      {events.length === 0 ? (
        <p className="ls-hint" data-testid="scenario-empty">
          No events: runs are steady-state. Add a crash, a latency spike, a capacity cut, errors, a partition of a call, an outage or a cache flush; the monolith
          lives through the same scenario, mapped onto its merged unit.
        </p>
      ) : (
        <ol className="ls-event-list" data-testid="scenario-events">
          {events.map((e, i) => {
            const mine = problems.filter((p) => p.path.startsWith(`scenario.events[${i}].`));
            const bad = mine.length > 0 || parsed.some((p) => pathIsUnder(p.path, `scenario.events[${i}]`));
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their index is their identity (as in the file)
                key={i}
                className={`ls-event${selected === i ? ' is-selected' : ''}${bad ? ' has-error' : ''}`}
                data-testid={`scenario-event-${i}`}
                // Working in an event's fields selects its bar on the timeline.
                onFocus={() => setSelected(i)}
              >
                <EventEditor doc={doc} event={e} index={i} />
                {mine.length > 0 && (
                  <div className="ls-field-error" role="alert" data-testid={`event-${i}-problems`}>
                    {mine.map((p) => (
                      <div key={`${p.path}:${p.message}`}>
                        {fieldName(p.path)} {p.message}
                      </div>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

const FIELD_NAME: Record<string, string> = { target: 'Target:', atSec: 'At:', durationSec: 'For:', replicas: 'Replicas:', mode: 'Calls:' };
const fieldName = (path: string) => FIELD_NAME[path.slice(path.lastIndexOf('.') + 1)] ?? '';
