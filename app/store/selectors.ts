/** Selectors over AppState, named selectX. */
import type { AppState } from './types';

export const selectDoc = (s: AppState) => s.doc;
export const selectNodes = (s: AppState) => s.doc.nodes;
export const selectEdges = (s: AppState) => s.doc.edges;
export const selectDocName = (s: AppState) => s.doc.name;
export const selectTheme = (s: AppState) => s.theme;
export const selectDialog = (s: AppState) => s.dialog;
export const selectToast = (s: AppState) => s.toast;
export const selectEdgeMode = (s: AppState) => s.edgeMode;
export const selectMeasured = (s: AppState) => s.measured;
export const selectSelectedNodeIds = (s: AppState) => s.selectedNodeIds;
export const selectSelectedEdgeIds = (s: AppState) => s.selectedEdgeIds;
export const selectEntry = (s: AppState) => s.doc.workload.entry;

/** The single selected node, if exactly one node and no edge is selected. */
export const selectSelectedNode = (s: AppState) =>
  s.selectedNodeIds.length === 1 && s.selectedEdgeIds.length === 0
    ? s.doc.nodes.find((n) => n.id === s.selectedNodeIds[0])
    : undefined;

/** The single selected edge, if exactly one edge and no node is selected. */
export const selectSelectedEdge = (s: AppState) =>
  s.selectedEdgeIds.length === 1 && s.selectedNodeIds.length === 0
    ? s.doc.edges.find((e) => e.id === s.selectedEdgeIds[0])
    : undefined;
