import { useSyncExternalStore } from 'react';
import { saveStatus } from '../persist/autosave';
import { downloadDocument } from '../persist/files';
import { useAppStoreApi } from '../store/react';

const TEXT = {
  saved: 'Saved in this browser',
  pending: 'Saving…',
  unstored: 'Not stored until you edit it',
  full: 'Not saved: browser storage is full',
  error: 'Not saved: browser storage unavailable',
};

export function SaveStatus() {
  const store = useAppStoreApi();
  const state = useSyncExternalStore(saveStatus.subscribe, saveStatus.get);
  return (
    <span className={`ls-save is-${state}`} data-testid="save-status" data-state={state} role="status" title={TEXT[state]}>
      <span className="ls-save-dot" aria-hidden="true" />
      <span className="ls-save-text">{TEXT[state]}</span>
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
