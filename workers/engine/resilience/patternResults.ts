/**
 * The circuit breakers' and retry budgets' own counts (`DesignResult.breakers`,
 * `DesignResult.retryBudgets`): per breaker or budget,
 * from the raw array the pattern simulator fills (patternSim.ts), merged
 * across replications by addition like every raw array.
 */
import type { CompiledModel } from '../compile';
import type { BreakerResult, RetryBudgetResult } from '../results';
import { RB_ALLOWED, RB_REFUSED, RETRY_BUDGET_FIELDS } from './patternBudget';
import type { CircuitBreakers } from './circuitBreaker';

/** Fields per breaker in `DesignRaw.breakers`: times it opened, attempts it refused. */
export const BR_OPENED = 0;
export const BR_REFUSED = 1;
export const BREAKER_FIELDS = 2;

/** The raw counts of the breakers at the end of a run. */
export function breakerRaw(b: CircuitBreakers): Float64Array {
  const n = b.opened.length;
  const out = new Float64Array(n * BREAKER_FIELDS);
  for (let k = 0; k < n; k++) {
    out[k * BREAKER_FIELDS + BR_OPENED] = b.opened[k];
    out[k * BREAKER_FIELDS + BR_REFUSED] = b.rejected[k];
  }
  return out;
}

/** Per breaker, in edge order: its edge's id, the times it opened and the attempts it refused (summed over replications). */
export function breakerResults(m: CompiledModel, raw: Float64Array): BreakerResult[] {
  const p = m.patterns;
  if (p === null) return [];
  return Array.from(p.breakerEdge, (e, k) => ({
    edge: m.edgeIds[e],
    opened: raw[k * BREAKER_FIELDS + BR_OPENED],
    refused: raw[k * BREAKER_FIELDS + BR_REFUSED],
  }));
}

/** Per retry budget, in edge order: its edge's id, its kind, the retries it allowed and refused (summed over replications). */
export function retryBudgetResults(m: CompiledModel, raw: Float64Array): RetryBudgetResult[] {
  const p = m.patterns;
  if (p === null) return [];
  return Array.from(p.budgetEdge, (e, k) => ({
    edge: m.edgeIds[e],
    kind: p.budgetThrottle[k] === 1 ? ('grpc-throttle' as const) : ('envoy' as const),
    retriesAllowed: raw[k * RETRY_BUDGET_FIELDS + RB_ALLOWED],
    retriesRefused: raw[k * RETRY_BUDGET_FIELDS + RB_REFUSED],
  }));
}
