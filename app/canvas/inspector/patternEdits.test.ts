import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../../workers/engine/parse';
import { loadTemplate } from '../../../workers/templates';
import { documentErrors } from '../../store/validation';
import {
  BACKOFF_START,
  backoffCeilings,
  backoffField,
  backoffOn,
  closedRateBound,
  closedUsersStart,
  hedgeDelayStart,
  hedgingConflicts,
  hedgingField,
  hedgingOn,
  hedgingRefusedFor,
  RETRY_BUDGET_START,
  retryBudgetField,
  retryBudgetKind,
  SLOWDOWN_START,
  setMode,
  setRetries,
  slowdownExamples,
  slowdownField,
  slowdownOn,
  workloadModel,
  workloadThinkTime,
  workloadUsers,
} from './patternEdits';

const paths = (doc: Parameters<typeof documentErrors>[0]) => documentErrors(doc).map((e) => e.path);

describe('pattern edits', () => {
  it('back-off: Envoy’s defaults on, a field edited, refused below the base, removed with the retries', () => {
    // retry-storm-breaker: gateway → features, timeout 100 ms, 3 retries, a breaker.
    const doc = loadTemplate('retry-storm-breaker');
    expect(BACKOFF_START).toEqual({ baseMs: 25, multiplier: 2, maxMs: 250, jitter: 'full' });
    const on = backoffOn('gateway-features', true)(doc);
    expect(on.edges[0].backoff).toEqual(BACKOFF_START);
    expect(documentErrors(on)).toEqual([]);
    expect(backoffCeilings(on.edges[0].backoff!, 5)).toEqual([25, 50, 100, 200, 250]);
    const edited = backoffField('gateway-features', 'baseMs', 40)(on);
    expect(edited.edges[0].backoff).toEqual({ baseMs: 40, multiplier: 2, maxMs: 250, jitter: 'full' });
    // A cap below the base is refused by the parser under maxMs.
    expect(paths(backoffField('gateway-features', 'maxMs', 10)(on))).toEqual(['edges[0].backoff.maxMs']);
    // A multiplier under 1 is refused under its own field.
    expect(paths(backoffField('gateway-features', 'multiplier', 0.5)(on))).toEqual(['edges[0].backoff.multiplier']);
    // Retries to 0 take the back-off with them (the parser refuses a back-off without retries).
    const none = setRetries('gateway-features', 0)(edited);
    expect(none.edges[0].retries).toBe(0);
    expect('backoff' in none.edges[0]).toBe(false);
    expect(documentErrors(none)).toEqual([]);
    // Other retry counts keep it.
    expect(setRetries('gateway-features', 5)(edited).edges[0].backoff?.baseMs).toBe(40);
    // Off removes the key.
    expect(JSON.stringify(backoffOn('gateway-features', false)(on).edges)).not.toContain('backoff');
  });

  it('async drops what waits for a reply: timeout, retries, breaker, back-off, hedging', () => {
    const doc = backoffOn('gateway-features', true)(loadTemplate('retry-storm-breaker'));
    const a = setMode('gateway-features', 'async')(doc);
    expect(a.edges[0]).toMatchObject({ mode: 'async', timeoutMs: null, retries: 0 });
    for (const k of ['circuitBreaker', 'backoff', 'hedging']) expect(k in a.edges[0]).toBe(false);
    expect(documentErrors(a)).toEqual([]);
    expect(setMode('gateway-features', 'sync')(a).edges[0].mode).toBe('sync');
  });

  it('hedging names what it replaces, removes it in the same edit, and the result parses', () => {
    const doc = backoffOn('gateway-features', true)(loadTemplate('retry-storm-breaker'));
    expect(hedgingConflicts(doc.edges[0])).toEqual(['its timeout (100 ms)', 'its 3 retries', 'its circuit breaker']);
    // features: exponential, mean 10 ms → 3 × 10 = 30 ms, about its p95 (ln 20 × 10 = 29.96 ms).
    const features = doc.nodes.find((n) => n.id === 'features');
    expect(hedgeDelayStart(features)).toBe(30);
    const on = hedgingOn('gateway-features', true, 30)(doc);
    expect(on.edges[0].hedging).toEqual({ hedgeAfterMs: 30, maxAttempts: 2 });
    expect(on.edges[0]).toMatchObject({ timeoutMs: null, retries: 0 });
    for (const k of ['circuitBreaker', 'backoff']) expect(k in on.edges[0]).toBe(false);
    expect(hedgingConflicts(on.edges[0])).toEqual([]);
    expect(documentErrors(on)).toEqual([]);
    expect(parseTopology(on).ok).toBe(true);
    // gRPC A6 caps maxAttempts at 5; the parser refuses 6 under the field.
    expect(hedgingField('gateway-features', 'maxAttempts', 5)(on).edges[0].hedging?.maxAttempts).toBe(5);
    expect(paths(hedgingField('gateway-features', 'maxAttempts', 6)(on))).toEqual(['edges[0].hedging.maxAttempts']);
    // Retries typed on a hedged call are refused with the hedging rule.
    expect(paths(setRetries('gateway-features', 2)(on))).toContain('edges[0].hedging');
    // Off: only the hedging key goes.
    const off = hedgingOn('gateway-features', false, 30)(on);
    expect('hedging' in off.edges[0]).toBe(false);
    expect(documentErrors(off)).toEqual([]);
  });

  it('hedging is not offered into an llm-server, as the parser refuses it there', () => {
    const llm = loadTemplate('llm-router');
    const i = llm.edges.findIndex((e) => e.mode === 'sync' && llm.nodes.find((n) => n.id === e.target)?.kind === 'llm-server');
    const target = llm.nodes.find((n) => n.id === llm.edges[i].target);
    expect(hedgingRefusedFor(target)).toContain('llm-server');
    expect(hedgingRefusedFor(loadTemplate('tandem').nodes[1])).toBeNull();
    const forced = hedgingOn(llm.edges[i].id, true, 10)(llm);
    expect(paths(forced)).toContain(`edges[${i}].hedging`);
  });

  it('slowdown: starts linear on utilisation (× 2 when all busy), factors follow the formula, refused out of range, removable', () => {
    const doc = loadTemplate('tandem');
    const on = slowdownOn('stage3', true)(doc);
    expect(on.nodes[2].slowdown).toEqual(SLOWDOWN_START);
    expect(documentErrors(on)).toEqual([]);
    expect(slowdownExamples(SLOWDOWN_START)).toEqual([
      { x: 0.5, factor: 1.5 },
      { x: 1, factor: 2 },
    ]);
    const exp = slowdownField('stage3', 'basis', 'queueLength')(slowdownField('stage3', 'shape', 'exponential')(on));
    const ex = slowdownExamples(exp.nodes[2].slowdown!);
    expect(ex.map((e) => e.x)).toEqual([1, 10]);
    expect(ex[0].factor).toBeCloseTo(Math.E, 12);
    // e^10 ≈ 22026 is capped at the max factor (100).
    expect(ex[1].factor).toBe(100);
    expect(paths(slowdownField('stage3', 'maxFactor', 0.5)(on))).toEqual(['nodes[2].slowdown.maxFactor']);
    expect(paths(slowdownField('stage3', 'coefficient', -1)(on))).toEqual(['nodes[2].slowdown.coefficient']);
    expect('slowdown' in slowdownOn('stage3', false)(on).nodes[2]).toBe(false);
  });

  it('closed workload: users from the rate, 1 s think time, no profile; back to open removes the keys', () => {
    const doc = loadTemplate('tandem'); // 100 req/s
    const closed = workloadModel('closed')(doc);
    expect(closed.workload).toMatchObject({ model: 'closed', users: 100, thinkTime: { dist: 'exponential', meanMs: 1000 }, profile: null });
    expect(documentErrors(closed)).toEqual([]);
    // N / Z: 100 users thinking 1 s send at most 100 req/s.
    expect(closedRateBound(100, { dist: 'exponential', meanMs: 1000 })).toBe(100);
    expect(closedRateBound(8, { dist: 'uniform', minMs: 0, maxMs: 100 })).toBe(160);
    expect(closedUsersStart(0.2)).toBe(1);
    expect(closedUsersStart(1e9)).toBe(100_000);
    const edited = workloadThinkTime({ dist: 'deterministic', meanMs: 250 })(workloadUsers(12)(closed));
    expect(edited.workload).toMatchObject({ users: 12, thinkTime: { dist: 'deterministic', meanMs: 250 } });
    expect(paths(workloadUsers(0)(closed))).toEqual(['workload.users']);
    expect(paths(workloadUsers(2.5)(closed))).toEqual(['workload.users']);
    // Switching again keeps the user's numbers.
    expect(workloadModel('closed')(edited).workload.users).toBe(12);
    const open = workloadModel('open')(edited);
    for (const k of ['model', 'users', 'thinkTime']) expect(k in open.workload).toBe(false);
    expect(open.workload.ratePerSec).toBe(100);
    expect(documentErrors(open)).toEqual([]);
  });

  it('a closed switch drops a rate profile, which the parser refuses with a closed workload', () => {
    const doc = loadTemplate('tandem');
    const withProfile = { ...doc, workload: { ...doc.workload, profile: [{ atSec: 0, ratePerSec: 10 }, { atSec: 60, ratePerSec: 50 }] } };
    expect(paths({ ...withProfile, workload: { ...withProfile.workload, model: 'closed' as const, users: 5, thinkTime: { dist: 'exponential' as const, meanMs: 100 } } })).toContain('workload.profile');
    expect(documentErrors(workloadModel('closed')(withProfile))).toEqual([]);
  });

  it('retry budget: Envoy’s defaults, A6’s throttle example, a kind switch keeps nothing of the other, removed with the retries', () => {
    const doc = loadTemplate('retry-storm-breaker');
    expect(RETRY_BUDGET_START.envoy).toEqual({ kind: 'envoy', budgetPercent: 20, minRetryConcurrency: 3 });
    const envoy = retryBudgetKind('gateway-features', 'envoy')(doc);
    expect(envoy.edges[0].retryBudget).toEqual({ kind: 'envoy', budgetPercent: 20, minRetryConcurrency: 3 });
    expect(documentErrors(envoy)).toEqual([]);
    const edited = retryBudgetField('gateway-features', 'budgetPercent', 50)(envoy);
    expect(edited.edges[0].retryBudget).toEqual({ kind: 'envoy', budgetPercent: 50, minRetryConcurrency: 3 });
    // Choosing the same kind again keeps the numbers; a field of the other kind is not written.
    expect(retryBudgetKind('gateway-features', 'envoy')(edited).edges[0].retryBudget).toEqual(edited.edges[0].retryBudget);
    expect(retryBudgetField('gateway-features', 'maxTokens', 5)(edited).edges[0].retryBudget).toEqual(edited.edges[0].retryBudget);
    expect(paths(retryBudgetField('gateway-features', 'budgetPercent', 120)(envoy))).toEqual(['edges[0].retryBudget.budgetPercent']);
    expect(paths(retryBudgetField('gateway-features', 'minRetryConcurrency', 1.5)(envoy))).toEqual(['edges[0].retryBudget.minRetryConcurrency']);
    const grpc = retryBudgetKind('gateway-features', 'grpc-throttle')(edited);
    expect(grpc.edges[0].retryBudget).toEqual({ kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 });
    expect(documentErrors(grpc)).toEqual([]);
    expect(paths(retryBudgetField('gateway-features', 'tokenRatio', 0)(grpc))).toEqual(['edges[0].retryBudget.tokenRatio']);
    expect(paths(retryBudgetField('gateway-features', 'maxTokens', 2000)(grpc))).toEqual(['edges[0].retryBudget.maxTokens']);
    // Retries to 0, async or hedging take it away; 'none' removes the key.
    for (const d of [setRetries('gateway-features', 0)(grpc), setMode('gateway-features', 'async')(grpc), hedgingOn('gateway-features', true, 30)(grpc), retryBudgetKind('gateway-features', 'none')(grpc)]) {
      expect('retryBudget' in d.edges[0]).toBe(false);
      expect(documentErrors(d)).toEqual([]);
    }
    // Without retries the parser refuses a budget under its path.
    expect(paths(retryBudgetKind('gateway-features', 'envoy')({ ...doc, edges: [{ ...doc.edges[0], retries: 0 }] }))).toEqual(['edges[0].retryBudget']);
  });
});
