import { useSyncExternalStore } from 'react';
import { saveStatus } from '../persist/autosave';

const TEXT = { saved: 'Saved in this browser', pending: 'Saving…', error: 'Not saved: browser storage unavailable' };

export function SaveStatus() {
  const state = useSyncExternalStore(saveStatus.subscribe, saveStatus.get);
  return (
    <span className={`ls-save is-${state}`} data-testid="save-status" data-state={state} role="status" title={TEXT[state]}>
      <span className="ls-save-dot" aria-hidden="true" />
      <span className="ls-save-text">{TEXT[state]}</span>
    </span>
  );
}
