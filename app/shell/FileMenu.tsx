/** File menu: new, open, save JSON, share link, recent documents. */
import { useRef, useState } from 'react';
import { downloadDocument, openDocumentResult, readDocumentFile } from '../persist/files';
import { encodeShareLink } from '../persist/shareLink';
import { rememberRevision } from '../persist/autosave';
import { listRecents, loadStored, type RecentEntry } from '../persist/storage';
import { openImport } from '../interop/importClient';
import { blankDocument } from '../store/docOps';
import { useAppStoreApi } from '../store/react';
import { Menu, MenuGroupLabel, MenuItem } from './Menu';
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
  const others = recents.filter((r) => r.docId !== currentId);

  return (
    <>
      <Menu label="File" testId="file-menu" onOpen={() => void listRecents().then(setRecents)}>
        <MenuItem testId="file-new" onSelect={() => store.getState().loadDocument(blankDocument())}>New blank document</MenuItem>
        <MenuItem testId="file-open" onSelect={() => input.current?.click()}>Open file…</MenuItem>
        <MenuItem testId="file-import" onSelect={() => openImport()}>Import diagram, traces or load-test results…</MenuItem>
        <MenuItem testId="file-save" onSelect={() => downloadDocument(store.getState().doc)}>Save as JSON</MenuItem>
        <MenuItem testId="file-share" onSelect={share}>Share link…</MenuItem>
        <MenuItem testId="file-stored" onSelect={() => setStoredOpen(true)}>Stored documents…</MenuItem>
        <MenuGroupLabel>Recent documents</MenuGroupLabel>
        {others.length === 0 && <div className="ls-hint ls-menu-note">None yet</div>}
        {others.slice(0, MENU_RECENTS).map((r) => (
          <MenuItem key={r.docId} testId="recent-item" onSelect={() => void openRecent(r)}>
            {r.name} <span className="ls-hint">· {r.nodes} nodes · {new Date(r.savedAt).toLocaleString()}</span>
          </MenuItem>
        ))}
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
