/** Every field of one call (edge). */
import type { Topology, TopologyEdge } from '../../../workers/engine/schema';
import { updateEdge } from '../../store/docOps';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { BackoffFields } from './BackoffFields';
import { CircuitBreakerFields } from './CircuitBreakerFields';
import { InputField, SelectField } from './fields';
import { HedgingFields } from './HedgingFields';
import { LlmEdgeFields } from './LlmEdgeFields';
import { setMode, setRetries } from './patternEdits';
import { RetryBudgetFields } from './RetryBudgetFields';

export function EdgeInspector({ edge }: { edge: TopologyEdge }) {
  const store = useAppStoreApi();
  const index = useAppStore((s) => s.doc.edges.indexOf(edge));
  const nodes = useAppStore((s) => s.doc.nodes);
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const at = `edges[${index}]`;
  const set = (field: keyof TopologyEdge) => (v: string | number | null) => (doc: Topology) =>
    updateEdge(doc, edge.id, { [field]: v } as Partial<TopologyEdge>);
  const num = (field: keyof TopologyEdge, label: string, unit?: string, nullable?: boolean, hint?: string) => (
    <InputField
      type="number"
      label={label}
      unit={unit}
      nullable={nullable}
      hint={hint}
      path={`${at}.${field}`}
      testId={field}
      value={edge[field] as number | null}
      apply={set(field)}
    />
  );
  return (
    <div data-testid="edge-inspector">
      <div className="ls-inspector-kind">Call</div>
      <p className="ls-hint">
        {labelOf(edge.source)} → {labelOf(edge.target)} <code>{edge.id}</code>
      </p>
      <SelectField
        label="Mode"
        path={`${at}.mode`}
        testId="mode"
        value={edge.mode}
        options={[
          { value: 'sync', label: 'sync: wait for the reply' },
          { value: 'async', label: 'async: fire and forget' },
        ]}
        apply={(mode) => setMode(edge.id, mode)}
      />
      <div className="ls-row">
        {num('probability', 'Probability', '0–1')}
        {num('count', 'Calls per visit')}
      </div>
      {num('networkMs', 'Network cost', 'ms per attempt')}
      {num('stage', 'Call stage', undefined, true, 'Calls in one stage run in parallel, stages one after another; empty = from the caller’s call mode')}
      {edge.mode === 'sync' &&
        (edge.hedging ? (
          <p className="ls-hint" data-testid="hedged-no-retries">
            Hedged: no timeout or retries (turn hedging off below to set them).
          </p>
        ) : (
          <div className="ls-row">
            {num('timeoutMs', 'Timeout', 'ms', true, 'Empty = none')}
            <InputField type="number" label="Retries" path={`${at}.retries`} testId="retries" value={edge.retries} apply={(v) => setRetries(edge.id, v as number)} />
          </div>
        ))}
      <BackoffFields edge={edge} at={at} />
      <RetryBudgetFields edge={edge} at={at} />
      <HedgingFields edge={edge} at={at} />
      <CircuitBreakerFields edge={edge} at={at} />
      <LlmEdgeFields edge={edge} at={at} />
      <button type="button" className="ls-button danger" onClick={() => store.getState().deleteSelection()}>
        Delete call
      </button>
    </div>
  );
}
