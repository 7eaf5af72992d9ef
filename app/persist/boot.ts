/**
 * What the studio opens with: the last document (restored from IndexedDB),
 * else the default template; then, if the URL carries a share link, the
 * shared document as a new document (the user's own stays in the recents).
 */
import { DEFAULT_TEMPLATE_ID, loadTemplate } from '../../workers/templates';
import type { AppStore } from '../store';
import { openDocumentResult } from './files';
import { decodeShareFragment } from './shareLink';
import { currentDocId, loadStoredDocument } from './storage';

export async function bootDocument(store: AppStore): Promise<void> {
  let restored = false;
  try {
    const id = await currentDocId();
    const doc = id ? await loadStoredDocument(id) : null;
    if (id && doc) {
      store.getState().loadDocument(doc, id);
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
