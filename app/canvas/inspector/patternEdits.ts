/**
 * Pure edits of the pattern fields the pattern simulator runs beside the
 * breaker and admission control (docs/format.md): an edge's retry back-off and
 * hedging, a node's load-dependent service time (slowdown), and the
 * document's closed workload. Like resilienceEdits.ts, a pattern turned off
 * loses its key, so a document without it keeps its meaning bit for bit.
 * Edits that would leave a combination the parser refuses (hedging beside
 * retries, a back-off without retries) take the other side out in the same
 * step, and the inspector says so before the user clicks.
 */
import { BACKOFF_DEFAULTS } from '../../../workers/engine/resilience/backoff';
import { RetryBudgetSchema } from '../../../workers/engine/resilience/patternSchema';
import { slowdownFactor } from '../../../workers/engine/resilience/slowdown';
import type { ServiceTime, Topology, TopologyEdge, TopologyNode } from '../../../workers/engine/schema';
import { LIMITS } from '../../../workers/engine/limits';
import { distMean } from './ServiceTimeField';

type Edit = (doc: Topology) => Topology;
export type Backoff = NonNullable<TopologyEdge['backoff']>;
export type Hedging = NonNullable<TopologyEdge['hedging']>;
export type Slowdown = NonNullable<TopologyNode['slowdown']>;
export type RetryBudget = NonNullable<TopologyEdge['retryBudget']>;
export type RetryBudgetKind = RetryBudget['kind'];

/** Envoy's retry back-off defaults (router filter: 25 ms base, 10 × base cap, fully jittered), as backoff.ts has them. */
export const BACKOFF_START: Backoff = { ...BACKOFF_DEFAULTS };

/** A slowdown to start from (no library has one): linear, × 2 at full utilisation, capped at the schema's × 100. */
export const SLOWDOWN_START: Slowdown = { shape: 'linear', basis: 'utilization', coefficient: 1, maxFactor: 100 };

/** A closed workload's think time to start from: exponential, mean 1 s. */
export const THINK_TIME_START_MS = 1000;
export const THINK_TIME_START: ServiceTime = { dist: 'exponential', meanMs: THINK_TIME_START_MS };

const mapEdge = (id: string, f: (e: TopologyEdge) => TopologyEdge): Edit => (doc) => ({ ...doc, edges: doc.edges.map((e) => (e.id === id ? f(e) : e)) });
const mapNode = (id: string, f: (n: TopologyNode) => TopologyNode): Edit => (doc) => ({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? f(n) : n)) });

/** The edge without the keys that need retries (back-off, retry budget). */
function withoutRetryExtras(e: TopologyEdge): TopologyEdge {
  const { backoff: _b, retryBudget: _r, ...rest } = e;
  return rest;
}

/** Turns an edge's back-off on (Envoy's defaults) or off. */
export function backoffOn(edgeId: string, on: boolean): Edit {
  return mapEdge(edgeId, (e) => {
    const { backoff: _gone, ...rest } = e;
    return on ? { ...rest, backoff: { ...BACKOFF_START } } : rest;
  });
}

/** Sets one field of an edge's back-off (the edge must have one). */
export function backoffField<K extends keyof Backoff>(edgeId: string, field: K, value: Backoff[K]): Edit {
  return mapEdge(edgeId, (e) => (e.backoff ? { ...e, backoff: { ...e.backoff, [field]: value } } : e));
}

/** The ceilings (ms) of the first `n` back-off waits: min(maxMs, baseMs × multiplier^(k−1)), for the summary line. */
export function backoffCeilings(b: Backoff, n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= n; k++) out.push(Math.min(b.maxMs, b.baseMs * b.multiplier ** (k - 1)));
  return out;
}

/** Sets an edge's retries; 0 also removes what needs retries (back-off, retry budget), which the parser refuses without them. */
export function setRetries(edgeId: string, retries: number): Edit {
  return mapEdge(edgeId, (e) => (retries === 0 ? { ...withoutRetryExtras(e), retries } : { ...e, retries }));
}

/** Switches an edge's mode; async drops everything that waits for a reply (timeout, retries, breaker, back-off, hedging, LLM call fields). */
export function setMode(edgeId: string, mode: 'sync' | 'async'): Edit {
  return mapEdge(edgeId, (e) => {
    if (mode !== 'async') return { ...e, mode };
    const { tokens: _t, streaming: _s, kvTransfer: _k, circuitBreaker: _c, hedging: _h, ...rest } = withoutRetryExtras(e);
    return { ...rest, mode, timeoutMs: null, retries: 0 };
  });
}

/** What an edge has that hedging replaces (gRPC A6: a call retries or hedges, not both), in words. */
export function hedgingConflicts(e: TopologyEdge): string[] {
  const out: string[] = [];
  if (e.timeoutMs != null) out.push(`its timeout (${e.timeoutMs} ms)`);
  if (e.retries > 0) out.push(`its ${e.retries} ${e.retries === 1 ? 'retry' : 'retries'}`);
  if (e.circuitBreaker) out.push('its circuit breaker');
  return out;
}

/** Why hedging is not offered into a node (null when it is): the parser's rule for llm-servers and batching model servers. */
export function hedgingRefusedFor(target: TopologyNode | undefined): string | null {
  if (target && (target.kind === 'llm-server' || target.batching != null)) return 'Hedging into an llm-server or a batching model server is not simulated yet.';
  return null;
}

/**
 * The hedge delay to start from: 3 × the callee's mean service time, rounded up to 1 ms — the 95th
 * percentile of an exponential service time (ln 20 ≈ 3.0 × the mean), Dean & Barroso's suggested delay.
 */
export function hedgeDelayStart(target: TopologyNode | undefined): number {
  const mean = target ? distMean(target.serviceTime as unknown as Parameters<typeof distMean>[0], 'Ms') : 10;
  return Math.max(1, Math.ceil(3 * mean));
}

/**
 * Retry budgets to start from: Envoy's defaults (budget_percent 20, min_retry_concurrency 3), as the schema
 * fills them in; gRPC's throttle has no defaults, so A6's own example (maxTokens 10, tokenRatio 0.1).
 */
export const RETRY_BUDGET_START: { [K in RetryBudgetKind]: Extract<RetryBudget, { kind: K }> } = {
  envoy: RetryBudgetSchema.parse({ kind: 'envoy' }) as Extract<RetryBudget, { kind: 'envoy' }>,
  'grpc-throttle': { kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 },
};

/** Sets an edge's retry budget kind (with its starting numbers), or removes the budget ('none'). */
export function retryBudgetKind(edgeId: string, kind: RetryBudgetKind | 'none'): Edit {
  return mapEdge(edgeId, (e) => {
    const { retryBudget: old, ...rest } = e;
    if (kind === 'none') return rest;
    return { ...rest, retryBudget: old?.kind === kind ? old : { ...RETRY_BUDGET_START[kind] } };
  });
}

/** Sets one number of an edge's retry budget (the edge must have one of that kind). */
export function retryBudgetField(edgeId: string, field: 'budgetPercent' | 'minRetryConcurrency' | 'maxTokens' | 'tokenRatio', value: number): Edit {
  return mapEdge(edgeId, (e) => (e.retryBudget && field in e.retryBudget ? { ...e, retryBudget: { ...e.retryBudget, [field]: value } as RetryBudget } : e));
}

/** Turns hedging on (maxAttempts 2, the given delay), removing the timeout, retries, breaker and back-off it cannot run with; or off. */
export function hedgingOn(edgeId: string, on: boolean, hedgeAfterMs: number): Edit {
  return mapEdge(edgeId, (e) => {
    const { hedging: _gone, ...rest } = e;
    if (!on) return rest;
    const { circuitBreaker: _c, ...plain } = withoutRetryExtras(rest as TopologyEdge);
    return { ...plain, timeoutMs: null, retries: 0, hedging: { hedgeAfterMs, maxAttempts: 2 } };
  });
}

/** Sets one field of an edge's hedging (the edge must have it). */
export function hedgingField<K extends keyof Hedging>(edgeId: string, field: K, value: Hedging[K]): Edit {
  return mapEdge(edgeId, (e) => (e.hedging ? { ...e, hedging: { ...e.hedging, [field]: value } } : e));
}

/** Turns a node's load-dependent service time on (SLOWDOWN_START) or off. */
export function slowdownOn(nodeId: string, on: boolean): Edit {
  return mapNode(nodeId, (n) => {
    const { slowdown: _gone, ...rest } = n;
    return on ? { ...rest, slowdown: { ...SLOWDOWN_START } } : rest;
  });
}

/** Sets one field of a node's slowdown (the node must have one). */
export function slowdownField<K extends keyof Slowdown>(nodeId: string, field: K, value: Slowdown[K]): Edit {
  return mapNode(nodeId, (n) => (n.slowdown ? { ...n, slowdown: { ...n.slowdown, [field]: value } } : n));
}

/** Service-time factors at a few loads, for the summary: utilisation 50 % and 100 %, or 1 and 10 waiting. */
export function slowdownExamples(s: Slowdown): { x: number; factor: number }[] {
  const xs = s.basis === 'utilization' ? [0.5, 1] : [1, 10];
  return xs.map((x) => ({ x, factor: slowdownFactor(s.shape === 'exponential', s.coefficient, s.maxFactor, x) }));
}

/** Users to start a closed workload with: about the open rate's load when responses are quick (N ≈ rate × mean think time). */
export function closedUsersStart(ratePerSec: number, thinkMs = THINK_TIME_START_MS): number {
  return Math.min(LIMITS.maxClosedUsers, Math.max(1, Math.round((ratePerSec * thinkMs) / 1000)));
}

/**
 * Switches the workload model. Closed: `users` (from the rate) and an exponential 1 s think time, and no rate
 * profile (a closed workload has none: its users set the load). Open: the model, users and think time keys go.
 */
export function workloadModel(model: 'open' | 'closed'): Edit {
  return (doc) => {
    const { model: _m, users, thinkTime, ...w } = doc.workload;
    if (model === 'open') return { ...doc, workload: w };
    return {
      ...doc,
      workload: { ...w, profile: null, model, users: users ?? closedUsersStart(w.ratePerSec), thinkTime: thinkTime ?? { ...THINK_TIME_START } },
    };
  };
}

/** Sets a closed workload's users. */
export function workloadUsers(users: number): Edit {
  return (doc) => ({ ...doc, workload: { ...doc.workload, users } });
}

/** Sets a closed workload's think time. */
export function workloadThinkTime(thinkTime: ServiceTime): Edit {
  return (doc) => ({ ...doc, workload: { ...doc.workload, thinkTime } });
}

/** The most a closed workload can send: N / Z req/s (every response instant); null without a positive mean think time. */
export function closedRateBound(users: number, thinkTime: ServiceTime): number | null {
  const z = distMean(thinkTime as unknown as Parameters<typeof distMean>[0], 'Ms');
  return z > 0 ? (users * 1000) / z : null;
}
