/** Every field of one node. */
import { BATCH_COST_DEFAULT, KINDS } from '../../../workers/engine/kinds';
import { NODE_KINDS, ROLES, type Topology, type TopologyNode } from '../../../workers/engine/schema';
import { changeKind } from '../../store/changeKind';
import { updateNode } from '../../store/docOps';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { Tooltip } from '../../shell/Tooltip';
import { KindIcon } from '../icons';
import { AdmissionFields } from './AdmissionFields';
import { BatchCostField } from './BatchCostField';
import { DeploymentFields } from './DeploymentFields';
import { ElasticityFields } from './ElasticityFields';
import { CheckField, InputField, Section, SelectField } from './fields';
import { findHardware } from '../../../workers/engine/hardware';
import { LlmFields } from './LlmFields';
import { meanTokensAt } from './llmTokens';
import { ServiceTimeField } from './ServiceTimeField';
import { SlowdownFields } from './SlowdownFields';
import { TritonFields } from './TritonFields';

export function NodeInspector({ node }: { node: TopologyNode }) {
  const store = useAppStoreApi();
  const index = useAppStore((s) => s.doc.nodes.indexOf(node));
  const entry = useAppStore((s) => s.doc.workload.entry);
  const pools = useAppStore((s) => s.doc.pools);
  const at = `nodes[${index}]`;
  const set =
    <K extends keyof TopologyNode>(field: K, convert?: (v: string | number | null) => TopologyNode[K]) =>
    (v: string | number | null) =>
    (doc: Topology) =>
      updateNode(doc, node.id, { [field]: convert ? convert(v) : v } as Partial<TopologyNode>);
  const numberField = (field: keyof TopologyNode, label: string, unit?: string, nullable?: boolean, hint?: string) => (
    <InputField
      type="number"
      label={label}
      unit={unit}
      nullable={nullable}
      hint={hint}
      path={`${at}.${field}`}
      testId={field}
      value={node[field] as number | null}
      apply={set(field)}
    />
  );
  const k = KINDS[node.kind];
  const isLlm = node.kind === 'llm-server';
  return (
    <div data-testid="node-inspector">
      <div className="ls-inspector-head">
        <KindIcon kind={node.kind} size={24} />
        <div>
          <div className="ls-inspector-kind">{k.title}</div>
          <div className="ls-hint">
            id <code data-testid="node-id">{node.id}</code>
            {node.id === entry && ' · entry (requests arrive here)'}
          </div>
        </div>
        <Tooltip content="Delete this node and its calls (Delete)">
          <button type="button" className="ls-button danger ls-inspector-delete" onClick={() => store.getState().deleteSelection()} data-testid="node-delete">
            Delete
          </button>
        </Tooltip>
      </div>
      <p className="ls-hint">{k.description}</p>
      <InputField type="text" label="Label" path={`${at}.label`} testId="label" value={node.label} apply={set('label')} />
      <SelectField
        label="Kind"
        path={`${at}.kind`}
        testId="kind"
        value={node.kind}
        options={NODE_KINDS.map((kind) => ({ value: kind, label: KINDS[kind].title }))}
        apply={(kind) => (doc: Topology) => changeKind(doc, node.id, kind)}
      />
      <SelectField label="Role" path={`${at}.role`} testId="role" value={node.role} options={ROLES} apply={set('role')} />
      {node.role !== 'offline' && (
        <>
          <Section title="Servers">
            <div className="ls-row">
              {numberField('replicas', 'Replicas', isLlm ? 'one engine each' : undefined)}
              {!isLlm && !node.batching?.triton && numberField('concurrency', 'Concurrency', 'per replica')}
            </div>
            {node.batching?.triton && <p className="ls-hint">With Triton batching the servers of a replica are its model instances (Work → Instances).</p>}
            {!isLlm && (
            <SelectField
              label="Server pool"
              path={`${at}.pool`}
              testId="pool"
              value={node.pool ?? ''}
              options={[{ value: '', label: 'Own servers' }, ...pools.map((p) => ({ value: p.id, label: `${p.label} (${p.servers})` }))]}
              apply={set('pool', (v) => (v ? String(v) : null))}
            />
            )}
            {!isLlm && numberField('queueCapacity', 'Queue capacity', 'requests', true, 'Empty = unbounded')}
          </Section>
          <Section title="Autoscaling">
            <ElasticityFields node={node} at={at} />
          </Section>
          <Section title="Deployment">
            <DeploymentFields node={node} at={at} />
          </Section>
          {isLlm && node.llm && (
            <Section title="LLM engine">
              <LlmEngine node={node} at={at} />
            </Section>
          )}
          <Section title="Work">
            {isLlm ? (
              <p className="ls-hint">An iteration’s time comes from the LLM engine above (α + β × tokens); the service time is not used.</p>
            ) : (
              <ServiceTimeField nodeId={node.id} path={`${at}.serviceTime`} st={node.serviceTime} />
            )}
            {node.kind === 'cache' && numberField('hitRatio', 'Hit ratio', '0–1', true)}
            {node.kind === 'model-server' && <BatchingFields node={node} at={at} />}
          </Section>
          <Section title="Outgoing calls">
            <SelectField
              label="Call mode"
              path={`${at}.callMode`}
              testId="callMode"
              value={node.callMode}
              options={[
                { value: 'sequential', label: 'Sequential (one after another)' },
                { value: 'parallel', label: 'Parallel (fork–join)' },
              ]}
              apply={set('callMode')}
            />
            <CheckField
              label="Hold the worker while calls run (thread-per-request)"
              path={`${at}.holdWorkerDuringCalls`}
              testId="holdWorkerDuringCalls"
              value={node.holdWorkerDuringCalls}
              apply={(v) => (doc) => updateNode(doc, node.id, { holdWorkerDuringCalls: v })}
            />
          </Section>
          <SlowdownFields node={node} at={at} />
          <AdmissionFields node={node} at={at} />
          {node.id !== entry && (
            <button
              type="button"
              className="ls-button"
              onClick={() => store.getState().edit((d) => ({ ...d, workload: { ...d.workload, entry: node.id } }))}
            >
              Make this the entry
            </button>
          )}
        </>
      )}
    </div>
  );
}

function LlmEngine({ node, at }: { node: TopologyNode; at: string }) {
  const hardware = useAppStore((s) => findHardware(s.doc, node.hardware));
  const meanTokens = useAppStore(useShallow((s) => meanTokensAt(s.doc, node.id)));
  if (!node.llm) return null;
  return <LlmFields llm={node.llm} at={`${at}.llm`} hardware={hardware} meanTokens={meanTokens} update={(llm) => (doc) => updateNode(doc, node.id, { llm })} />;
}

function BatchingFields({ node, at }: { node: TopologyNode; at: string }) {
  const b = node.batching;
  return (
    <>
      <CheckField
        label="Dynamic batching"
        path={`${at}.batching`}
        testId="batching"
        value={b !== null}
        apply={(on) => (doc) => updateNode(doc, node.id, { batching: on ? { maxBatch: 1, maxWaitMs: 0, cost: { ...BATCH_COST_DEFAULT } } : null })}
      />
      {b && (
        <div className="ls-row">
          <InputField
            type="number"
            label="Max batch"
            path={`${at}.batching.maxBatch`}
            testId="maxBatch"
            value={b.maxBatch}
            apply={(v) => (doc) => updateNode(doc, node.id, { batching: { ...b, maxBatch: v as number } })}
          />
          <InputField
            type="number"
            label="Max wait"
            unit="ms"
            path={`${at}.batching.maxWaitMs`}
            testId="maxWaitMs"
            value={b.maxWaitMs}
            apply={(v) => (doc) => updateNode(doc, node.id, { batching: { ...b, maxWaitMs: v as number } })}
          />
        </div>
      )}
      {b && <p className="ls-hint" data-testid="batch-hint">{b.maxBatch <= 1 ? 'Max batch 1 means no batching: every request runs alone.' : `Up to ${b.maxBatch} requests run as one batch.`}</p>}
      {b && <BatchCostField node={node} at={at} b={b} />}
      {b && <TritonFields triton={b.triton ?? null} at={`${at}.batching.triton`} update={(triton) => (doc) => updateNode(doc, node.id, { batching: { ...b, triton } })} />}
    </>
  );
}
