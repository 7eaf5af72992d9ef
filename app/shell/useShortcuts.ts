/** Keyboard shortcuts of the studio (ignored while typing in a field, except Ctrl/⌘+Enter: run). */
import { useEffect } from 'react';
import { runControllerFor } from '../run/controller';
import type { AppStore } from '../store';
import { readClipboard, writeClipboard } from './clipboardIO';

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
/** Nudge steps in px (plain / with Shift). */
export const NUDGE = { small: 10, large: 50 };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Inside an open menu or a tab list the keys belong to that widget (arrows, typeahead letters). */
function inWidget(target: EventTarget | null): boolean {
  return Boolean((target as HTMLElement | null)?.closest?.('[role="menu"], [role="tablist"]'));
}

export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (e.key === 'Escape') {
        if (e.defaultPrevented) return; // an open tooltip, popover, menu or the presentation took it
        if (s.dialog) s.closeDialog();
        else if (!isTyping(e.target) && !inWidget(e.target)) s.select([], []);
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key === 'Enter' && !s.dialog && !e.altKey) {
        // Run from anywhere, also from a field being typed in: leaving the field first commits its value.
        e.preventDefault();
        if (isTyping(e.target)) (e.target as HTMLElement).blur();
        const runs = runControllerFor(store);
        if (s.run?.status === 'running') s.showToast('A run is already going: cancel it first, or wait for it to end.');
        else runs.start();
        return;
      }
      if (s.dialog || isTyping(e.target) || inWidget(e.target) || e.altKey) return;
      const key = e.key.toLowerCase();
      const run = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return run(s.deleteSelection);
      if (!mod && e.key === '?') return run(() => s.openDialog({ kind: 'help' }));
      if (!mod && !e.shiftKey && key === 'r') return run(() => s.setResultsStage(!s.resultsStage));
      if (!mod && !e.shiftKey && key === 'i') return run(() => s.setInspectorOpen(!s.inspectorOpen));
      if (mod && key === 'z') return run(e.shiftKey ? s.redo : s.undo);
      if (mod && key === 'y') return run(s.redo);
      if (mod && key === 'a') return run(s.selectAll);
      if (mod && key === 'd') return run(s.duplicateSelection);
      if (mod && key === 'c') {
        const payload = s.copySelection();
        if (payload) run(() => void writeClipboard(payload));
        return;
      }
      if (mod && key === 'v') {
        return run(() => {
          void readClipboard().then((p) => {
            if (p) store.getState().paste(p);
            else store.getState().showToast('Nothing to paste: copy some nodes first.');
          });
        });
      }
      const arrow = ARROWS[e.key];
      // A focused React Flow node moves itself with the arrows.
      if (arrow && !mod && s.selectedNodeIds.length && !(e.target as HTMLElement).closest?.('.react-flow__node')) {
        const step = e.shiftKey ? NUDGE.large : NUDGE.small;
        return run(() => s.nudgeSelection(arrow[0] * step, arrow[1] * step));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
