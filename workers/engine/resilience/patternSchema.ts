/**
 * The document fields of the resilience patterns the simulator runs (wired:
 * resilience/patternSim.ts): a circuit breaker on a sync edge, admission
 * control on a node and a node's queue discipline. Optional; absent means off, and a document without them
 * keeps its meaning and its results bit for bit. Kept apart from
 * resilienceSchema.ts (which re-exports them) so that schema.ts can import
 * them without an import cycle.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { int, num, positive } from '../zodFields';

/** A Resilience4j count-based circuit breaker; defaults CircuitBreakerConfig.DEFAULT_* (times in ms, rates in %). */
export const CircuitBreakerSchema = z
  .object({
    slidingWindowSize: int(1, 100_000).default(100),
    minimumNumberOfCalls: int(1, 100_000).default(100),
    failureRateThreshold: positive(100).default(50),
    slowCallRateThreshold: positive(100).default(100),
    slowCallDurationThresholdMs: positive(LIMITS.maxServiceMs).default(60_000),
    waitDurationInOpenStateMs: positive(LIMITS.maxServiceMs).default(60_000),
    permittedNumberOfCallsInHalfOpenState: int(1, 100_000).default(10),
  })
  .strict();
export type CircuitBreaker = z.infer<typeof CircuitBreakerSchema>;

/** Envoy's local rate limit token bucket (type.v3.TokenBucket): starts full; tokensPerFill (default 1) every fillIntervalMs. */
export const RateLimitSchema = z
  .object({
    maxTokens: int(1, 1_000_000_000),
    tokensPerFill: int(1, 1_000_000_000).default(1),
    fillIntervalMs: positive(LIMITS.maxServiceMs),
  })
  .strict();

/**
 * Admission control on a node: a cap on requests inside it (waiting or in
 * service; Envoy's `max_requests`), an Envoy local-rate-limit token bucket,
 * or both (a request must pass both). At least one is required.
 */
export const AdmissionSchema = z
  .object({
    maxInFlight: int(1, LIMITS.maxQueueCapacity).optional(),
    rateLimit: RateLimitSchema.optional(),
  })
  .strict()
  .refine((a) => a.maxInFlight !== undefined || a.rateLimit !== undefined, { error: 'give maxInFlight, rateLimit or both' });
export type Admission = z.infer<typeof AdmissionSchema>;

/** Which waiting request a free server takes: the oldest (fifo, the default) or the newest (lifo). */
export const QueueDisciplineSchema = z.enum(['fifo', 'lifo']);

/**
 * Load-dependent service time (slowdown.ts): the drawn service time × 1 + coefficient·x (linear) or
 * e^(coefficient·x) (exponential), x the replica's utilisation at service start or its queue length, capped at maxFactor.
 */
export const SlowdownSchema = z
  .object({
    shape: z.enum(['linear', 'exponential']),
    basis: z.enum(['utilization', 'queueLength']).default('utilization'),
    coefficient: num(0, 1000),
    maxFactor: num(1, 1000).default(100),
  })
  .strict();
export type Slowdown = z.infer<typeof SlowdownSchema>;

/** Retry back-off on a sync edge with retries; defaults Envoy's (25 ms, × 2, 250 ms, full jitter; backoff.ts). maxMs below baseMs is refused. */
export const BackoffSchema = z
  .object({
    baseMs: positive(LIMITS.maxServiceMs).default(25),
    multiplier: num(1, 10).default(2),
    maxMs: positive(LIMITS.maxServiceMs).default(250),
    jitter: z.enum(['full', 'none']).default('full'),
  })
  .strict()
  .refine((b) => b.maxMs >= b.baseMs, { error: 'must be at least baseMs', path: ['maxMs'] });

/** Hedged requests on a sync edge: attempt k goes out hedgeAfterMs after k − 1; maxAttempts counts the original (gRPC A6: 2..5). */
export const HedgingSchema = z.object({ hedgeAfterMs: num(0, LIMITS.maxServiceMs), maxAttempts: int(2, 5).default(2) }).strict();

/**
 * A retry budget on a sync edge with retries (retryBudget.ts): Envoy's concurrency budget (retries in flight <
 * max(⌊budgetPercent/100 × (active + pending)⌋, minRetryConcurrency); defaults 20 %, 3) or gRPC's retry-throttling
 * token bucket (A6: 0 < maxTokens ≤ 1000, tokenRatio > 0; retries only while tokens > maxTokens / 2).
 */
export const RetryBudgetSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('envoy'), budgetPercent: num(0, 100).default(20), minRetryConcurrency: int(0, 1_000_000).default(3) })
    .strict(),
  z.object({ kind: z.literal('grpc-throttle'), maxTokens: positive(1000), tokenRatio: positive(1000) }).strict(),
]);
export type RetryBudget = z.infer<typeof RetryBudgetSchema>;
