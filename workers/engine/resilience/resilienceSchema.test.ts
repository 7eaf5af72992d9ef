import { describe, expect, it } from 'vitest';
import { BACKOFF_DEFAULTS } from './backoff';
import { CIRCUIT_BREAKER_DEFAULTS } from './circuitBreaker';
import {
  AdmissionSchema,
  BackoffSchema,
  CircuitBreakerSchema,
  EdgeResilienceSchema,
  HedgingSchema,
  NodeResilienceSchema,
  RetryBudgetSchema,
  WorkloadModelSchema,
  checkEdgeResilience,
} from './resilienceSchema';
import { RETRY_BUDGET_DEFAULTS } from './retryBudget';

describe('resilience schema', () => {
  it('defaults are the modules’ (the real systems’) defaults', () => {
    expect(BackoffSchema.parse({})).toEqual(BACKOFF_DEFAULTS);
    expect(CircuitBreakerSchema.parse({})).toEqual(CIRCUIT_BREAKER_DEFAULTS);
    expect(RetryBudgetSchema.parse({ kind: 'envoy' })).toEqual({ kind: 'envoy', ...RETRY_BUDGET_DEFAULTS });
    expect(HedgingSchema.parse({ hedgeAfterMs: 40 })).toEqual({ hedgeAfterMs: 40, maxAttempts: 2 });
    expect(AdmissionSchema.parse({ rateLimit: { maxTokens: 10, fillIntervalMs: 100 } })).toEqual({
      rateLimit: { maxTokens: 10, tokensPerFill: 1, fillIntervalMs: 100 },
    });
    expect(NodeResilienceSchema.parse({})).toEqual({ queueDiscipline: 'fifo' });
    expect(EdgeResilienceSchema.parse({})).toEqual({});
  });

  it('refuses bad values, naming the field', () => {
    expect(BackoffSchema.safeParse({ baseMs: 100, maxMs: 50 }).error?.issues[0].path).toEqual(['maxMs']);
    expect(HedgingSchema.safeParse({ hedgeAfterMs: 1, maxAttempts: 6 }).error?.issues[0].path).toEqual(['maxAttempts']);
    expect(RetryBudgetSchema.safeParse({ kind: 'grpc-throttle', maxTokens: 2000, tokenRatio: 0.1 }).error?.issues[0].path).toEqual(['maxTokens']);
    expect(CircuitBreakerSchema.safeParse({ failureRateThreshold: 0 }).success).toBe(false);
    expect(AdmissionSchema.safeParse({ maxInFlight: 0 }).success).toBe(false);
    expect(WorkloadModelSchema.safeParse({ model: 'closed', users: 10 }).error?.issues[0].path).toEqual(['thinkTime']);
    expect(WorkloadModelSchema.parse({ model: 'closed', users: 10, thinkTime: { dist: 'exponential', meanMs: 1000 } })).toMatchObject({ users: 10 });
  });

  it('meaning checks: hedging xor retries, sync-only patterns, back-off needs retries', () => {
    const r = EdgeResilienceSchema.parse({ hedging: { hedgeAfterMs: 10 }, backoff: {}, circuitBreaker: {} });
    expect(checkEdgeResilience(r, { mode: 'sync', retries: 2 })).toEqual([
      { field: 'hedging', message: 'an edge either retries or hedges: set retries to 0 or remove hedging' },
    ]);
    expect(checkEdgeResilience(r, { mode: 'async', retries: 0 }).map((e) => e.field)).toEqual(['hedging', 'circuitBreaker', 'backoff']);
    expect(checkEdgeResilience(EdgeResilienceSchema.parse({ circuitBreaker: {} }), { mode: 'sync', retries: 0 })).toEqual([]);
  });
});
