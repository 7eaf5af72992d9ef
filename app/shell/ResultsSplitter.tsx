/**
 * The separator between the canvas and the results: drag it, or focus it and
 * use the arrow keys (Home/End for the limits, Enter to reset). Follows the
 * WAI-ARIA window splitter pattern: aria-valuenow is the canvas's share in %.
 * The share lives in the ui state and is remembered in this browser.
 */
import { type KeyboardEvent, type PointerEvent, useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/react';
import { clampResultsShare, DEFAULT_RESULTS_SHARE } from '../store/uiSlice';
import { Tooltip } from './Tooltip';

const KEY = 'loadsketch.resultsShare';
const STEP = 0.05;

/** Loads the remembered share once and saves it when it changes. */
function useRememberedShare() {
  const store = useAppStoreApi();
  useEffect(() => {
    try {
      const saved = Number(localStorage.getItem(KEY));
      if (saved > 0) store.getState().setResultsShare(saved);
    } catch {
      // storage disabled
    }
    return store.subscribe((s, prev) => {
      if (s.resultsShare === prev.resultsShare) return;
      try {
        localStorage.setItem(KEY, String(s.resultsShare));
      } catch {
        // ignore
      }
    });
  }, [store]);
}

export function ResultsSplitter() {
  const store = useAppStoreApi();
  const share = useAppStore((s) => s.resultsShare);
  useRememberedShare();
  const set = (v: number) => store.getState().setResultsShare(v);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const centre = e.currentTarget.parentElement;
    if (!centre || e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const rect = centre.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => set((rect.bottom - ev.clientY) / rect.height);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = { ArrowUp: share + STEP, ArrowDown: share - STEP, Home: 1, End: 0, Enter: DEFAULT_RESULTS_SHARE };
    if (!(e.key in next)) return;
    e.preventDefault();
    set(next[e.key]);
  };

  const canvasPct = Math.round((1 - share) * 100);
  return (
    <Tooltip content="Drag to resize (arrow keys when focused; double-click to reset)" side="top">
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable, draggable window splitter (WAI-ARIA pattern), not an <hr> */}
      <div
        className="ls-splitter"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize canvas and results"
        aria-valuenow={canvasPct}
        aria-valuemin={Math.round((1 - clampResultsShare(1)) * 100)}
        aria-valuemax={Math.round((1 - clampResultsShare(0)) * 100)}
        aria-controls="ls-results-area"
        tabIndex={0}
        data-testid="results-splitter"
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => set(DEFAULT_RESULTS_SHARE)}
      />
    </Tooltip>
  );
}
