/** The derived monolith's deployment: sizing, replicas, machine type, threads per replica, price per replica. */
import { MONOLITH_LLM, MONOLITH_SIZINGS, type Topology } from '../../../workers/engine/schema';
import { MonolithAutoscale } from './MonolithAutoscale';
import { InputField, SelectField } from './fields';
import { machineOptions } from './machineOptions';

const SIZING_LABELS: Record<(typeof MONOLITH_SIZINGS)[number], string> = {
  'equal-budget': 'Equal budget (as many replicas as the microservices’ cost buys)',
  'equal-hardware': 'Equal hardware (at least the microservices’ GPUs and cores)',
  replicas: 'Explicit replica count',
};

const LLM_LABELS: Record<(typeof MONOLITH_LLM)[number], string> = {
  colocated: 'In each replica, on GPUs of its own (default)',
  separate: 'Their own deployment, as in the microservices',
};

type M = Topology['monolith'];
const setMono =
  <K extends keyof M>(field: K, convert: (v: string | number | null) => M[K]) =>
  (v: string | number | null) =>
  (d: Topology): Topology => ({ ...d, monolith: { ...d.monolith, [field]: convert(v) } });
const numOrNull = (v: string | number | null) => (v === null || v === '' ? null : Number(v));

export function MonolithFields({ doc }: { doc: Topology }) {
  const m = doc.monolith;
  return (
    <>
      <SelectField
        label="Sizing"
        path="monolith.sizing"
        testId="monolith-sizing"
        value={m.sizing}
        options={MONOLITH_SIZINGS.map((s) => ({ value: s, label: SIZING_LABELS[s] }))}
        apply={setMono('sizing', (v) => v as M['sizing'])}
      />
      {m.sizing === 'replicas' && (
        <InputField type="number" label="Replicas" nullable hint="Empty = 1" path="monolith.replicas" testId="monolith-replicas" value={m.replicas} apply={setMono('replicas', numOrNull)} />
      )}
      <SelectField
        label="Machine type (one replica)"
        path="monolith.hardware"
        testId="monolith-hardware"
        value={m.hardware ?? ''}
        options={machineOptions(doc, 'The cheapest that holds every merged component')}
        apply={setMono('hardware', (v) => (v ? String(v) : null))}
      />
      <InputField
        type="number"
        label="Worker threads per replica"
        nullable
        hint="Empty = one replica of each merged CPU-side component's concurrency"
        path="monolith.threadsPerReplica"
        testId="monolith-threadsPerReplica"
        value={m.threadsPerReplica}
        apply={setMono('threadsPerReplica', numOrNull)}
      />
      <InputField
        type="number"
        label="Cost per replica"
        unit="US$/h"
        nullable
        hint="Empty = the machine type's price"
        path="monolith.costPerHour"
        testId="monolith-costPerHour"
        value={m.costPerHour}
        apply={setMono('costPerHour', numOrNull)}
      />
      {doc.nodes.some((n) => n.kind === 'llm-server') && (
        <>
        <SelectField
          label="LLM servers"
          path="monolith.llm"
          testId="monolith-llm"
          value={m.llm ?? 'colocated'}
          options={MONOLITH_LLM.map((v) => ({ value: v, label: LLM_LABELS[v] }))}
          apply={setMono('llm', (v) => (v === 'separate' ? 'separate' : undefined))}
        />
        {m.autoscale && <div className="ls-hint">An autoscaled monolith keeps its LLM servers as their own deployment.</div>}
        </>
      )}
      <MonolithAutoscale doc={doc} />
    </>
  );
}
