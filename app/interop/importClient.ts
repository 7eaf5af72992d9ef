/** The studio's handle on the import worker (workers/import.worker.ts) and the Import dialog's state. */
import { type Remote, wrap } from 'comlink';
import { createStore } from 'zustand/vanilla';
import type { ImportApi } from '../../workers/import.worker';

let api: Remote<ImportApi> | null = null;

/** The importers running in a Web Worker (created on first use). */
export function importWorker(): Remote<ImportApi> {
  api ??= wrap<ImportApi>(new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'loadsketch-import' }));
  return api;
}

/** The Import dialog: closed, or open with the file it was opened with (if any). */
export interface ImportDialogState {
  open: boolean;
  file: File | null;
  /** Bumped on every open, so a second drop of the same file starts afresh. */
  serial: number;
}

export const importDialogStore = createStore<ImportDialogState>(() => ({ open: false, file: null, serial: 0 }));

/** Opens the Import dialog, with a dropped or chosen file or empty. */
export function openImport(file: File | null = null): void {
  importDialogStore.setState((s) => ({ open: true, file, serial: s.serial + 1 }));
}

export function closeImport(): void {
  importDialogStore.setState({ open: false, file: null });
}
