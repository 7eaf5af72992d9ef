/**
 * What the studio opens with: first the journal of edits a closed page did
 * not get into IndexedDB is replayed; then the last document (restored from
 * IndexedDB), else the default template; then, if the URL carries a share
 * link, the shared document (not stored until edited; the user's own stays
 * in the stored documents).
 */
import { DEFAULT_TEMPLATE_ID, loadTemplate } from '../../workers/templates';
import type { AppStore } from '../store';
import { rememberRevision, saveOrFork } from './autosave';
import { openDocumentResult } from './files';
import { clearJournal, readJournals } from './journal';
import { decodeShareFragment } from './shareLink';
import { currentDocId, loadStored } from './storage';

/** Writes the journal's documents into IndexedDB (a copy when the stored one moved on, nothing when it already has them). */
async function replayJournals(): Promise<void> {
  for (const j of readJournals()) {
    const stored = await loadStored(j.docId);
    if (stored && JSON.stringify(stored.doc) === JSON.stringify(j.doc)) {
      clearJournal(j.docId);
      continue;
    }
    rememberRevision(j.docId, j.baseRev);
    await saveOrFork(j.docId, j.doc);
    clearJournal(j.docId);
  }
}

export async function bootDocument(store: AppStore): Promise<void> {
  let restored = false;
  try {
    await replayJournals();
    const id = await currentDocId();
    const stored = id ? await loadStored(id) : null;
    if (id && stored) {
      rememberRevision(id, stored.rev);
      store.getState().loadDocument(stored.doc, id);
      restored = true;
    }
  } catch {
    // IndexedDB unavailable (private mode, blocked): start from the template.
  }
  if (!restored) store.getState().loadDocument(loadTemplate(DEFAULT_TEMPLATE_ID));
  openSharedFromLocation(store);
}

/** Opens the share link in the address bar, if any (on load and when a link is pasted into this tab). */
export function openSharedFromLocation(store: AppStore): void {
  const shared = decodeShareFragment(window.location.hash);
  if (!shared) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  openDocumentResult(store, shared, 'This share link');
}
