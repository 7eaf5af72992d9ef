/**
 * Autosave: every change of the document is written to IndexedDB after a
 * short debounce, and at once when the page is hidden or closed.
 */
import type { AppStore } from '../store';
import { saveDocument } from './storage';

export type SaveState = 'saved' | 'pending' | 'error';
let state: SaveState = 'saved';
const listeners = new Set<() => void>();
const setState = (s: SaveState) => {
  state = s;
  for (const l of listeners) l();
};
export const saveStatus = {
  get: () => state,
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(store: AppStore, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const { doc, docId } = store.getState();
    saving = saving
      .then(() => saveDocument(docId, doc))
      .then(
        () => {
          if (timer === undefined) setState('saved');
        },
        () => setState('error'),
      );
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.docId === prev.docId) return;
    setState('pending');
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const onHide = () => {
    if (timer !== undefined) flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  flush();
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
