/**
 * Changing a node's kind (to correct an import's guess): the node keeps its
 * numbers (replicas, concurrency, service time: an import may have measured
 * them) and takes the new kind's role; fields only one kind may hold are
 * reset (a cache's hit ratio, a model server's batching and model memory, an
 * llm-server's engine and the LLM fields of its calls). A node that becomes an
 * llm-server also loses its admission control and queue discipline: the
 * parser refuses both there and the inspector does not show them.
 */
import { KINDS, NODE_DEFAULTS } from '../../workers/engine/kinds';
import type { NodeKind, Topology, TopologyEdge, TopologyNode } from '../../workers/engine/schema';
import { defaultLlm, withLlmTokens } from './docOps';

/** An edge without its LLM-only fields (tokens, streaming, KV transfer). */
function withoutLlmFields(e: TopologyEdge): TopologyEdge {
  if (e.tokens === undefined && e.streaming === undefined && e.kvTransfer === undefined) return e;
  const { tokens: _t, streaming: _s, kvTransfer: _k, ...rest } = e;
  return rest;
}

/** A node without admission control and queue discipline. */
function withoutPatterns<N extends Pick<TopologyNode, 'admission' | 'queueDiscipline'>>(n: N): Omit<N, 'admission' | 'queueDiscipline'> {
  const { admission: _a, queueDiscipline: _q, ...rest } = n;
  return rest;
}

export function changeKind(doc: Topology, id: string, kind: NodeKind): Topology {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node || node.kind === kind) return doc;
  const { llm: _llm, ...kept } = node;
  const rest = kind === 'llm-server' ? withoutPatterns(kept) : kept;
  const next: TopologyNode = {
    ...rest,
    kind,
    role: KINDS[kind].role,
    hitRatio: kind === 'cache' ? (node.hitRatio ?? KINDS.cache.hitRatio) : null,
    batching: kind === 'model-server' ? node.batching : null,
    modelMemoryGb: kind === 'model-server' ? node.modelMemoryGb : null,
    // An llm-server replica schedules its own batch: no shared pool, no single pooled queue.
    ...(kind === 'llm-server' ? { pool: null, balancer: node.balancer === 'pooled' ? NODE_DEFAULTS.balancer : node.balancer, llm: defaultLlm() } : {}),
  };
  const leavesLlm = node.kind === 'llm-server';
  return withLlmTokens({
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === id ? next : n)),
    edges: leavesLlm ? doc.edges.map((e) => (e.target === id || e.source === id ? withoutLlmFields(e) : e)) : doc.edges,
  });
}
