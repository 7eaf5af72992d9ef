/**
 * Run history in the browser: the last MAX_RUNS finished runs of each
 * document (IndexedDB, its own database "loadsketch-runs", apart from the
 * documents' storage), each with the document version it ran on, its
 * settings (rates, replications; the run settings are in that document) and
 * its capacity search. When a document opens (at start-up or later), its
 * latest run comes back (in place of results of another document); the
 * results panel marks it stale when the design has changed since, as for a
 * run made in this session.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Topology } from '../../workers/engine/schema';
import type { AppStore } from '../store';
import type { CapacityRecord, RunRecord } from '../store/runSlice';

/** Runs kept per document (pinned runs are kept on top of these). */
export const MAX_RUNS = 5;

export interface SavedRun {
  /** ms since epoch when the run ended (also its key within the document's list). */
  savedAt: number;
  pinned: boolean;
  run: RunRecord;
  capacity: CapacityRecord | null;
}

let db: UseStore | null = null;
const store = () => {
  db ??= createStore('loadsketch-runs', 'runs');
  return db;
};

/** Newest first; every pinned run, and the newest unpinned ones up to `max`. */
export function trimRuns(list: readonly SavedRun[], max = MAX_RUNS): SavedRun[] {
  const sorted = [...list].sort((a, b) => b.savedAt - a.savedAt);
  let unpinned = 0;
  return sorted.filter((r) => r.pinned || unpinned++ < max);
}

/** Whether two documents are the same design version (same content). */
export function sameDesign(a: Topology, b: Topology): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export async function loadRuns(docId: string): Promise<SavedRun[]> {
  const v = await get(`runs:${docId}`, store());
  return Array.isArray(v) ? (v as SavedRun[]) : [];
}

async function update(docId: string, change: (list: SavedRun[]) => SavedRun[]): Promise<void> {
  await set(`runs:${docId}`, trimRuns(change(await loadRuns(docId))), store());
}

export async function setPinned(docId: string, savedAt: number, pinned: boolean): Promise<void> {
  await update(docId, (l) => l.map((r) => (r.savedAt === savedAt ? { ...r, pinned } : r)));
}

/** The run as it is put back in the store: tied to the open document when the design is the same (so not stale). */
function revive(saved: SavedRun, doc: Topology): { run: RunRecord; capacity: CapacityRecord | null } {
  const runDoc = sameDesign(saved.run.doc, doc) ? doc : saved.run.doc;
  const capacity = saved.capacity ? { ...saved.capacity, doc: sameDesign(saved.capacity.doc, doc) ? doc : saved.capacity.doc } : null;
  return { run: { ...saved.run, doc: runDoc }, capacity };
}

/**
 * Saves each finished run (and its capacity search when it ends) under the
 * open document, and brings back a document's latest run when it opens.
 * Returns a function that stops it. Storage failures only lose history.
 */
export function startRunHistory(app: AppStore): () => void {
  let saving = Promise.resolve();
  const queue = (f: () => Promise<void>) => {
    saving = saving.then(f).catch(() => {});
  };
  const restore = (docId: string) =>
    queue(async () => {
      const [latest] = await loadRuns(docId);
      const s = app.getState();
      // Never over a run going on, nor over results of this very design; results of another design give way.
      if (!latest || s.docId !== docId || (s.run !== null && (s.run.status === 'running' || s.run.doc === s.doc))) return;
      app.setState({ ...revive(latest, s.doc), selectedPoint: null });
    });
  const savedAtOf = new Map<number, number>();
  const unsubscribe = app.subscribe((s, prev) => {
    if (s.docId !== prev.docId) restore(s.docId);
    const run = s.run;
    if (run && run !== prev.run && run.status === 'done' && prev.run?.status === 'running' && prev.run.id === run.id) {
      const entry: SavedRun = { savedAt: Date.now(), pinned: false, run, capacity: null };
      savedAtOf.set(run.id, entry.savedAt);
      const docId = s.docId;
      queue(() => update(docId, (l) => [entry, ...l]));
    }
    const cap = s.capacity;
    if (cap && cap !== prev.capacity && cap.status === 'done' && run && cap.doc === run.doc && savedAtOf.has(run.id)) {
      const at = savedAtOf.get(run.id);
      const docId = s.docId;
      queue(() => update(docId, (l) => l.map((r) => (r.savedAt === at ? { ...r, capacity: cap } : r))));
    }
  });
  restore(app.getState().docId);
  return unsubscribe;
}
