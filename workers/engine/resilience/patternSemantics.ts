/**
 * Meaning checks of the wired resilience patterns (parse step; errors name
 * the field): a circuit breaker applies to sync calls only, a back-off and a
 * retry budget to sync edges with retries only; admission control
 * is not simulated on llm-servers yet, nor `lifo` on llm-servers, batching
 * model servers and pool members (a pool's one line is shared); none runs together with autoscaling
 * (the pattern simulator extends the scenario simulator, which has no
 * autoscaler yet).
 */
import type { TopologyError } from '../errorText';
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
  if (spec.nodes.some((n) => n.autoscale != null) || spec.monolith?.autoscale != null) {
    errors.push({ path: 'nodes', message: 'circuit breakers, admission control, lifo and closed workloads with autoscaling are not simulated yet: remove the autoscalers or the patterns' });
  }
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
