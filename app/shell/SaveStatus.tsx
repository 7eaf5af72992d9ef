import { useSyncExternalStore } from 'react';
import { saveStatus } from '../persist/autosave';
import { downloadDocument } from '../persist/files';
import { useAppStoreApi } from '../store/react';
import { Tooltip } from './Tooltip';

const TEXT = {
  saved: 'Saved in this browser',
  pending: 'Saving…',
  unstored: 'Not stored until you edit it',
  full: 'Not saved: browser storage is full',
  error: 'Not saved: browser storage unavailable',
};

/** The tooltip adds what the words leave out (under 1280 px the words themselves are hidden: only the dot shows). */
const MORE: Partial<Record<keyof typeof TEXT, string>> = {
  saved: ': a reload or a crash loses nothing',
  unstored: ': templates, lesson steps and share links are stored once you edit them',
};

export function SaveStatus() {
  const store = useAppStoreApi();
  const state = useSyncExternalStore(saveStatus.subscribe, saveStatus.get);
  return (
    <span className={`ls-save is-${state}`} data-testid="save-status" data-state={state} role="status">
      <Tooltip content={TEXT[state] + (MORE[state] ?? '')}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so that the keyboard too can show the words hidden under 1280 px */}
        <span className="ls-save-what" tabIndex={0}>
          <span className="ls-save-dot" aria-hidden="true" />
          <span className="ls-save-text">{TEXT[state]}</span>
        </span>
      </Tooltip>
      {(state === 'full' || state === 'error') && (
        <>
          {' '}
          <button type="button" className="ls-button" data-testid="save-download" onClick={() => downloadDocument(store.getState().doc)}>
            Download it as a file
          </button>
          {state === 'full' && <span className="ls-hint"> or delete stored documents (File › Stored documents…)</span>}
        </>
      )}
    </span>
  );
}
