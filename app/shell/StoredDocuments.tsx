/**
 * Every document stored in this browser (one row per stored document, none
 * hidden), each with Open and Delete. A Radix dialog (see Modal): focus is kept
 * inside it and Escape closes it.
 */
import { useEffect, useState } from 'react';
import { rememberRevision } from '../persist/autosave';
import { deleteStoredDocument, listStoredDocuments, loadStored, type StoredEntry } from '../persist/storage';
import { useAppStoreApi } from '../store/react';
import { Modal } from './Modal';

export function StoredDocuments({ open, onClose }: { open: boolean; onClose: () => void }) {
  const store = useAppStoreApi();
  const [docs, setDocs] = useState<StoredEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    listStoredDocuments().then(setDocs, (e: unknown) => {
      setDocs([]);
      setError(`Browser storage could not be read: ${String(e)}`);
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the list is read again each time the dialog opens
  useEffect(() => {
    if (open) void refresh();
  }, [open]);

  const openDoc = async (e: StoredEntry) => {
    const stored = await loadStored(e.docId);
    if (!stored) return setError(`“${e.name}” could not be read.`);
    rememberRevision(e.docId, stored.rev);
    store.getState().loadDocument(stored.doc, e.docId);
    onClose();
  };
  const remove = async (e: StoredEntry) => {
    if (!window.confirm(`Delete “${e.name}” from this browser? This cannot be undone.`)) return;
    await deleteStoredDocument(e.docId);
    void refresh();
  };
  const current = store.getState().docId;
  if (!open) return null;

  return (
    <Modal title="Stored documents" testId="stored-documents" onClose={onClose}>
      <p className="ls-hint">Documents you edited are kept in this browser until you delete them. Templates, lesson steps and share links are stored only once you edit them.</p>
      {error && <p className="ls-error" role="alert">{error}</p>}
      {docs && docs.length === 0 && <p data-testid="stored-empty">No stored documents yet.</p>}
      <ul className="ls-stored-list">
        {(docs ?? []).map((e) => (
          <li key={e.docId} data-testid="stored-item" data-doc-id={e.docId}>
            <span className="ls-stored-name" data-testid="stored-name">{e.name}</span>
            <span className="ls-hint"> · {e.nodes} nodes{e.savedAt ? ` · ${new Date(e.savedAt).toLocaleString()}` : ''}{e.docId === current ? ' · open now' : ''}</span>
            <button type="button" className="ls-button" data-testid="stored-open" onClick={() => void openDoc(e)} disabled={e.docId === current}>
              Open
            </button>
            <button type="button" className="ls-button" data-testid="stored-delete" aria-label={`Delete ${e.name}`} onClick={() => void remove(e)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="ls-button" data-testid="stored-close" onClick={onClose}>
        Close
      </button>
    </Modal>
  );
}
