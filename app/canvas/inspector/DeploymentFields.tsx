/** A node's deployment: machine type (with its price), price override, model memory, balancer and routing. */
import { replicaPricePerHour } from '../../../workers/engine/hardware';
import { BALANCERS, ROUTINGS, type Topology, type TopologyNode } from '../../../workers/engine/schema';
import { updateNode } from '../../store/docOps';
import { useAppStore } from '../../store/react';
import { InputField, SelectField } from './fields';
import { machineOptions } from './machineOptions';

const BALANCER_LABELS: Record<(typeof BALANCERS)[number], string> = {
  pooled: 'Pooled (one shared queue)',
  'round-robin': 'Round robin',
  random: 'Random',
  'least-outstanding': 'Least outstanding requests',
  p2c: 'Power of two choices (Envoy least-request)',
};

const ROUTING_LABELS: Record<(typeof ROUTINGS)[number], string> = {
  each: 'Each call drawn on its own (probability = chance)',
  one: 'Exactly one call per visit (probability = weight)',
};

export function DeploymentFields({ node, at }: { node: TopologyNode; at: string }) {
  const hardware = useAppStore((s) => s.doc.hardware);
  const price = useAppStore((s) => replicaPricePerHour(s.doc, node));
  const set =
    <K extends keyof TopologyNode>(field: K, convert: (v: string | number | null) => TopologyNode[K]) =>
    (v: string | number | null) =>
    (doc: Topology) =>
      updateNode(doc, node.id, { [field]: convert(v) } as Partial<TopologyNode>);
  return (
    <>
      <SelectField
        label="Machine type (one replica)"
        path={`${at}.hardware`}
        testId="hardware"
        value={node.hardware ?? ''}
        options={machineOptions({ hardware }, 'None (price set below)')}
        apply={set('hardware', (v) => (v ? String(v) : null))}
      />
      <InputField
        type="number"
        label="Cost"
        unit="$ per replica-hour"
        nullable
        hint={`Empty = the machine type's price. Now $${price}/h per replica, $${+(price * node.replicas).toFixed(4)}/h for ${node.replicas}.`}
        path={`${at}.costPerReplicaHour`}
        testId="costPerReplicaHour"
        value={node.costPerReplicaHour}
        apply={set('costPerReplicaHour', (v) => (v === null || v === '' ? null : Number(v)))}
      />
      {node.kind === 'model-server' && (
        <InputField
          type="number"
          label="Model GPU memory"
          unit="GB"
          nullable
          hint="Weights + cache the model needs; it must fit the machine's GPUs (all together)."
          path={`${at}.modelMemoryGb`}
          testId="modelMemoryGb"
          value={node.modelMemoryGb}
          apply={set('modelMemoryGb', (v) => (v === null || v === '' ? null : Number(v)))}
        />
      )}
      <SelectField
        label="Load balancer (across replicas)"
        path={`${at}.balancer`}
        testId="balancer"
        value={node.balancer}
        options={BALANCERS.map((b) => ({ value: b, label: BALANCER_LABELS[b] }))}
        apply={set('balancer', (v) => v as TopologyNode['balancer'])}
      />
      <SelectField
        label="Routing of outgoing calls"
        path={`${at}.routing`}
        testId="routing"
        value={node.routing}
        options={ROUTINGS.map((r) => ({ value: r, label: ROUTING_LABELS[r] }))}
        apply={set('routing', (v) => v as TopologyNode['routing'])}
      />
    </>
  );
}
