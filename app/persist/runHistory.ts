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
import { createStore as createZustand } from 'zustand/vanilla';
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

/** What the results panel shows of the history: the open document's saved runs, which one is on screen, which one it is compared with. */
export interface HistoryView {
  docId: string;
  runs: SavedRun[];
  /** savedAt of the run on screen (null: not saved yet, or none). */
  current: number | null;
  /** savedAt of the run drawn beside it (null: none). */
  compareAt: number | null;
}

/** The history of the open document, for the results panel (kept in step by startRunHistory). */
export const runHistoryView = createZustand<HistoryView>(() => ({ docId: '', runs: [], current: null, compareAt: null }));

const compareKey = (docId: string) => `compare:${docId}`;

async function refreshView(docId: string, current?: number | null): Promise<void> {
  const runs = await loadRuns(docId);
  const stored = await get(compareKey(docId), store());
  const compareAt = runs.some((r) => r.savedAt === stored) ? (stored as number) : null;
  const v = runHistoryView.getState();
  runHistoryView.setState({ docId, runs, compareAt, current: current === undefined ? (v.docId === docId ? v.current : null) : current });
}

/** Pins (keeps beyond the last MAX_RUNS) or unpins a saved run of the open document. */
export async function pinRun(savedAt: number, pinned: boolean): Promise<void> {
  const { docId } = runHistoryView.getState();
  await setPinned(docId, savedAt, pinned);
  await refreshView(docId);
}

/** Chooses the saved run drawn beside the current one (null: none); remembered per document. */
export async function compareWith(savedAt: number | null): Promise<void> {
  const { docId } = runHistoryView.getState();
  await set(compareKey(docId), savedAt, store());
  runHistoryView.setState({ compareAt: savedAt });
}

/** A short, stable name of a design version: a hash of the document's content, e.g. "a3f2c1". */
export function designVersion(doc: Topology): string {
  const text = JSON.stringify(doc);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
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
      if (!latest || s.docId !== docId || (s.run !== null && (s.run.status === 'running' || s.run.doc === s.doc))) {
        await refreshView(docId, s.docId === docId && s.run ? runHistoryView.getState().current : null);
        return;
      }
      app.setState({ ...revive(latest, s.doc), selectedPoint: null });
      await refreshView(docId, latest.savedAt);
    });
  const savedAtOf = new Map<number, number>();
  const unsubscribe = app.subscribe((s, prev) => {
    if (s.docId !== prev.docId) restore(s.docId);
    const run = s.run;
    // A new run is not saved yet: the one it replaces becomes a run to compare with.
    if (run && run.status === 'running' && prev.run?.id !== run.id) runHistoryView.setState({ current: null });
    if (run && run !== prev.run && run.status === 'done' && prev.run?.status === 'running' && prev.run.id === run.id) {
      const entry: SavedRun = { savedAt: Date.now(), pinned: false, run, capacity: null };
      savedAtOf.set(run.id, entry.savedAt);
      const docId = s.docId;
      queue(async () => {
        await update(docId, (l) => [entry, ...l]);
        await refreshView(docId, entry.savedAt);
      });
    }
    const cap = s.capacity;
    if (cap && cap !== prev.capacity && cap.status === 'done' && run && cap.doc === run.doc && savedAtOf.has(run.id)) {
      const at = savedAtOf.get(run.id);
      const docId = s.docId;
      queue(async () => {
        await update(docId, (l) => l.map((r) => (r.savedAt === at ? { ...r, capacity: cap } : r)));
        await refreshView(docId);
      });
    }
  });
  restore(app.getState().docId);
  return unsubscribe;
}
