/**
 * The simulator of a design with resilience patterns: the ScenarioSimulator
 * (faults, causes, per-window statistics; the ElasticScenarioSimulator with
 * autoscalers) plus, at its named points, circuit
 * breakers on edges (circuitBreaker.ts) and admission control on nodes
 * (admission.ts). Only designs that use a pattern reach it
 * ({@link simulateDesignRaw}); every other design runs exactly as before.
 *
 * - "An attempt is made on an edge" with a breaker: the breaker is asked
 *   (tryAcquire). Refused, nothing is sent: the call fails at once, without
 *   further retries (retrying an open breaker at the same instant is refused
 *   again), with cause `breakerOpen` when it was the call's first attempt,
 *   else with the cause of the attempt that failed before (failureCauses.ts).
 *   Permitted, the attempt's start time is kept.
 * - "An attempt ended" (answered, failed at the callee, dropped, timed out,
 *   partitioned, crashed): its outcome and duration are recorded in the
 *   breaker (record). An attempt superseded by a retry failed (a timeout or a
 *   failure); one answered up the tree is recorded as answered.
 * - "A visit arrives" at a node with admission control: over `maxInFlight`
 *   (requests waiting or in service there) or with an empty token bucket it
 *   is rejected at once, cause `rejected`; a rejected attempt is retried
 *   while the call's retries allow, as a failed one is.
 * - "A server frees" at a `lifo` station: it takes the newest waiting visit.
 * - "Service starts" at a node with `slowdown`: the drawn service time is
 *   multiplied by slowdown.ts's factor at the station's load at that instant:
 *   x = busy servers (this visit included) / the station's servers, or the
 *   visits still waiting there (this one taken out).
 * - "An attempt failed, a retry is allowed" on an edge with `backoff`
 *   (failed at the callee, timed out, partitioned, rejected): the retry
 *   waits backoff.ts's wait for retry n (min(maxMs, base × multiplier^(n−1)),
 *   × a uniform draw from the edge's stream with full jitter); the failed
 *   attempt is abandoned at once (its late answer is ignored) and recorded
 *   by the edge's breaker then. Edges without it retry at once, as before.
 * - Retry budgets on edges with `retryBudget` (patternBudget.ts): told when
 *   an attempt is sent and when it ends; asked at "a retry is decided",
 *   after the call's retries-left check and before its back-off (Envoy's
 *   order). A retry refused by the budget ends the call at once, failed with
 *   the cause of the attempt that failed (a timeout still counts as one).
 * - Hedged calls on an edge with `hedging`: patternHedging.ts (the layer
 *   below this one).
 * - A closed workload (`workload.model: "closed"`): patternClosed.ts (the
 *   lowest layer).
 *
 * The layers are mixins over a scenario simulator (patternBase.ts; the top
 * one is patternMixin.ts): {@link PatternSimulator} puts them over the
 * fixed-replica ScenarioSimulator, {@link ElasticPatternSimulator}
 * (elasticPatternSim.ts) over the ElasticScenarioSimulator for a design with autoscalers (docs/model.md,
 * "Patterns with autoscaling"; the combinations still refused are in
 * patternSemantics.ts).
 */
import type { CompiledModel } from '../compile';
import type * as R from '../raw';
import type { SimSpec } from '../simulate';
import { ElasticPatternSimulator } from './elasticPatternSim';
import { withPatterns } from './patternMixin';
import { ScenarioSimulator, simulateDesignRaw as simulateScenarioOrPlain } from './scenarioSim';

export { THINK_STREAM } from './patternClosed';
export { BACKOFF_STREAM0 } from './patternMixin';
export { ElasticPatternSimulator };

/** Runs one replication: the pattern simulator when the design uses a pattern (on the elastic one with autoscalers), else the scenario, elastic or plain one. */
export function simulateDesignRaw(m: CompiledModel, spec: SimSpec): R.DesignRaw {
  if (m.patterns === null) return simulateScenarioOrPlain(m, spec);
  return m.anyElastic ? new ElasticPatternSimulator(m, spec).run() : new PatternSimulator(m, spec).run();
}

/** The patterns over the ScenarioSimulator (fixed replicas). */
export class PatternSimulator extends withPatterns(ScenarioSimulator) {}
