/**
 * Proposed document fields for the resilience patterns of issue 11, with the
 * defaults of the system each one models (cited in the modules named). To be
 * merged into `workers/engine/schema.ts` (edge, node and workload records)
 * when the simulator is wired; every field is optional and absent means
 * "off", so a version-2 document without them keeps its meaning.
 *
 * On an edge: `backoff` (backoff.ts), `retryBudget` (retryBudget.ts),
 * `circuitBreaker` (circuitBreaker.ts), `hedging` (hedging.ts).
 * On a node: `admission` (admission.ts), `queueDiscipline`, `slowdown` (slowdown.ts).
 * On the workload: `model` with `users` and `thinkTime` (closedWorkload.ts).
 */
import { z } from 'zod';
import { int } from '../zodFields';
import { ServiceTimeSchema } from '../schema';
import { AdmissionSchema, BackoffSchema, CircuitBreakerSchema, HedgingSchema, QueueDisciplineSchema, RetryBudgetSchema, SlowdownSchema } from './patternSchema';

export { AdmissionSchema, BackoffSchema, CircuitBreakerSchema, HedgingSchema, QueueDisciplineSchema, RetryBudgetSchema, SlowdownSchema } from './patternSchema';


/** The workload's source of requests: open (the rate, as today; the default) or closed (users who think between requests). */
export const WorkloadModelSchema = z.discriminatedUnion('model', [
  z.object({ model: z.literal('open') }).strict(),
  z.object({ model: z.literal('closed'), users: int(1, 1_000_000), thinkTime: ServiceTimeSchema }).strict(),
]);

/** The resilience fields of an edge. */
export const EdgeResilienceSchema = z
  .object({
    backoff: BackoffSchema.optional(),
    retryBudget: RetryBudgetSchema.optional(),
    circuitBreaker: CircuitBreakerSchema.optional(),
    hedging: HedgingSchema.optional(),
  })
  .strict();
export type EdgeResilience = z.infer<typeof EdgeResilienceSchema>;

/** The resilience fields of a node. */
export const NodeResilienceSchema = z
  .object({
    admission: AdmissionSchema.optional(),
    queueDiscipline: QueueDisciplineSchema.default('fifo'),
    slowdown: SlowdownSchema.optional(),
  })
  .strict();
export type NodeResilience = z.infer<typeof NodeResilienceSchema>;

/**
 * Meaning checks of an edge's resilience fields against the edge (empty: fine):
 * an edge hedges or retries, not both (gRPC A6: "retryPolicy" and
 * "hedgingPolicy" are mutually exclusive); hedging, a breaker and a budget
 * apply to sync calls only; a back-off or budget without retries does nothing.
 */
export function checkEdgeResilience(r: EdgeResilience, edge: { mode: 'sync' | 'async'; retries: number }): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (r.hedging && edge.retries > 0) out.push({ field: 'hedging', message: 'an edge either retries or hedges: set retries to 0 or remove hedging' });
  if (edge.mode === 'async') {
    for (const f of ['hedging', 'circuitBreaker', 'retryBudget'] as const) {
      if (r[f]) out.push({ field: f, message: 'applies to sync calls only' });
    }
  }
  if (edge.retries === 0) {
    for (const f of ['backoff', 'retryBudget'] as const) if (r[f]) out.push({ field: f, message: 'does nothing without retries' });
  }
  return out;
}
