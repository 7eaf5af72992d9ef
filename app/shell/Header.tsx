/** The studio header: name, menus, undo/redo, layout, theme, help, and status. */
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { computeLayout } from '../canvas/autoLayout';
import { ClassroomMenu } from '../classroom/ClassroomMenu';
import { ExportMenu } from '../report/ExportMenu';
import { selectDocName, selectTheme } from '../store/selectors';
import { useAppStore, useAppStoreApi, useHistoryState } from '../store/react';
import { FileMenu } from './FileMenu';
import { SaveStatus } from './SaveStatus';
import { TemplateMenu } from './TemplateMenu';
import { WorkerStatus } from './WorkerStatus';

function DocName() {
  const store = useAppStoreApi();
  const name = useAppStore(selectDocName);
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null) return;
    const problems = store.getState().edit((d) => ({ ...d, name: draft }));
    if (problems.length) store.getState().showToast(`Name not changed: ${problems[0].message}`);
    setDraft(null);
  };
  return (
    <input
      className="ls-docname"
      aria-label="Document name"
      data-testid="doc-name"
      value={draft ?? name}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

export function Header() {
  const store = useAppStoreApi();
  const theme = useAppStore(selectTheme);
  const { canUndo, canRedo } = useHistoryState();
  const { fitView } = useReactFlow();
  const [busy, setBusy] = useState(false);
  const layout = async () => {
    setBusy(true);
    try {
      const s = store.getState();
      s.moveNodes(await computeLayout(s.doc, s.measured));
      requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 200 }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <header className="ls-header">
      <span className="ls-logo" aria-hidden="true">
        ◆
      </span>
      <DocName />
      <TemplateMenu />
      <FileMenu />
      <ExportMenu />
      <ClassroomMenu />
      <div className="ls-toolbar" role="toolbar" aria-label="Edit">
        <button type="button" className="ls-button" onClick={() => store.getState().undo()} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)" data-testid="undo">
          ↶
        </button>
        <button type="button" className="ls-button" onClick={() => store.getState().redo()} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)" data-testid="redo">
          ↷
        </button>
        <button type="button" className="ls-button" onClick={() => void layout()} disabled={busy} data-testid="auto-layout" title="Arrange left to right along the request path">
          Auto-layout
        </button>
        <button type="button" className="ls-button" onClick={() => void fitView({ padding: 0.15, duration: 200 })} data-testid="fit-view">
          Fit view
        </button>
      </div>
      <span className="ls-spacer" />
      <WorkerStatus />
      <SaveStatus />
      <button
        type="button"
        className="ls-button"
        onClick={() => store.getState().toggleTheme()}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button type="button" className="ls-button" onClick={() => store.getState().openDialog({ kind: 'help' })} aria-label="Keyboard shortcuts" data-testid="help">
        ?
      </button>
    </header>
  );
}
