/** The modal dialogs: shortcut sheet, lists of problems, share link. */
import { downloadDocument } from '../persist/files';
import { MAX_LINK_CHARS } from '../persist/shareLink';
import { selectDialog } from '../store/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';
import type { Dialog } from '../store/uiSlice';
import { Modal } from './Modal';

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
  ['Escape', 'Close what is open on top (tooltip, explanation, menu, dialog) / leave presentation mode / clear the selection'],
  ['↑ ↓ Home End, a letter (in a menu)', 'Move between menu items'],
  ['← → Home End (on the results tabs)', 'Move between the results tabs'],
  ['Tab (in a dialog)', 'Moves between the dialog\'s controls only; Escape closes it'],
  ['P', 'Presentation mode on / off'],
  ['→ / PageDown, ← / PageUp (presenting)', 'Next / previous lesson step'],
  ['Space (presenting)', 'Play / pause the animated requests'],
  ['. and , (presenting)', 'Step the animation one event forward / back'],
  ['+ and − (presenting)', 'Animation faster / slower'],
  ['?', 'This sheet'],
];

function Body({ dialog }: { dialog: Dialog }) {
  const store = useAppStoreApi();
  const close = () => store.getState().closeDialog();
  switch (dialog.kind) {
    case 'help':
      return (
        <Modal title="Keyboard shortcuts" testId="help-dialog" closeTestId="dialog-close" onClose={close}>
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
        <Modal title={dialog.title} testId="errors-dialog" closeTestId="dialog-close" onClose={close}>
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
        <Modal title="Share link" testId="share-dialog" closeTestId="dialog-close" onClose={close}>
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
