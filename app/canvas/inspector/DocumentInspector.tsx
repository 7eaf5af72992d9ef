/** The document: name, workload (open with rate and profile, or closed with users and think time), run settings, SLO, monolith and pools. */
import { ARRIVALS, type Topology } from '../../../workers/engine/schema';
import { useAppStore } from '../../store/react';
import { DayProfileEditor } from './DayProfileEditor';
import { InputField, Section, SelectField } from './fields';
import { PoolsEditor, ProfileEditor } from './ListEditors';
import { MonolithFields } from './MonolithFields';
import { RunFields, SloFields, setInDoc } from './RunSettingsFields';
import { TokensField } from './TokensField';
import { ClosedWorkloadFields, WorkloadModelSelect, WorkloadModelTip } from './WorkloadModelFields';

type Sub = 'workload' | 'run' | 'slo' | 'monolith';

export function DocumentInspector() {
  const doc = useAppStore((s) => s.doc);
  const w = doc.workload;
  const num = (sub: Sub, field: string, label: string, unit?: string, nullable?: boolean, hint?: string) => (
    <InputField
      type="number"
      label={label}
      unit={unit}
      nullable={nullable}
      hint={hint}
      path={`${sub}.${field}`}
      testId={`${sub}-${field}`}
      value={(doc[sub] as Record<string, number | null>)[field]}
      apply={setInDoc(sub, field)}
    />
  );
  const online = doc.nodes.filter((n) => n.role !== 'offline');
  const hasLlm = doc.nodes.some((n) => n.kind === 'llm-server');
  const closed = w.model === 'closed';
  return (
    <div data-testid="document-inspector">
      <InputField type="text" label="Name" path="name" testId="doc-name" value={doc.name} apply={(v) => (d) => ({ ...d, name: String(v) })} />
      <InputField
        type="textarea"
        label="Description"
        path="description"
        testId="doc-description"
        value={doc.description}
        apply={(v) => (d) => ({ ...d, description: String(v) })}
      />
      <Section title="Workload" info={<WorkloadModelTip />} testId="workload-section">
        <SelectField
          label="Entry node"
          path="workload.entry"
          testId="workload-entry"
          value={w.entry}
          options={[
            ...(online.some((n) => n.id === w.entry) ? [] : [{ value: w.entry, label: w.entry ? `${w.entry} (missing)` : '— none —' }]),
            ...online.map((n) => ({ value: n.id, label: `${n.label} (${n.id})` })),
          ]}
          apply={setInDoc('workload', 'entry')}
        />
        <WorkloadModelSelect doc={doc} />
        {closed ? (
          <ClosedWorkloadFields doc={doc} />
        ) : (
          <>
            <div className="ls-row">
              <SelectField label="Arrivals" path="workload.arrival" testId="workload-arrival" value={w.arrival} options={ARRIVALS} apply={setInDoc('workload', 'arrival')} />
              {num('workload', 'ratePerSec', 'Rate', 'req/s')}
            </div>
            {w.arrival === 'bursty' && <BurstFields doc={doc} />}
            <DayProfileEditor profile={w.profile} ratePerSec={w.ratePerSec} />
            <ProfileEditor profile={w.profile} />
          </>
        )}
        {(hasLlm || w.tokens) && (
          <TokensField
            tokens={w.tokens ?? null}
            at="workload.tokens"
            testId="workload"
            label="Token counts (for LLM servers)"
            optional={!hasLlm}
            update={(tokens) => (d) => ({ ...d, workload: { ...d.workload, tokens } })}
          />
        )}
      </Section>
      <Section title="Run">
        {closed && (
          <p className="ls-hint" data-testid="closed-run-note">
            Closed workload: a run’s load comes from its {w.users ?? '?'} users and their think time, not from a rate (a rate set for the run is not
            used either).
          </p>
        )}
        <RunFields run={doc.run} />
      </Section>
      <Section title="Service-level objective">
        <SloFields slo={doc.slo} llm={hasLlm} />
      </Section>
      <Section title="Monolith baseline">
        <MonolithFields doc={doc} />
      </Section>
      <PoolsEditor pools={doc.pools} />
    </div>
  );
}

function BurstFields({ doc }: { doc: Topology }) {
  const b = doc.workload.burst;
  const set = (field: keyof typeof b) => (v: string | number | null) => (d: Topology) => ({
    ...d,
    workload: { ...d.workload, burst: { ...d.workload.burst, [field]: v } },
  });
  return (
    <div className="ls-row">
      <InputField type="number" label="Peak factor" path="workload.burst.peakFactor" testId="burst-peakFactor" value={b.peakFactor} apply={set('peakFactor')} />
      <InputField type="number" label="Burst share" unit="0–1" path="workload.burst.burstFraction" testId="burst-burstFraction" value={b.burstFraction} apply={set('burstFraction')} />
      <InputField type="number" label="Burst length" unit="ms" path="workload.burst.meanBurstMs" testId="burst-meanBurstMs" value={b.meanBurstMs} apply={set('meanBurstMs')} />
    </div>
  );
}
