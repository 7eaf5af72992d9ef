/**
 * On a narrow window (under 1180 px, see styles.css) the inspector is an
 * overlay: it starts closed so it covers nothing, and opens when a node or a
 * call is selected (the user asked to edit it). Wider windows keep it as a
 * column the user can hide with the header button or I.
 */
import { useEffect } from 'react';
import type { AppStore } from '../store';

export const NARROW_QUERY = '(max-width: 1179px)';

export function useNarrowInspector(store: AppStore): void {
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const narrow = window.matchMedia(NARROW_QUERY);
    if (narrow.matches) store.getState().setInspectorOpen(false);
    return store.subscribe((s, prev) => {
      const picked = s.selectedNodeIds.length + s.selectedEdgeIds.length;
      const before = prev.selectedNodeIds.length + prev.selectedEdgeIds.length;
      if (narrow.matches && picked > 0 && before === 0 && !s.inspectorOpen) s.setInspectorOpen(true);
    });
  }, [store]);
}
