/**
 * Browser storage of documents (IndexedDB via idb-keyval's store): each
 * document under `doc:<id>`, its entry under `meta:<id>` (name, size, time,
 * revision), and the id of the one open last under `current`.
 *
 * Nothing is ever evicted: a stored document stays until the user deletes it
 * (Documents dialog). A save is one small transaction that first compares
 * the stored revision with the one this tab started from; if another tab
 * saved in between, nothing is written and the caller is told (a conflict),
 * so no tab silently overwrites another's edit.
 */
import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import { TopologySchema, type Topology } from '../../workers/engine/schema';

/** One stored document as the Documents dialog and the recents list show it. */
export interface StoredEntry {
  docId: string;
  name: string;
  nodes: number;
  /** ms since epoch */
  savedAt: number;
  /** Increases by one on every save (0: never saved). */
  rev: number;
}
/** @deprecated name kept for callers: the same as StoredEntry. */
export type RecentEntry = StoredEntry;

let db: UseStore | null = null;
const store = () => {
  db ??= createStore('loadsketch', 'documents');
  return db;
};
const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** The outcome of a save: written (with the new revision), or refused because another tab saved first. */
export type SaveOutcome = { ok: true; rev: number } | { ok: false; conflict: true; storedRev: number };

/**
 * Saves `doc` as `docId` in one transaction if the stored revision is still
 * `baseRev` (0 for a document not stored yet); also makes it the current one.
 * Rejects with the browser's error (e.g. QuotaExceededError) when the write fails.
 */
export function saveDocument(docId: string, doc: Topology, baseRev: number): Promise<SaveOutcome> {
  return store()('readwrite', (os) => {
    let outcome: SaveOutcome = { ok: false, conflict: true, storedRev: -1 };
    const metaReq = os.get(`meta:${docId}`);
    metaReq.onsuccess = () => {
      const storedRev = revOf(metaReq.result);
      if (storedRev !== baseRev) {
        outcome = { ok: false, conflict: true, storedRev };
        return;
      }
      const entry: StoredEntry = { docId, name: doc.name, nodes: doc.nodes.length, savedAt: Date.now(), rev: baseRev + 1 };
      os.put(doc, `doc:${docId}`);
      os.put(entry, `meta:${docId}`);
      os.put(docId, 'current');
      outcome = { ok: true, rev: entry.rev };
    };
    return promisifyRequest(os.transaction).then(() => outcome);
  });
}

function revOf(meta: unknown): number {
  const rev = (meta as StoredEntry | undefined)?.rev;
  return typeof rev === 'number' ? rev : meta ? 1 : 0;
}

/** A stored document, shape-checked (it may have problems of meaning: it is work in progress), with its revision. */
export async function loadStoredDocument(docId: string): Promise<Topology | null> {
  return (await loadStored(docId))?.doc ?? null;
}

export async function loadStored(docId: string): Promise<{ doc: Topology; rev: number } | null> {
  const [raw, meta] = await store()('readonly', (os) => Promise.all([promisifyRequest(os.get(`doc:${docId}`)), promisifyRequest(os.get(`meta:${docId}`))]));
  const r = TopologySchema.safeParse(raw);
  return r.success ? { doc: r.data, rev: revOf(meta ?? (raw ? { rev: 1 } : undefined)) } : null;
}

export async function currentDocId(): Promise<string | null> {
  const id = await get('current', store());
  return typeof id === 'string' ? id : null;
}

/**
 * Every stored document, newest first: one entry per `doc:` key, so none can
 * be unreachable (documents saved before entries existed get one from the
 * old recents list or from the document itself).
 */
export async function listStoredDocuments(): Promise<StoredEntry[]> {
  const { metas, docKeys, legacy } = await store()('readonly', async (os) => ({
    metas: (await promisifyRequest(os.getAll(range('meta:')))) as StoredEntry[],
    docKeys: (await promisifyRequest(os.getAllKeys(range('doc:')))) as string[],
    legacy: (await promisifyRequest(os.get('recents'))) as StoredEntry[] | undefined,
  }));
  const byId = new Map(metas.map((m) => [m.docId, m]));
  const old = new Map((Array.isArray(legacy) ? legacy : []).map((r) => [r.docId, r]));
  const out: StoredEntry[] = [];
  for (const key of docKeys) {
    const docId = key.slice(4);
    const meta = byId.get(docId) ?? old.get(docId);
    if (meta) out.push({ ...meta, rev: revOf(meta) });
    else {
      const doc = await loadStoredDocument(docId);
      out.push({ docId, name: doc?.name ?? '(unreadable document)', nodes: doc?.nodes.length ?? 0, savedAt: 0, rev: 1 });
    }
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

/** The recents list: the stored documents, newest first. */
export const listRecents = listStoredDocuments;

/** Deletes a stored document for good (and forgets it as the current one). */
export function deleteStoredDocument(docId: string): Promise<void> {
  return store()('readwrite', (os) => {
    os.delete(`doc:${docId}`);
    os.delete(`meta:${docId}`);
    const cur = os.get('current');
    cur.onsuccess = () => {
      if (cur.result === docId) os.delete('current');
    };
    return promisifyRequest(os.transaction);
  });
}
