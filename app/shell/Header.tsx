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
import { Tooltip } from './Tooltip';
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
  const inspectorOpen = useAppStore((s) => s.inspectorOpen);
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
        <Tooltip content="Undo (Ctrl+Z)">
          <button type="button" className="ls-button" onClick={() => store.getState().undo()} disabled={!canUndo} aria-label="Undo" data-testid="undo">
            ↶
          </button>
        </Tooltip>
        <Tooltip content="Redo (Ctrl+Shift+Z)">
          <button type="button" className="ls-button" onClick={() => store.getState().redo()} disabled={!canRedo} aria-label="Redo" data-testid="redo">
            ↷
          </button>
        </Tooltip>
        <Tooltip content="Auto-layout: arrange left to right along the request path">
          <button type="button" className="ls-button" onClick={() => void layout()} disabled={busy} data-testid="auto-layout" aria-label="Auto-layout">
            <span aria-hidden="true">⇶</span>
            <span className="ls-wide-only"> Auto-layout</span>
          </button>
        </Tooltip>
        <Tooltip content="Fit the drawing in the canvas">
          <button type="button" className="ls-button" onClick={() => void fitView({ padding: 0.15, duration: 200 })} data-testid="fit-view" aria-label="Fit view">
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" fill="none" stroke="currentColor" strokeWidth="1.6">
              <path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9" />
            </svg>
            <span className="ls-wide-only"> Fit view</span>
          </button>
        </Tooltip>
      </div>
      <span className="ls-spacer" />
      <WorkerStatus />
      <SaveStatus />
      <Tooltip content={`${inspectorOpen ? 'Hide' : 'Show'} the inspector (I)`}>
        <button
          type="button"
          className="ls-button"
          aria-pressed={inspectorOpen}
          onClick={() => store.getState().setInspectorOpen(!inspectorOpen)}
          aria-label={inspectorOpen ? 'Hide the inspector' : 'Show the inspector'}
          data-testid="inspector-toggle"
        >
          ◨
        </button>
      </Tooltip>
      <Tooltip content={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}>
        <button
          type="button"
          className="ls-button"
          onClick={() => store.getState().toggleTheme()}
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          data-testid="theme-toggle"
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </Tooltip>
      <Tooltip content="Keyboard shortcuts (?)">
        <button type="button" className="ls-button" onClick={() => store.getState().openDialog({ kind: 'help' })} aria-label="Keyboard shortcuts" data-testid="help">
          ?
        </button>
      </Tooltip>
    </header>
  );
}
