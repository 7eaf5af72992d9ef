/**
 * Undo history across a reload: the last UNDO_STEPS past and future states of
 * the open document (zundo's pastStates / futureStates) are written to
 * IndexedDB (database "loadsketch-undo") 300 ms after a change, beside the
 * autosave, and when the page is hidden. When a stored document opens again
 * (at start-up or from File › Stored documents) and it is the same design as
 * the saved current state, its history comes back, so Ctrl+Z undoes the edit
 * made before the reload. A document whose content moved on (edited in
 * another tab, a conflict copy) starts with an empty history, as before.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Topology } from '../../workers/engine/schema';
import type { AppStore } from '../store';
import { sameDesign } from './runHistory';

/** Undo (and redo) steps kept across a reload, each way. */
export const UNDO_STEPS = 50;

export interface SavedUndo {
  /** The document the history leads to (restored only onto the same content). */
  doc: Topology;
  past: Topology[];
  future: Topology[];
}

let db: UseStore | null = null;
const store = () => {
  db ??= createStore('loadsketch-undo', 'undo');
  return db;
};
const key = (docId: string) => `undo:${docId}`;

type Temporal = AppStore['temporal'];

function snapshot(app: AppStore): SavedUndo {
  const t = app.temporal.getState();
  return {
    doc: app.getState().doc,
    past: t.pastStates.slice(-UNDO_STEPS).map((s) => s.doc as Topology),
    future: t.futureStates.slice(-UNDO_STEPS).map((s) => s.doc as Topology),
  };
}

function restoreInto(temporal: Temporal, saved: SavedUndo): void {
  temporal.setState({ pastStates: saved.past.map((doc) => ({ doc })), futureStates: saved.future.map((doc) => ({ doc })) });
}

/** Starts saving and restoring the undo history; returns a function that stops it. Storage failures only lose history. */
export function startUndoHistory(app: AppStore, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue = Promise.resolve();
  let restoring = false;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const docId = app.getState().docId;
    const snap = snapshot(app);
    queue = queue.then(() => set(key(docId), snap, store())).catch(() => {});
  };
  const schedule = () => {
    if (restoring) return;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  const restore = (docId: string) => {
    queue = queue
      .then(async () => {
        const saved = (await get(key(docId), store())) as SavedUndo | undefined;
        const s = app.getState();
        const t = app.temporal.getState();
        // Only onto the same content, and never over edits made since it opened.
        if (!saved || s.docId !== docId || t.pastStates.length || t.futureStates.length || !sameDesign(saved.doc, s.doc)) return;
        restoring = true;
        restoreInto(app.temporal, saved);
        restoring = false;
      })
      .catch(() => {});
  };
  const stopDoc = app.subscribe((s, prev) => {
    // (an edit of the previous document not yet written within delayMs loses only its undo step, not the edit)
    if (s.docId !== prev.docId) restore(s.docId);
  });
  const stopTemporal = app.temporal.subscribe(schedule);
  const onHide = () => {
    if (timer) save();
  };
  window.addEventListener('pagehide', onHide);
  restore(app.getState().docId);
  return () => {
    clearTimeout(timer);
    stopDoc();
    stopTemporal();
    window.removeEventListener('pagehide', onHide);
  };
}
