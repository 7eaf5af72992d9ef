/**
 * Retry budgets on edges (schema.ts `edge.retryBudget`, retryBudget.ts): the
 * field parses with Envoy's defaults and is refused where it would do nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../schema';
import { testDoc2 } from '../testing/docs';
import { usesPatterns } from './patternSemantics';

/** api → db with the given retry budget and edge fields. */
function budgeted(retryBudget: Record<string, unknown>, extraEdge: Record<string, unknown> = {}): Topology {
  return testDoc2({
    nodes: [
      { id: 'api', kind: 'service', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
      { id: 'db', kind: 'database', replicas: 1, concurrency: 4, serviceTime: { dist: 'deterministic', meanMs: 1 } },
    ],
    edges: [{ id: 'api-db', source: 'api', target: 'db', networkMs: 0, timeoutMs: 500, retries: 3, retryBudget, ...extraEdge }],
    workload: { entry: 'api', arrival: 'constant', ratePerSec: 1 },
    run: { durationSec: 10, warmupSec: 0, seed: 2 },
  });
}

describe('edge.retryBudget in the document', () => {
  it('takes Envoy’s defaults (20 %, 3) and keeps a gRPC throttle as given', () => {
    const doc = budgeted({ kind: 'envoy' });
    expect(doc.edges[0].retryBudget).toEqual({ kind: 'envoy', budgetPercent: 20, minRetryConcurrency: 3 });
    expect(usesPatterns(doc)).toBe(true);
    expect(budgeted({ kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 }).edges[0].retryBudget).toEqual({ kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 });
  });

  it('is refused without retries, on async edges and with out-of-range numbers', () => {
    expect(() => budgeted({ kind: 'envoy' }, { retries: 0 })).toThrow(/edges\[0\]\.retryBudget: a retry budget applies to sync edges with retries only/);
    expect(() => budgeted({ kind: 'envoy' }, { mode: 'async', timeoutMs: null })).toThrow(/retryBudget/);
    expect(() => budgeted({ kind: 'envoy', budgetPercent: 120 })).toThrow(/retryBudget\.budgetPercent/);
    expect(() => budgeted({ kind: 'grpc-throttle', maxTokens: 2000, tokenRatio: 0.1 })).toThrow(/retryBudget\.maxTokens/);
    expect(() => budgeted({ kind: 'grpc-throttle', maxTokens: 10 })).toThrow(/retryBudget\.tokenRatio/);
    expect(() => budgeted({ kind: 'token-bucket' })).toThrow(/retryBudget/);
  });
});
