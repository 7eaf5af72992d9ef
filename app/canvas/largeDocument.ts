/**
 * A generated, valid document of any size (for the canvas benchmark and
 * tests): a gateway, then layers of online nodes calling forward, plus a band
 * of offline jobs. Deterministic for a given size.
 */
import type { NodeKind, Topology, TopologyEdge } from '../../workers/engine/schema';
import { blankDocument, makeNode } from '../store/docOps';

const ONLINE: NodeKind[] = ['service', 'model-server', 'feature-store', 'cache', 'database', 'vector-index', 'queue', 'stream-processor'];

export function largeDocument(nodeCount = 300, perLayer = 12): Topology {
  const doc = blankDocument(`Generated: ${nodeCount} nodes`);
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const offlineCount = Math.floor(nodeCount / 10);
  const onlineCount = nodeCount - offlineCount;
  const layers: string[][] = [['gateway-1']];
  doc.nodes.push(makeNode('gateway', 'gateway-1', { x: 0, y: 0 }));
  for (let i = 1; i < onlineCount; i++) {
    const layer = Math.floor((i - 1) / perLayer) + 1;
    const row = (i - 1) % perLayer;
    const kind = ONLINE[i % ONLINE.length];
    const id = `${kind}-${i}`;
    doc.nodes.push({ ...makeNode(kind, id, { x: layer * 260, y: (row - perLayer / 2) * 110 }), label: `${kind} ${i}` });
    if (!layers[layer]) layers[layer] = [];
    layers[layer].push(id);
  }
  for (let i = 0; i < offlineCount; i++) {
    const id = `offline-${i + 1}`;
    doc.nodes.push({ ...makeNode('offline', id, { x: i * 220, y: (perLayer / 2 + 1.5) * 110 }), label: `batch job ${i + 1}` });
  }
  const edges: TopologyEdge[] = [];
  const edge = (source: string, target: string, mode: TopologyEdge['mode'], probability: number) =>
    edges.push({ id: `e-${edges.length + 1}`, source, target, mode, probability, count: 1, networkMs: 0.5, timeoutMs: null, retries: 0, stage: null });
  for (let l = 1; l < layers.length; l++) {
    for (const target of layers[l]) {
      const prev = layers[l - 1];
      edge(prev[Math.floor(rand() * prev.length)], target, rand() < 0.15 ? 'async' : 'sync', Number((0.2 + rand() * 0.3).toFixed(2)));
    }
  }
  for (let i = 1; i < offlineCount; i++) edge(`offline-${i}`, `offline-${i + 1}`, 'async', 1);
  doc.edges = edges;
  doc.workload = { ...doc.workload, entry: 'gateway-1', ratePerSec: 50 };
  return doc;
}
