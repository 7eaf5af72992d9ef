/**
 * Meaning checks of the wired resilience patterns (parse step; errors name
 * the field): a circuit breaker applies to sync calls only; admission control
 * is not simulated on llm-servers yet, nor `lifo` on llm-servers, batching
 * model servers and pool members (a pool's one line is shared); neither runs together with autoscaling
 * (the pattern simulator extends the scenario simulator, which has no
 * autoscaler yet).
 */
import type { TopologyError } from '../errorText';
import type { TopologySpec } from '../schema';

/** Whether the document uses a wired pattern (a breaker on an edge, admission on a node). */
export function usesPatterns(spec: Pick<TopologySpec, 'nodes' | 'edges'>): boolean {
  return spec.nodes.some((n) => n.admission != null || n.queueDiscipline === 'lifo') || (spec.edges ?? []).some((e) => e.circuitBreaker != null);
}

/** Every problem of the document's patterns (empty without any). */
export function patternProblems(spec: TopologySpec): TopologyError[] {
  if (!usesPatterns(spec)) return [];
  const errors: TopologyError[] = [];
  (spec.edges ?? []).forEach((e, i) => {
    if (e.circuitBreaker != null && e.mode === 'async') errors.push({ path: `edges[${i}].circuitBreaker`, message: 'a circuit breaker applies to sync calls only' });
  });
  spec.nodes.forEach((n, i) => {
    if (n.admission != null && n.kind === 'llm-server') errors.push({ path: `nodes[${i}].admission`, message: 'admission control on an llm-server is not simulated yet' });
    if (n.queueDiscipline === 'lifo' && (n.kind === 'llm-server' || n.batching != null || n.pool != null)) {
      errors.push({ path: `nodes[${i}].queueDiscipline`, message: 'lifo is not simulated on llm-servers, batching model servers or pool members yet' });
    }
  });
  if (spec.nodes.some((n) => n.autoscale != null) || spec.monolith?.autoscale != null) {
    errors.push({ path: 'nodes', message: 'circuit breakers, admission control and lifo with autoscaling are not simulated yet: remove the autoscalers or the patterns' });
  }
  return errors;
}
