/** The React Flow canvas, derived from the document in the store. */
import { openImport } from '../interop/importClient';
import {
  Background,
  BackgroundVariant,
  type Connection,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS, type NodeKind } from '../../workers/engine/schema';
import { CanvasUtilLegend } from '../results/NodeUtilization';
import type { XY } from '../store/docOps';
import { ZoomControls } from './ZoomControls';
import { useAppStore, useAppStoreApi } from '../store/react';
import { EDGE_TYPES } from './CallEdge';
import { FlowCache } from './flowModel';
import { type KindFlowNode, NODE_TYPES } from './KindNode';
import { NO_SPREAD, presentSpread, type Spread } from './presentSpread';

/** Drag payload type of palette items. */
export const KIND_MIME = 'application/x-loadsketch-kind';
const SNAP: [number, number] = [10, 10];
/** Below this zoom, node details and edge labels are hidden. */
export const FAR_ZOOM = 0.45;
const MINIMAP_SIZE = { width: 150, height: 100 };

function applySelection(current: string[], changes: { id: string; selected: boolean }[]): string[] {
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

export function Canvas() {
  const store = useAppStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const { nodes, edges, entry, selN, selE, measured, theme, docId, presenting } = useAppStore(
    useShallow((s) => ({
      nodes: s.doc.nodes,
      edges: s.doc.edges,
      entry: s.doc.workload.entry,
      selN: s.selectedNodeIds,
      selE: s.selectedEdgeIds,
      measured: s.measured,
      theme: s.theme,
      docId: s.docId,
      presenting: s.presenting,
    })),
  );
  // Zoomed far out, details are unreadable anyway: hide them (CSS only) so panning paints less.
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const cache = useRef(new FlowCache()).current;
  // Fit the view when a document opens with nodes; an empty document must not jump to its first node.
  const opened = useRef<{ docId: string; fit: boolean } | null>(null);
  if (opened.current?.docId !== docId) opened.current = { docId, fit: nodes.length > 0 };
  // Kept as the same object while the factors do not change, so the node cache is not emptied by each measurement.
  const lastSpread = useRef<Spread>(NO_SPREAD);
  const spread = useMemo(() => {
    const next = presenting ? presentSpread(nodes, measured) : NO_SPREAD;
    const prev = lastSpread.current;
    if (next.sx !== prev.sx || next.sy !== prev.sy) lastSpread.current = next;
    return lastSpread.current;
  }, [presenting, nodes, measured]);
  const flowNodes = useMemo(() => cache.toNodes(nodes, new Set(selN), entry, measured, spread), [cache, nodes, selN, entry, measured, spread]);
  const offline = useMemo(() => new Set(nodes.filter((n) => n.role === 'offline').map((n) => n.id)), [nodes]);
  const flowEdges = useMemo(() => cache.toEdges(edges, new Set(selE), offline), [cache, edges, selE, offline]);

  const onNodesChange = useCallback(
    (changes: NodeChange<KindFlowNode>[]) => {
      const positions = new Map<string, XY>();
      const sizes: { id: string; width: number; height: number }[] = [];
      const selects: { id: string; selected: boolean }[] = [];
      for (const c of changes) {
        if (c.type === 'position' && c.position) positions.set(c.id, c.position);
        else if (c.type === 'dimensions' && c.dimensions) sizes.push({ id: c.id, ...c.dimensions });
        else if (c.type === 'select') selects.push(c);
      }
      const s = store.getState();
      if (sizes.length) s.setMeasured(sizes);
      if (positions.size) s.moveNodes(positions);
      if (selects.length) s.select(applySelection(s.selectedNodeIds, selects), s.selectedEdgeIds);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.filter((c) => c.type === 'select');
      if (!selects.length) return;
      const s = store.getState();
      s.select(s.selectedNodeIds, applySelection(s.selectedEdgeIds, selects));
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const problems = store.getState().connect(c.source, c.target);
      if (problems.length) store.getState().showToast(`Not connected: ${problems[0].message}`);
    },
    [store],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      if (e.dataTransfer.files.length) {
        e.preventDefault();
        return openImport(e.dataTransfer.files[0]);
      }
      const kind = e.dataTransfer.getData(KIND_MIME) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      store.getState().addNode(kind, { x: Math.round((p.x - 90) / 10) * 10, y: Math.round((p.y - 30) / 10) * 10 });
    },
    [store, screenToFlowPosition],
  );

  const beginDrag = useCallback(() => store.getState().beginDrag(), [store]);
  const endDrag = useCallback(() => store.getState().endDrag(), [store]);

  return (
    <div className={`ls-canvas${far ? ' is-far' : ''}`} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        key={docId}
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={beginDrag}
        onNodeDragStop={endDrag}
        onSelectionDragStart={beginDrag}
        onSelectionDragStop={endDrag}
        colorMode={theme}
        fitView={opened.current.fit}
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.05}
        maxZoom={2.5}
        snapToGrid
        nodesDraggable={!presenting}
        snapGrid={SNAP}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        onlyRenderVisibleElements={nodes.length > 120}
        proOptions={{ hideAttribution: true }}
        aria-label="Topology canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        {nodes.length > 0 && <MiniMap pannable zoomable ariaLabel="Minimap" className="ls-minimap" style={MINIMAP_SIZE} />}
        <ZoomControls />
        <Panel position="bottom-right" className="ls-legend-panel">
          <CanvasUtilLegend />
        </Panel>
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="ls-empty" data-testid="empty-hint">
          Drag a building block from the palette onto the canvas, or click one, to start. Then connect nodes by dragging from a
          node's right handle to another node's left handle.
        </div>
      )}
    </div>
  );
}
