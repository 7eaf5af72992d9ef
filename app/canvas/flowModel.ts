/**
 * Derives React Flow nodes and edges from the document. A cache keyed by id
 * returns the previous object when nothing about a record changed, so React
 * Flow (and the memoised node components) skip untouched nodes.
 */
import { MarkerType } from '@xyflow/react';
import type { TopologyEdge, TopologyNode } from '../../workers/engine/schema';
import type { CallFlowEdge } from './CallEdge';
import type { KindFlowNode } from './KindNode';
import { NO_SPREAD, type Spread } from './presentSpread';

type Size = { width: number; height: number };

export class FlowCache {
  private nodes = new Map<string, { src: TopologyNode; selected: boolean; entry: boolean; size?: Size; spread: Spread; out: KindFlowNode }>();
  private edges = new Map<string, { src: TopologyEdge; selected: boolean; offline: boolean; out: CallFlowEdge }>();

  toNodes(
    list: readonly TopologyNode[],
    selected: ReadonlySet<string>,
    entry: string,
    measured: Record<string, Size>,
    spread: Spread = NO_SPREAD,
  ): KindFlowNode[] {
    const next = new Map<string, { src: TopologyNode; selected: boolean; entry: boolean; size?: Size; spread: Spread; out: KindFlowNode }>();
    const out = list.map((n) => {
      const sel = selected.has(n.id);
      const isEntry = n.id === entry;
      const size = measured[n.id];
      const prev = this.nodes.get(n.id);
      let item = prev;
      if (!prev || prev.src !== n || prev.selected !== sel || prev.entry !== isEntry || prev.size !== size || prev.spread !== spread) {
        item = {
          src: n,
          selected: sel,
          entry: isEntry,
          size,
          spread,
          out: {
            id: n.id,
            type: n.kind,
            // Presenting, the drawing may be shown stretched (presentSpread); the document keeps its positions.
            position: spread === NO_SPREAD ? n.position : { x: n.position.x * spread.sx, y: n.position.y * spread.sy },
            data: { node: n, isEntry },
            selected: sel,
            ariaLabel: `${n.label} (${n.kind})`,
            ...(size ? { measured: size } : {}),
          },
        };
      }
      next.set(n.id, item!);
      return item!.out;
    });
    this.nodes = next;
    return out;
  }

  toEdges(list: readonly TopologyEdge[], selected: ReadonlySet<string>, offlineNodes: ReadonlySet<string>): CallFlowEdge[] {
    const next = new Map<string, { src: TopologyEdge; selected: boolean; offline: boolean; out: CallFlowEdge }>();
    const out = list.map((e) => {
      const sel = selected.has(e.id);
      const offline = offlineNodes.has(e.source) || offlineNodes.has(e.target);
      const prev = this.edges.get(e.id);
      let item = prev;
      if (!prev || prev.src !== e || prev.selected !== sel || prev.offline !== offline) {
        item = {
          src: e,
          selected: sel,
          offline,
          out: {
            id: e.id,
            type: 'call',
            source: e.source,
            target: e.target,
            selected: sel,
            data: { edge: e, offline },
            markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--edge)' },
            ariaLabel: `${e.mode} call from ${e.source} to ${e.target}`,
          },
        };
      }
      next.set(e.id, item!);
      return item!.out;
    });
    this.edges = next;
    return out;
  }
}
