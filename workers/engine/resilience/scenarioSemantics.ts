/**
 * The scenario's meaning checks in the document (parse step): the generic
 * checks of scenarioValidate.ts against the document's nodes, edges, caches,
 * replicas and run length, plus what the simulator does not model yet:
 * a scenario together with autoscaling, and crash / outage / capacity /
 * latency faults on batching (Triton) model servers and llm-servers, whose
 * engines have their own service paths. Errors name the field.
 */
import type { TopologyError } from '../errorText';
import { KINDS, RUN_DEFAULTS } from '../kinds';
import type { TopologySpec } from '../schema';
import { validateScenario } from './scenarioValidate';

/** Fault kinds that act on a node's servers (not simulated on batching or LLM engines yet). */
const SERVER_KINDS = new Set(['crash', 'outage', 'capacity', 'latency']);

/** Every problem of the document's scenario (empty without one). */
export function scenarioProblems(spec: TopologySpec): TopologyError[] {
  const events = spec.scenario?.events ?? [];
  if (events.length === 0) return [];
  const errors: TopologyError[] = [];
  if (spec.nodes.some((n) => n.autoscale != null) || spec.monolith?.autoscale != null) {
    errors.push({ path: 'scenario', message: 'a scenario with autoscaling is not simulated yet: remove the autoscalers (nodes and monolith) or the scenario' });
  }
  const poolReplicas = new Map((spec.pools ?? []).map((p) => [p.id, p.replicas ?? 1]));
  const replicasById = new Map(
    spec.nodes.map((n) => [n.id, (n.pool != null ? poolReplicas.get(n.pool) : undefined) ?? n.replicas ?? KINDS[n.kind].replicas]),
  );
  errors.push(
    ...validateScenario(events, {
      nodeIds: spec.nodes.map((n) => n.id),
      edgeIds: (spec.edges ?? []).map((e) => e.id),
      cacheIds: spec.nodes.filter((n) => n.kind === 'cache').map((n) => n.id),
      replicasById,
      runDurationSec: spec.run?.durationSec ?? RUN_DEFAULTS.durationSec,
    }),
  );
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  events.forEach((e, i) => {
    const n = byId.get(e.target);
    if (!n || !SERVER_KINDS.has(e.kind)) return;
    const engine = n.kind === 'llm-server' ? 'an llm-server' : n.batching != null && n.batching.maxBatch > 1 ? 'a batching model server' : n.batching?.triton ? 'a Triton model server' : null;
    if (engine) errors.push({ path: `scenario.events[${i}].target`, message: `a ${e.kind} of ${engine} ("${n.id}") is not simulated yet (errors and partitions are)` });
  });
  return errors;
}
