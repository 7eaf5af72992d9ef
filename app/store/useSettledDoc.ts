/**
 * The store's document as it was SETTLE_MS after it last changed: views that
 * run the parser over the whole document (field problems, the scenario's
 * checks) read this, so dragging a node on a large canvas does not re-run the
 * parser on every frame.
 */
import { useEffect, useState } from 'react';
import type { Topology } from '../../workers/engine/schema';
import { useAppStoreApi } from './react';

export const SETTLE_MS = 200;

export function useSettledDoc(): Topology {
  const store = useAppStoreApi();
  const [doc, setDoc] = useState(() => store.getState().doc);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = store.subscribe((s, prev) => {
      if (s.doc === prev.doc) return;
      clearTimeout(timer);
      timer = setTimeout(() => setDoc(store.getState().doc), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [store]);
  return doc;
}
