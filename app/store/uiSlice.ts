/** UI state: selection, theme, dialogs. Not part of the undo history. */
import type { TopologyError } from '../../workers/engine/parse';
import type { TopologyEdge } from '../../workers/engine/schema';
import type { AppState, GetState, SetState } from './types';

export type Theme = 'light' | 'dark';

/** The one modal dialog that may be open. */
export type Dialog =
  | { kind: 'help' }
  | { kind: 'errors'; title: string; errors: TopologyError[] }
  | { kind: 'share'; url: string; tooLong: boolean };

export interface UiSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  theme: Theme;
  /** Mode given to newly drawn edges. */
  edgeMode: TopologyEdge['mode'];
  dialog: Dialog | null;
  /** A short transient message (e.g. why a connection was refused). */
  toast: string | null;
  /** Rendered node sizes reported by React Flow, by node id (px). */
  measured: Record<string, { width: number; height: number }>;
  /** Share of the centre column's height given to the results area (0–1; the canvas has the rest). */
  resultsShare: number;
  /** Whether the results area is expanded ("Hide results" collapses it to its tab bar). */
  resultsOpen: boolean;
  /** Whether the results take the whole centre column (the drawing is hidden until toggled back; key R). */
  resultsStage: boolean;
  /** Whether the inspector column is shown (on narrow windows it is an overlay that can be closed). */
  inspectorOpen: boolean;
  setResultsShare(share: number): void;
  setResultsStage(on: boolean): void;
  setInspectorOpen(open: boolean): void;
  setResultsOpen(open: boolean): void;
  select(nodeIds: string[], edgeIds: string[]): void;
  selectAll(): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setEdgeMode(mode: TopologyEdge['mode']): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  showToast(message: string | null): void;
  setMeasured(sizes: { id: string; width: number; height: number }[]): void;
}

/** Default results share: canvas and results halve the centre column (a chart's axes fit at 1280 × 720). */
export const DEFAULT_RESULTS_SHARE = 0.5;
/** The results area takes 20–70% of the centre column (the canvas never drops under 30%). */
export const clampResultsShare = (share: number) => (Number.isFinite(share) ? Math.min(0.7, Math.max(0.2, share)) : DEFAULT_RESULTS_SHARE);

export function createUiSlice(set: SetState, get: GetState, theme: Theme): UiSlice {
  return {
    selectedNodeIds: [],
    selectedEdgeIds: [],
    theme,
    edgeMode: 'sync',
    dialog: null,
    toast: null,
    measured: {},
    resultsShare: DEFAULT_RESULTS_SHARE,
    resultsOpen: true,
    resultsStage: false,
    inspectorOpen: true,
    setResultsStage: (resultsStage) => set(resultsStage ? { resultsStage, resultsOpen: true } : { resultsStage }),
    setInspectorOpen: (inspectorOpen) => set({ inspectorOpen }),
    setResultsShare: (share) => set({ resultsShare: clampResultsShare(share) }),
    setResultsOpen: (resultsOpen) => set({ resultsOpen }),
    select: (selectedNodeIds, selectedEdgeIds) => set({ selectedNodeIds, selectedEdgeIds }),
    selectAll: () => {
      const { doc } = get();
      set({ selectedNodeIds: doc.nodes.map((n) => n.id), selectedEdgeIds: doc.edges.map((e) => e.id) });
    },
    setTheme: (t) => set({ theme: t }),
    toggleTheme: () => set((s: AppState) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
    setEdgeMode: (edgeMode) => set({ edgeMode }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    showToast: (toast) => set({ toast }),
    setMeasured: (sizes) => {
      const measured = { ...get().measured };
      let changed = false;
      for (const { id, width, height } of sizes) {
        const m = measured[id];
        if (!m || m.width !== width || m.height !== height) {
          measured[id] = { width, height };
          changed = true;
        }
      }
      if (changed) set({ measured });
    },
  };
}
