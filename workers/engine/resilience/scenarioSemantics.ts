/**
 * The scenario's meaning checks in the document (parse step): the generic
 * checks of scenarioValidate.ts against the document's nodes, edges, caches,
 * replicas and run length, plus what the simulator does not model yet:
 * a capacity fault on an autoscaled node (or, through the monolith mapping,
 * on a merged component of an autoscaled monolith), and crash / outage /
 * capacity / latency faults on model servers with the plain batcher
 * (`batching.maxBatch` > 1 without `triton`), on autoscaled Triton model
 * servers and on autoscaled llm-servers, whose engines have their own service
 * paths (a Triton node in a pool runs the plain batcher), and capacity faults
 * on llm-servers (an engine's max_num_seqs and KV cache are fixed at its
 * start). A fixed Triton model server takes all four (scenarioCore.ts), a
 * fixed llm-server crashes, outages and latency (scenarioLlm.ts). Errors name the field. Crashes
 * and outages of other autoscaled nodes are simulated (elasticScenarioSim.ts).
 */
import type { TopologyError } from '../errorText';
import { KINDS, RUN_DEFAULTS } from '../kinds';
import type { TopologySpec } from '../schema';
import { validateScenario } from './scenarioValidate';

/** Fault kinds that act on a node's servers (not simulated on plain batchers or autoscaled engines yet). */
const SERVER_KINDS = new Set(['crash', 'outage', 'capacity', 'latency']);

/** Every problem of the document's scenario (empty without one). */
export function scenarioProblems(spec: TopologySpec): TopologyError[] {
  const events = spec.scenario?.events ?? [];
  if (events.length === 0) return [];
  const errors: TopologyError[] = [];
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
    // A Triton node in a pool batches by the plain rule (compile.ts): the plain batcher's refusal applies.
    const triton = n.batching?.triton != null && n.pool == null;
    if (n.kind === 'llm-server' && n.autoscale == null && e.kind === 'capacity') {
      errors.push({
        path: `scenario.events[${i}].kind`,
        message: `a capacity fault on an llm-server ("${n.id}") is not simulated (a vLLM engine's max_num_seqs and KV cache are fixed when it starts; crash a share of its replicas instead: crashes, outages, latency and errors are simulated)`,
      });
      return;
    }
    const engine =
      n.kind === 'llm-server'
        ? n.autoscale != null
          ? 'an autoscaled llm-server'
          : null
        : triton
          ? n.autoscale != null
            ? 'an autoscaled Triton model server'
            : null
          : n.batching != null && n.batching.maxBatch > 1
            ? 'a model server with the plain batcher'
            : null;
    if (engine) {
      const works =
        n.kind === 'llm-server'
          ? 'errors and partitions are; crashes, outages and latency are on an llm-server without autoscale'
          : triton
            ? 'errors and partitions are; all four are on a Triton server without autoscale'
            : 'errors and partitions are; all four are on a Triton server: `batching.triton`, not in a pool';
      errors.push({ path: `scenario.events[${i}].target`, message: `a ${e.kind} of ${engine} ("${n.id}") is not simulated yet (${works})` });
      return;
    }
    if (e.kind === 'capacity' && (n.autoscale != null || (spec.monolith?.autoscale != null && (n.role ?? KINDS[n.kind].role) === 'service'))) {
      const whose = n.autoscale != null ? `an autoscaled node ("${n.id}")` : `a component of an autoscaled monolith ("${n.id}")`;
      errors.push({ path: `scenario.events[${i}].kind`, message: `a capacity fault on ${whose} is not simulated yet (crashes, outages, latency and errors are)` });
      return;
    }
  });
  return errors;
}
