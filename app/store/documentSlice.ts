/**
 * The document being edited, in the file-format shape (Topology): the single
 * source of truth the canvas is derived from and export writes out.
 */
import type { TopologyError } from '../../workers/engine/parse';
import type { NodeKind, Topology, TopologyEdge } from '../../workers/engine/schema';
import { type ClipboardPayload, makePayload, pastePayload } from './clipboard';
import * as ops from './docOps';
import type { GetState, SetState } from './types';
import { newErrors } from './validation';

/** The part of zundo's temporal API the slice uses. */
export interface HistoryControl {
  pause(): void;
  resume(): void;
  clear(): void;
  undo(): void;
  redo(): void;
}

export interface DocumentSlice {
  doc: Topology;
  /** Local id of this document in the browser's storage (not part of the file). */
  docId: string;
  /** Replaces the document (e.g. open file, template) and forgets the undo history. */
  loadDocument(doc: Topology, docId?: string): void;
  /** Applies an edit if it adds no new problem; otherwise leaves the document unchanged and returns the problems. */
  edit(change: (doc: Topology) => Topology): TopologyError[];
  addNode(kind: NodeKind, position: ops.XY): string;
  /** Draws a call; returns the problems when it is refused (e.g. a cycle of sync calls). */
  connect(source: string, target: string, mode?: TopologyEdge['mode']): TopologyError[];
  deleteSelection(): void;
  duplicateSelection(): void;
  /** Copies the selected nodes (and edges between them) into a clipboard payload. */
  copySelection(): ClipboardPayload | null;
  paste(payload: ClipboardPayload, offset?: ops.XY): void;
  moveNodes(positions: ReadonlyMap<string, ops.XY>): void;
  nudgeSelection(dx: number, dy: number): void;
  /** Drags are one undo step: positions change freely between begin and end. */
  beginDrag(): void;
  endDrag(): void;
  undo(): void;
  redo(): void;
}

/** A fresh local document id. */
export function newDocId(): string {
  return `doc-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export function createDocumentSlice(
  set: SetState,
  get: GetState,
  history: () => HistoryControl,
  initial: Topology,
): DocumentSlice {
  let dragStart: Topology | null = null;
  let pasteCount = 0;
  const setDoc = (doc: Topology) => {
    if (doc !== get().doc) set({ doc });
  };
  return {
    doc: initial,
    docId: newDocId(),
    loadDocument: (doc, docId = newDocId()) => {
      // A failed run's error (and a failed search's) does not concern the document now open: cleared. Finished results
      // stay, marked out of date, until this document's own last run comes back from the run history (if it has one).
      const { run, capacity } = get();
      set({
        doc,
        docId,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        measured: {},
        formErrors: {},
        selectedPoint: null,
        run: run?.status === 'error' ? null : run,
        capacity: capacity?.status === 'error' ? null : capacity,
      });
      history().clear();
    },
    edit: (change) => {
      const before = get().doc;
      const after = change(before);
      if (after === before) return [];
      const problems = newErrors(before, after);
      if (problems.length === 0) set({ doc: after });
      return problems;
    },
    addNode: (kind, position) => {
      const { doc, id } = ops.addNode(get().doc, kind, position);
      set({ doc, selectedNodeIds: [id], selectedEdgeIds: [] });
      return id;
    },
    connect: (source, target, mode = get().edgeMode) => {
      const before = get().doc;
      const r = ops.connect(before, source, target, mode);
      if (!r) return [{ path: 'edges', message: 'These two nodes are already connected that way.' }];
      const problems = newErrors(before, r.doc);
      if (problems.length === 0) set({ doc: r.doc, selectedNodeIds: [], selectedEdgeIds: [r.id] });
      return problems;
    },
    deleteSelection: () => {
      const { doc, selectedNodeIds, selectedEdgeIds } = get();
      const next = ops.deleteItems(doc, selectedNodeIds, selectedEdgeIds);
      if (next !== doc) set({ doc: next, selectedNodeIds: [], selectedEdgeIds: [] });
    },
    copySelection: () => makePayload(get().doc, get().selectedNodeIds),
    duplicateSelection: () => {
      const payload = get().copySelection();
      if (payload) get().paste(payload, { x: 40, y: 40 });
    },
    paste: (payload, offset) => {
      pasteCount++;
      const shift = offset ?? { x: 40 * (1 + (pasteCount % 5)), y: 40 * (1 + (pasteCount % 5)) };
      const r = pastePayload(get().doc, payload, shift);
      set({ doc: r.doc, selectedNodeIds: r.nodeIds, selectedEdgeIds: r.edgeIds });
    },
    moveNodes: (positions) => setDoc(ops.moveNodes(get().doc, positions)),
    nudgeSelection: (dx, dy) => setDoc(ops.nudgeNodes(get().doc, get().selectedNodeIds, dx, dy)),
    beginDrag: () => {
      if (dragStart) return;
      dragStart = get().doc;
      history().pause();
    },
    endDrag: () => {
      const start = dragStart;
      if (!start) return;
      dragStart = null;
      const end = get().doc;
      set({ doc: start });
      history().resume();
      setDoc(end);
    },
    undo: () => history().undo(),
    redo: () => history().redo(),
  };
}
