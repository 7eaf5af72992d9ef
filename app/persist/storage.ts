/**
 * Browser storage of documents (IndexedDB via idb-keyval): every document
 * under its local id, the id of the one open now, and a recent list.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { TopologySchema, type Topology } from '../../workers/engine/schema';

export interface RecentEntry {
  docId: string;
  name: string;
  nodes: number;
  /** ms since epoch */
  savedAt: number;
}

const MAX_RECENTS = 20;
let db: UseStore | null = null;
const store = () => {
  db ??= createStore('loadsketch', 'documents');
  return db;
};

export async function saveDocument(docId: string, doc: Topology): Promise<void> {
  await set(`doc:${docId}`, doc, store());
  await set('current', docId, store());
  const recents = await listRecents();
  const entry: RecentEntry = { docId, name: doc.name, nodes: doc.nodes.length, savedAt: Date.now() };
  const next = [entry, ...recents.filter((r) => r.docId !== docId)];
  for (const old of next.slice(MAX_RECENTS)) await del(`doc:${old.docId}`, store());
  await set('recents', next.slice(0, MAX_RECENTS), store());
}

/** A stored document, shape-checked (it may have problems of meaning: it is work in progress). */
export async function loadStoredDocument(docId: string): Promise<Topology | null> {
  const raw = await get(`doc:${docId}`, store());
  const r = TopologySchema.safeParse(raw);
  return r.success ? r.data : null;
}

export async function currentDocId(): Promise<string | null> {
  const id = await get('current', store());
  return typeof id === 'string' ? id : null;
}

export async function listRecents(): Promise<RecentEntry[]> {
  const r = await get('recents', store());
  return Array.isArray(r) ? (r as RecentEntry[]) : [];
}
