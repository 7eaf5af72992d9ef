/**
 * Changing a node's kind (to correct an import's guess): the node keeps its
 * numbers (replicas, concurrency, service time: an import may have measured
 * them) and takes the new kind's role; fields only one kind may hold are
 * reset (a cache's hit ratio, a model server's batching and model memory).
 */
import { KINDS } from '../../workers/engine/kinds';
import type { NodeKind, Topology } from '../../workers/engine/schema';
import { updateNode } from './docOps';

export function changeKind(doc: Topology, id: string, kind: NodeKind): Topology {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node || node.kind === kind) return doc;
  return updateNode(doc, id, {
    kind,
    role: KINDS[kind].role,
    hitRatio: kind === 'cache' ? (node.hitRatio ?? KINDS.cache.hitRatio) : null,
    batching: kind === 'model-server' ? node.batching : null,
    modelMemoryGb: kind === 'model-server' ? node.modelMemoryGb : null,
  });
}
