/**
 * The unload journal: when the page is hidden or closed with an edit not yet
 * in IndexedDB, the document is written synchronously to localStorage (an
 * IndexedDB transaction started in `pagehide` may never commit). The next
 * start replays it into IndexedDB before opening the last document.
 */
import { TopologySchema, type Topology } from '../../workers/engine/schema';

const KEY = 'loadsketch:journal';

export interface JournalEntry {
  docId: string;
  doc: Topology;
  /** The stored revision the edit was made on. */
  baseRev: number;
}

/** One entry per document (two tabs closing at once keep both). */
const keyOf = (docId: string) => `${KEY}:${docId}`;

export function writeJournal(docId: string, doc: Topology, baseRev: number): void {
  try {
    localStorage.setItem(keyOf(docId), JSON.stringify({ docId, doc, baseRev }));
  } catch {
    // Storage full or blocked: the IndexedDB write started at the same time is the only copy.
  }
}

export function clearJournal(docId: string): void {
  try {
    localStorage.removeItem(keyOf(docId));
  } catch {
    // nothing to clear
  }
}

/** The journal entries left by closed pages (unreadable ones are dropped). */
export function readJournals(): JournalEntry[] {
  const out: JournalEntry[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`${KEY}:`)) continue;
      const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<JournalEntry> | null;
      const doc = TopologySchema.safeParse(raw?.doc);
      if (raw && typeof raw.docId === 'string' && typeof raw.baseRev === 'number' && doc.success) out.push({ docId: raw.docId, doc: doc.data, baseRev: raw.baseRev });
    }
  } catch {
    // localStorage blocked: nothing to replay
  }
  return out;
}
