/**
 * The derived monolith as React Flow nodes and edges (read-only drawing):
 * the merged nodes sit inside a "Monolith" group box, infra and offline
 * nodes stay where they were, calls between merged parts show 0 ms.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { deriveMonolithDeployment, type MonolithDeployment } from '../../workers/engine/monolith';
import type { Topology, TopologyNode } from '../../workers/engine/schema';

export const NODE_W = 184;
export const NODE_H = 70;
const PAD = 24;
const HEAD = 30;

/** `side`: which of the unit's resources a merged node runs on (its worker threads or its GPUs); null = not merged. */
export type MonoNodeData = { node: TopologyNode; merged: boolean; side: 'cpu' | 'gpu' | 'llm' | null };

export interface MonolithFlow {
  nodes: Node[];
  edges: Edge[];
  /** How the monolith is deployed (machine, replicas, threads and GPUs per replica, cost). */
  deployment: MonolithDeployment;
  merged: string[];
}

export function monolithFlow(doc: Topology): MonolithFlow {
  const { doc: mono, deployment } = deriveMonolithDeployment(doc);
  const before = new Set(doc.pools.map((p) => p.id));
  const unit = new Set(mono.pools.filter((p) => !before.has(p.id)).map((p) => p.id));
  const llm = new Set(deployment.llmNodes);
  const inUnit = (n: TopologyNode) => (n.pool !== null && unit.has(n.pool)) || llm.has(n.id);
  const gpu = new Set(deployment.gpuNodes);
  const merged = mono.nodes.filter(inUnit);
  // Layout: the merged nodes stacked in request-path (document) order inside the box; everything else in a column to its right.
  const nodes: Node[] = [];
  const GAP = 18;
  const boxW = NODE_W + 2 * PAD;
  const boxH = HEAD + PAD + merged.length * (NODE_H + GAP) + PAD - GAP;
  if (merged.length) {
    nodes.push({
      id: '__monolith',
      type: 'group',
      position: { x: 0, y: 0 },
      data: {},
      style: { width: boxW, height: boxH },
      className: 'ls-mono-box',
      selectable: false,
      draggable: false,
    });
    nodes.push({
      id: '__monolith-label',
      type: 'monoLabel',
      position: { x: 10, y: 6 },
      parentId: '__monolith',
      data: { text: `Monolith · ${deployment.replicas} × ${deployment.hardware ?? 'unit'}` },
      selectable: false,
      draggable: false,
    });
  }
  merged.forEach((n, i) => {
    nodes.push({
      id: n.id,
      type: 'mono',
      position: { x: PAD, y: HEAD + PAD + i * (NODE_H + GAP) },
      parentId: '__monolith',
      extent: 'parent',
      data: { node: n, merged: true, side: llm.has(n.id) ? 'llm' : gpu.has(n.id) ? 'gpu' : 'cpu' } satisfies MonoNodeData,
      draggable: false,
    });
  });
  const others = mono.nodes.filter((n) => !inUnit(n)).sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  const othersTop = Math.max(0, (boxH - others.length * (NODE_H + GAP)) / 2);
  others.forEach((n, i) => {
    nodes.push({
      id: n.id,
      type: 'mono',
      position: { x: merged.length ? boxW + 140 : 0, y: othersTop + i * (NODE_H + GAP) },
      data: { node: n, merged: false, side: null } satisfies MonoNodeData,
      draggable: false,
    });
  });
  const edges: Edge[] = mono.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.mode === 'async' ? 'async' : `${e.networkMs} ms`,
    className: `ls-mono-edge mode-${e.mode}`,
    markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--edge)' },
    style: e.mode === 'async' ? { strokeDasharray: '6 4' } : undefined,
  }));
  return { nodes, edges, deployment, merged: merged.map((n) => n.id) };
}
