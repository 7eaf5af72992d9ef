/** File menu: new, open, save JSON, share link, recent documents. */
import { useRef, useState } from 'react';
import { downloadDocument, openDocumentResult, readDocumentFile } from '../persist/files';
import { encodeShareLink } from '../persist/shareLink';
import { rememberRevision } from '../persist/autosave';
import { listRecents, loadStored, type RecentEntry } from '../persist/storage';
import { openImport } from '../interop/importClient';
import { blankDocument } from '../store/docOps';
import { useAppStoreApi } from '../store/react';
import { Menu } from './Menu';
import { StoredDocuments } from './StoredDocuments';

/** Recent documents shown in the menu; every stored one is in the Stored documents dialog. */
const MENU_RECENTS = 8;

export function FileMenu() {
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [recents, setRecents] = useState<RecentEntry[]>([]);
  const [storedOpen, setStoredOpen] = useState(false);

  const open = async (file: File) => {
    openDocumentResult(store, await readDocumentFile(file), `“${file.name}”`);
  };
  const share = () => {
    const { url, tooLong } = encodeShareLink(store.getState().doc, window.location.origin + window.location.pathname);
    store.getState().openDialog({ kind: 'share', url, tooLong });
  };
  const openRecent = async (r: RecentEntry) => {
    const stored = await loadStored(r.docId);
    if (stored) {
      rememberRevision(r.docId, stored.rev);
      store.getState().loadDocument(stored.doc, r.docId);
    } else store.getState().showToast(`“${r.name}” is no longer stored in this browser.`);
  };
  const currentId = store.getState().docId;

  return (
    <>
      <Menu label="File" testId="file-menu" onOpen={() => void listRecents().then(setRecents)}>
        {(close) => {
          const item = (label: string, testId: string, action: () => void) => (
            <button
              type="button"
              role="menuitem"
              data-testid={testId}
              onClick={() => {
                close();
                action();
              }}
            >
              {label}
            </button>
          );
          return (
            <>
              {item('New blank document', 'file-new', () => store.getState().loadDocument(blankDocument()))}
              {item('Open file…', 'file-open', () => input.current?.click())}
              {item('Import diagram, traces or load-test results…', 'file-import', () => openImport())}
              {item('Save as JSON', 'file-save', () => downloadDocument(store.getState().doc))}
              {item('Share link…', 'file-share', share)}
              {item('Stored documents…', 'file-stored', () => setStoredOpen(true))}
              <div className="ls-menu-group">Recent documents</div>
              {recents.filter((r) => r.docId !== currentId).length === 0 && <div className="ls-hint ls-menu-note">None yet</div>}
              {recents
                .filter((r) => r.docId !== currentId)
                .slice(0, MENU_RECENTS)
                .map((r) => (
                  <button type="button" role="menuitem" key={r.docId} data-testid="recent-item" onClick={() => {
                      close();
                      void openRecent(r);
                    }}>
                    {r.name} <span className="ls-hint">· {r.nodes} nodes · {new Date(r.savedAt).toLocaleString()}</span>
                  </button>
                ))}
            </>
          );
        }}
      </Menu>
      <StoredDocuments open={storedOpen} onClose={() => setStoredOpen(false)} />
      <input
        ref={input}
        type="file"
        accept=".json,application/json,.html,text/html"
        hidden
        data-testid="open-file-input"
        aria-label="Open a Loadsketch JSON file or report"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void open(f);
        }}
      />
    </>
  );
}
