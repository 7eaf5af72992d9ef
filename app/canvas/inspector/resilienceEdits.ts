/**
 * Pure edits of the resilience-pattern fields (docs/format.md): an edge's
 * circuit breaker, a node's admission control and queue discipline. Each
 * field is written only when set: turning a pattern off removes its key.
 */
import { type CircuitBreaker, CircuitBreakerSchema } from '../../../workers/engine/resilience/patternSchema';
import type { Topology, TopologyEdge, TopologyNode } from '../../../workers/engine/schema';

type Edit = (doc: Topology) => Topology;
type Admission = NonNullable<TopologyNode['admission']>;
type RateLimit = NonNullable<Admission['rateLimit']>;

/** Resilience4j's defaults, as the schema fills them in for `{}`. */
export const BREAKER_DEFAULTS: CircuitBreaker = CircuitBreakerSchema.parse({});

/** A token bucket to start from: 100 tokens, refilled 100 every second (100 req/s sustained, bursts of 100). */
export const RATE_LIMIT_START: RateLimit = { maxTokens: 100, tokensPerFill: 100, fillIntervalMs: 1000 };

const mapEdge = (id: string, f: (e: TopologyEdge) => TopologyEdge): Edit => (doc) => ({ ...doc, edges: doc.edges.map((e) => (e.id === id ? f(e) : e)) });
const mapNode = (id: string, f: (n: TopologyNode) => TopologyNode): Edit => (doc) => ({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? f(n) : n)) });

/** Turns an edge's breaker on with Resilience4j's defaults, or removes it. */
export function breakerOn(edgeId: string, on: boolean): Edit {
  return mapEdge(edgeId, (e) => {
    const { circuitBreaker: _gone, ...rest } = e;
    return on ? { ...rest, circuitBreaker: { ...BREAKER_DEFAULTS } } : rest;
  });
}

/** Sets one field of an edge's breaker (the edge must have one). */
export function breakerField<K extends keyof CircuitBreaker>(edgeId: string, field: K, value: CircuitBreaker[K]): Edit {
  return mapEdge(edgeId, (e) => (e.circuitBreaker ? { ...e, circuitBreaker: { ...e.circuitBreaker, [field]: value } } : e));
}

/** A node with `admission` set to `a`, or without the key when `a` holds no limit. */
function withAdmission(n: TopologyNode, a: Admission): TopologyNode {
  const { admission: _gone, ...rest } = n;
  const kept: Admission = {
    ...(a.maxInFlight !== undefined ? { maxInFlight: a.maxInFlight } : {}),
    ...(a.rateLimit !== undefined ? { rateLimit: a.rateLimit } : {}),
  };
  return kept.maxInFlight === undefined && kept.rateLimit === undefined ? rest : { ...rest, admission: kept };
}

/** Sets a node's cap on requests inside it; null removes the cap (and the admission key when no rate limit is left). */
export function maxInFlight(nodeId: string, value: number | null): Edit {
  return mapNode(nodeId, (n) => withAdmission(n, { ...n.admission, maxInFlight: value ?? undefined }));
}

/** Turns a node's token-bucket rate limit on (RATE_LIMIT_START) or off. */
export function rateLimitOn(nodeId: string, on: boolean): Edit {
  return mapNode(nodeId, (n) => withAdmission(n, { ...n.admission, rateLimit: on ? { ...RATE_LIMIT_START } : undefined }));
}

/** Sets one field of a node's rate limit (the node must have one). */
export function rateLimitField<K extends keyof RateLimit>(nodeId: string, field: K, value: RateLimit[K]): Edit {
  return mapNode(nodeId, (n) => (n.admission?.rateLimit ? withAdmission(n, { ...n.admission, rateLimit: { ...n.admission.rateLimit, [field]: value } }) : n));
}

/** Sets a node's queue discipline; fifo, the default, removes the key. */
export function queueDiscipline(nodeId: string, d: 'fifo' | 'lifo'): Edit {
  return mapNode(nodeId, (n) => {
    const { queueDiscipline: _gone, ...rest } = n;
    return d === 'lifo' ? { ...rest, queueDiscipline: d } : rest;
  });
}

/** Sustained rate (req/s) and burst of a token bucket, for the hint under its fields. */
export function bucketRate(r: RateLimit): { perSec: number; burst: number } {
  return { perSec: (r.tokensPerFill * 1000) / r.fillIntervalMs, burst: r.maxTokens };
}
