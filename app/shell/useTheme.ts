/** Applies the theme to <html data-theme> and remembers the user's choice. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../store';
import { selectTheme } from '../store/selectors';

const KEY = 'loadsketch.theme';

export function useThemeEffect(store: AppStore): void {
  const theme = useStore(store, selectTheme);
  useEffect(() => {
    try {
      const saved = localStorage.getItem(KEY);
      if (saved === 'light' || saved === 'dark') store.getState().setTheme(saved);
    } catch {
      // storage disabled: keep prefers-color-scheme
    }
  }, [store]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.theme !== prev.theme) {
          try {
            localStorage.setItem(KEY, s.theme);
          } catch {
            // ignore
          }
        }
      }),
    [store],
  );
}
