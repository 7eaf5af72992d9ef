/**
 * Meaning checks of the wired resilience patterns (parse step; errors name
 * the field): a circuit breaker applies to sync calls only, a back-off and a
 * retry budget to sync edges with retries only; admission control
 * is not simulated on llm-servers yet, nor `lifo` on llm-servers, batching
 * model servers and pool members (a pool's one line is shared). With autoscalers the patterns run on the
 * elastic simulator (patternSim.ts's ElasticPatternSimulator), except, refused: a token-bucket rate limit on
 * an autoscaled node (Envoy's local rate limit is a bucket per Envoy process, so per replica; the model keeps
 * one per node) and slowdown on an autoscaled pooled node (nor either on a merged component of an autoscaled
 * monolith).
 */
import type { TopologyError } from '../errorText';
import { KINDS } from '../kinds';
import type { TopologySpec } from '../schema';

/** Whether the document uses a wired pattern (a breaker, back-off, hedging or retry budget on an edge, admission, lifo or slowdown on a node, a closed workload). */
export function usesPatterns(spec: Pick<TopologySpec, 'nodes' | 'edges'> & { workload?: Pick<TopologySpec['workload'], 'model'> }): boolean {
  return spec.workload?.model === 'closed' || spec.nodes.some((n) => n.admission != null || n.queueDiscipline === 'lifo' || n.slowdown != null) || (spec.edges ?? []).some((e) => e.circuitBreaker != null || e.backoff != null || e.hedging != null || e.retryBudget != null);
}

/** Every problem of the document's patterns (empty without any). */
export function patternProblems(spec: TopologySpec): TopologyError[] {
  const errors: TopologyError[] = closedWorkloadProblems(spec.workload);
  if (!usesPatterns(spec)) return errors;
  (spec.edges ?? []).forEach((e, i) => {
    if (e.backoff != null && (e.mode === 'async' || !e.retries)) errors.push({ path: `edges[${i}].backoff`, message: 'a back-off applies to sync edges with retries only' });
    if (e.retryBudget != null && (e.mode === 'async' || !e.retries)) errors.push({ path: `edges[${i}].retryBudget`, message: 'a retry budget applies to sync edges with retries only' });
    if (e.hedging != null) {
      const target = spec.nodes.find((n) => n.id === e.target);
      if (e.mode === 'async' || e.retries || e.timeoutMs != null || e.circuitBreaker != null) {
        errors.push({ path: `edges[${i}].hedging`, message: 'hedging applies to sync edges without retries, timeout or circuit breaker (gRPC A6: a call retries or hedges, not both)' });
      } else if (target && (target.kind === 'llm-server' || target.batching != null)) {
        errors.push({ path: `edges[${i}].hedging`, message: 'hedging into an llm-server or a batching model server is not simulated yet' });
      }
    }
    if (e.circuitBreaker != null && e.mode === 'async') errors.push({ path: `edges[${i}].circuitBreaker`, message: 'a circuit breaker applies to sync calls only' });
  });
  spec.nodes.forEach((n, i) => {
    if (n.admission != null && n.kind === 'llm-server') errors.push({ path: `nodes[${i}].admission`, message: 'admission control on an llm-server is not simulated yet' });
    if (n.slowdown != null && (n.kind === 'llm-server' || n.batching != null)) {
      errors.push({ path: `nodes[${i}].slowdown`, message: 'load-dependent service time is not simulated on llm-servers or batching model servers yet' });
    }
    if (n.queueDiscipline === 'lifo' && (n.kind === 'llm-server' || n.batching != null || n.pool != null)) {
      errors.push({ path: `nodes[${i}].queueDiscipline`, message: 'lifo is not simulated on llm-servers, batching model servers or pool members yet' });
    }
  });
  errors.push(...autoscaledPatternProblems(spec));
  return errors;
}

/** A closed workload needs `users` and `thinkTime`; an open one takes neither. */
function closedWorkloadProblems(w: TopologySpec['workload']): TopologyError[] {
  const errors: TopologyError[] = [];
  if (w.model === 'closed') {
    if (w.users === undefined) errors.push({ path: 'workload.users', message: 'a closed workload needs users' });
    if (w.thinkTime === undefined) errors.push({ path: 'workload.thinkTime', message: 'a closed workload needs a thinkTime' });
    if (w.profile != null && w.profile.length > 0) errors.push({ path: 'workload.profile', message: 'a closed workload has no rate profile: its users set the load' });
  } else {
    if (w.users !== undefined) errors.push({ path: 'workload.users', message: 'users apply to a closed workload only (set model: "closed")' });
    if (w.thinkTime !== undefined) errors.push({ path: 'workload.thinkTime', message: 'thinkTime applies to a closed workload only (set model: "closed")' });
  }
  return errors;
}

/**
 * The patterns not simulated with autoscaling yet (docs/model.md, "Patterns with autoscaling"): on an autoscaled node
 * (or a merged component of an autoscaled monolith, which runs in the unit's pooled replicas), a rate limit, and
 * slowdown on a pooled one.
 */
function autoscaledPatternProblems(spec: TopologySpec): TopologyError[] {
  const errors: TopologyError[] = [];
  const unitScales = spec.monolith?.autoscale != null;
  const merged = (n: TopologySpec['nodes'][number]) => unitScales && (n.role ?? KINDS[n.kind].role) === 'service';
  const scaled = (n: TopologySpec['nodes'][number]) => n.autoscale != null || merged(n);
  const whose = (n: TopologySpec['nodes'][number]) => (n.autoscale != null ? `an autoscaled node ("${n.id}")` : `a component of an autoscaled monolith ("${n.id}")`);
  spec.nodes.forEach((n, i) => {
    if (n.admission?.rateLimit != null && scaled(n)) {
      errors.push({ path: `nodes[${i}].admission.rateLimit`, message: `a rate limit on ${whose(n)} is not simulated yet (Envoy's local rate limit is one bucket per replica's proxy; the model keeps one per node): remove the autoscaler or the rate limit (maxInFlight is simulated)` });
    }
    if (n.slowdown != null && ((n.autoscale != null && n.balancer === 'pooled') || merged(n))) {
      errors.push({ path: `nodes[${i}].slowdown`, message: `load-dependent service time on ${whose(n)} with pooled replicas is not simulated yet: give it a balancer (round-robin, least-outstanding, …) or remove the autoscaler` });
    }
  });
  return errors;
}
