/** The modal dialogs: shortcut sheet, lists of problems, share link. */
import { type ReactNode, useEffect, useRef } from 'react';
import { downloadDocument } from '../persist/files';
import { MAX_LINK_CHARS } from '../persist/shareLink';
import { selectDialog } from '../store/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';
import type { Dialog } from '../store/uiSlice';

const SHORTCUTS: [string, string][] = [
  ['Delete / Backspace', 'Delete the selection'],
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Ctrl/⌘ + Shift + Z, Ctrl + Y', 'Redo'],
  ['Ctrl/⌘ + C / V', 'Copy / paste nodes (also between tabs)'],
  ['Ctrl/⌘ + D', 'Duplicate the selection'],
  ['Ctrl/⌘ + A', 'Select everything'],
  ['Arrows (Shift: ×5)', 'Nudge the selected nodes'],
  ['Shift + drag', 'Box-select'],
  ['Shift / Ctrl + click', 'Add to the selection'],
  ['Drag from a right handle to a left handle', 'Draw a call'],
  ['Ctrl/⌘ + Enter', 'Run the load test the run panel describes (also from a field)'],
  ['R', 'Results take the whole stage / back to the drawing'],
  ['I', 'Show or hide the inspector'],
  ['Escape', 'Close a menu or dialog / clear the selection / leave presentation mode'],
  ['↑ ↓ Home End (in a menu)', 'Move between menu items'],
  ['P', 'Presentation mode on / off'],
  ['→ / PageDown, ← / PageUp (presenting)', 'Next / previous lesson step'],
  ['Space (presenting)', 'Play / pause the animated requests'],
  ['. and , (presenting)', 'Step the animation one event forward / back'],
  ['+ and − (presenting)', 'Animation faster / slower'],
  ['?', 'This sheet'],
];

function Modal({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const store = useAppStoreApi();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="ls-overlay" onMouseDown={(e) => e.target === e.currentTarget && store.getState().closeDialog()}>
      <div className="ls-dialog" role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <div className="ls-dialog-head">
          <h2 id={`${testId}-title`}>{title}</h2>
          <button ref={closeRef} type="button" className="ls-icon-button" aria-label="Close" onClick={() => store.getState().closeDialog()} data-testid="dialog-close">
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

function Body({ dialog }: { dialog: Dialog }) {
  const store = useAppStoreApi();
  switch (dialog.kind) {
    case 'help':
      return (
        <Modal title="Keyboard shortcuts" testId="help-dialog">
          <table className="ls-shortcuts">
            <tbody>
              {SHORTCUTS.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">
                    <kbd>{k}</kbd>
                  </th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="ls-hint">Shortcuts are off while you type in a field, except Ctrl/⌘ + Enter.</p>
        </Modal>
      );
    case 'errors':
      return (
        <Modal title={dialog.title} testId="errors-dialog">
          <p>Nothing was changed. {dialog.errors.length === 1 ? 'The problem:' : `The ${dialog.errors.length} problems:`}</p>
          <ul className="ls-errors" data-testid="error-list">
            {dialog.errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                {e.path && <code>{e.path}</code>} {e.message}
              </li>
            ))}
          </ul>
        </Modal>
      );
    case 'share':
      return (
        <Modal title="Share link" testId="share-dialog">
          {dialog.tooLong ? (
            <>
              <p data-testid="share-too-long">
                This document is too large for a link ({dialog.url.length.toLocaleString()} characters; links stop working reliably beyond{' '}
                {MAX_LINK_CHARS.toLocaleString()}). Send the JSON file instead.
              </p>
              <button type="button" className="ls-button primary" onClick={() => downloadDocument(store.getState().doc)}>
                Save as JSON
              </button>
            </>
          ) : (
            <>
              <p>Anyone who opens this link gets a copy of the document as it is now. Nothing is uploaded: the document is inside the link.</p>
              <input className="ls-share-url" readOnly value={dialog.url} aria-label="Share link" data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                className="ls-button primary"
                onClick={() =>
                  navigator.clipboard.writeText(dialog.url).then(
                    () => store.getState().showToast('Link copied.'),
                    () => store.getState().showToast('Copy the link from the box (clipboard access was refused).'),
                  )
                }
              >
                Copy link
              </button>
            </>
          )}
        </Modal>
      );
  }
}

export function Dialogs() {
  const dialog = useAppStore(selectDialog);
  return dialog ? <Body dialog={dialog} /> : null;
}
