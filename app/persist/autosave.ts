/**
 * Autosave with the guarantees of Excalidraw and tldraw:
 * - an edit is written to IndexedDB 250 ms after it (one small transaction),
 *   and when the page is hidden or closed (`pagehide`, `visibilitychange`)
 *   the unsaved document is also written synchronously to localStorage (the
 *   journal), which the next start replays: a reload right after an edit
 *   keeps it;
 * - a loaded document (template, lesson step, share link, file) is not stored
 *   until the user edits it;
 * - nothing is evicted; a full storage says so and offers the file;
 * - tabs coordinate through a BroadcastChannel and stored revisions: a
 *   document saved by another tab is updated live here when this tab has no
 *   unsaved edit, and when both edited, this tab's version is kept as a copy
 *   and the conflict is shown. No tab silently overwrites another.
 */
import type { Topology } from '../../workers/engine/schema';
import type { AppStore } from '../store';
import { newDocId } from '../store/documentSlice';
import { clearJournal, writeJournal } from './journal';
import { loadStored, type SaveOutcome, saveDocument } from './storage';

/** saved · pending (edits not yet written) · unstored (loaded, not edited: not kept) · full (storage quota) · error. */
export type SaveState = 'saved' | 'pending' | 'unstored' | 'full' | 'error';
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

/** The stored revision this tab last read or wrote, per document (absent: not stored). */
const knownRevs = new Map<string, number>();
/** Boot and the Documents dialog tell autosave which revision they opened. */
export function rememberRevision(docId: string, rev: number): void {
  knownRevs.set(docId, rev);
}

const CHANNEL = 'loadsketch-documents';
const tabId = Math.random().toString(36).slice(2);

/** Saves, or on a conflict keeps this tab's version as a copy; returns the id it was saved under. */
export async function saveOrFork(docId: string, doc: Topology): Promise<{ docId: string; rev: number; forked: boolean }> {
  const r: SaveOutcome = await saveDocument(docId, doc, knownRevs.get(docId) ?? 0);
  if (r.ok) {
    knownRevs.set(docId, r.rev);
    return { docId, rev: r.rev, forked: false };
  }
  const copyId = newDocId();
  const copy = { ...doc, name: `${doc.name} (conflict copy)`.slice(0, 200) };
  const c = await saveDocument(copyId, copy, 0);
  if (!c.ok) throw new Error('the conflict copy could not be saved');
  knownRevs.set(copyId, c.rev);
  return { docId: copyId, rev: c.rev, forked: true };
}

/** The save delay: 250 ms, or `?saveDelayMs=` (50–10000) in the address, which tests use to hold edits unsaved. */
function defaultDelayMs(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('saveDelayMs'));
  return asked >= 50 && asked <= 10_000 ? asked : 250;
}

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(store: AppStore, delayMs = defaultDelayMs()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<unknown> = Promise.resolve();
  /** Unsaved edits: the document and id they belong to (null when everything is written). */
  let dirty: { docId: string; doc: Topology } | null = null;
  let applyingRemote = false;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const job = dirty;
    if (!job) return;
    saving = saving
      .then(() => saveOrFork(job.docId, job.doc))
      .then(
        (saved) => {
          channel?.postMessage({ docId: saved.docId, rev: saved.rev, tab: tabId });
          if (dirty === job) {
            dirty = null;
            clearJournal(job.docId);
            setState('saved');
          }
          if (saved.forked) onForked(job, saved.docId);
        },
        (err: unknown) => setState((err as Error | null)?.name === 'QuotaExceededError' ? 'full' : 'error'),
      );
  };

  /** This tab's edits were kept as a copy: show it, and go on editing the copy. */
  const onForked = (job: { docId: string; doc: Topology }, copyId: string) => {
    const s = store.getState();
    if (s.docId === job.docId) {
      applyingRemote = true;
      s.loadDocument({ ...s.doc, name: `${job.doc.name} (conflict copy)`.slice(0, 200) }, copyId);
      applyingRemote = false;
    }
    s.showToast(`“${job.doc.name}” was changed in another tab while you edited it here. Your edits are kept as “${job.doc.name} (conflict copy)”; both are in File › Stored documents.`);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (applyingRemote || (s.doc === prev.doc && s.docId === prev.docId)) return;
    if (s.docId !== prev.docId) {
      // Another document was opened: write what is pending for the old one, then
      // leave the new one unstored until it is edited.
      if (dirty) flush();
      setState(knownRevs.has(s.docId) ? 'saved' : 'unstored');
      return;
    }
    dirty = { docId: s.docId, doc: s.doc };
    setState('pending');
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });

  channel?.addEventListener('message', (e: MessageEvent<{ docId: string; rev: number; tab: string }>) => {
    const { docId, rev, tab } = e.data ?? {};
    if (tab === tabId || docId !== store.getState().docId || rev <= (knownRevs.get(docId) ?? 0)) return;
    // With unsaved edits here, the save finds the newer revision and keeps these edits as a copy.
    if (dirty) return;
    void loadStored(docId).then((stored) => {
      if (!stored || dirty || store.getState().docId !== docId || stored.rev <= (knownRevs.get(docId) ?? 0)) return;
      knownRevs.set(docId, stored.rev);
      applyingRemote = true;
      store.getState().loadDocument(stored.doc, docId);
      applyingRemote = false;
      store.getState().showToast('Updated with the changes saved in another tab.');
    });
  });

  const onHide = () => {
    if (!dirty) return;
    // Synchronous: survives a reload or close that comes before IndexedDB commits.
    writeJournal(dirty.docId, dirty.doc, knownRevs.get(dirty.docId) ?? 0);
    flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  setState(knownRevs.has(store.getState().docId) ? 'saved' : 'unstored');
  return () => {
    unsubscribe();
    channel?.close();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
