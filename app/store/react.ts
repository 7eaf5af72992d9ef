/** React bindings: the app's store instance, a provider for tests, and hooks. */
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { type AppStore, type AppState, createAppStore } from './index';

const prefersDark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;

/** The store of the running app. */
export const appStore: AppStore = createAppStore({ theme: prefersDark ? 'dark' : 'light' });

const StoreContext = createContext<AppStore>(appStore);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

export function useAppStoreApi(): AppStore {
  return useContext(StoreContext);
}

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useContext(StoreContext), selector);
}

/** Whether undo / redo are possible (re-renders only when these flip). */
export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  const store = useContext(StoreContext);
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  return { canUndo, canRedo };
}
