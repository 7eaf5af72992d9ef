/** The studio: header, palette, canvas, inspector, and the results area. */
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Canvas } from './canvas/Canvas';
import { ClassroomLayer } from './classroom/ClassroomLayer';
import { Inspector } from './canvas/inspector/Inspector';
import { Palette } from './canvas/Palette';
import { startAutosave } from './persist/autosave';
import { bootDocument, openSharedFromLocation } from './persist/boot';
import { startRunHistory } from './persist/runHistory';
import { startUndoHistory } from './persist/undoHistory';
import type { AppStore } from './store';
import { AppStoreProvider, appStore } from './store/react';
import { Dialogs } from './shell/Dialogs';
import { Header } from './shell/Header';
import { ImportDialog } from './shell/ImportDialog';
import { ResultsArea } from './shell/ResultsArea';
import { Toast } from './shell/Toast';
import { useShortcuts } from './shell/useShortcuts';
import { useNarrowInspector } from './shell/useNarrowInspector';
import { useThemeEffect } from './shell/useTheme';

export function App({ store = appStore }: { store?: AppStore }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    const onHash = () => openSharedFromLocation(store);
    void bootDocument(store).finally(() => {
      if (!live) return;
      const stopAutosave = startAutosave(store);
      const stopHistory = startRunHistory(store);
      const stopUndo = startUndoHistory(store);
      stop = () => {
        stopAutosave();
        stopHistory();
        stopUndo();
      };
      window.addEventListener('hashchange', onHash);
      setReady(true);
    });
    return () => {
      live = false;
      stop?.();
      window.removeEventListener('hashchange', onHash);
    };
  }, [store]);
  useShortcuts(store);
  useNarrowInspector(store);
  useThemeEffect(store);
  const stage = useStore(store, (s) => s.resultsStage);
  const inspector = useStore(store, (s) => s.inspectorOpen);
  return (
    <AppStoreProvider store={store}>
      <ReactFlowProvider>
        <div className="ls-app" data-ready={ready}>
          <Header />
          <main className={`ls-main${stage ? ' is-results-stage' : ''}${inspector ? '' : ' no-inspector'}`}>
            <Palette />
            <div className="ls-centre">
              {ready ? <Canvas /> : <div className="ls-canvas ls-loading">Opening…</div>}
              <ResultsArea />
            </div>
            {inspector && <Inspector />}
          </main>
          <ClassroomLayer ready={ready} />
          <Dialogs />
          <ImportDialog />
          <Toast />
        </div>
      </ReactFlowProvider>
    </AppStoreProvider>
  );
}
