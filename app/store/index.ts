/**
 * The app's one zustand store, built from slices (see types.ts for how to add
 * one). Undo/redo (zundo `temporal`) tracks the document only.
 */
import { type TemporalState, temporal } from 'zundo';
import type { StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Topology } from '../../workers/engine/schema';
import { createClassroomSlice } from '../classroom/classroomSlice';
import { createDocumentSlice } from './documentSlice';
import { blankDocument } from './docOps';
import { createRunSlice } from './runSlice';
import type { AppState } from './types';
import { createUiSlice, type Theme } from './uiSlice';

export type { AppState } from './types';

export interface StoreOptions {
  doc?: Topology;
  theme?: Theme;
  /** Undo steps kept. */
  historyLimit?: number;
}

type WithHistory = { temporal: StoreApi<TemporalState<{ doc: Topology }>> };

/** Creates a store; the app makes one, each test makes its own. */
export function createAppStore(options: StoreOptions = {}) {
  return createStore<AppState>()(
    temporal(
      (set, get, api) => ({
        ...createDocumentSlice(set, get, () => (api as unknown as WithHistory).temporal.getState(), options.doc ?? blankDocument()),
        ...createUiSlice(set, get, options.theme ?? 'light'),
        ...createRunSlice(set, get),
        ...createClassroomSlice(set, get),
      }),
      {
        partialize: (s) => ({ doc: s.doc }),
        equality: (a, b) => a.doc === b.doc,
        limit: options.historyLimit ?? 300,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
