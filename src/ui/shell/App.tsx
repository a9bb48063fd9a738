import { useEffect } from 'react';
import { activeDb, revisionMap } from '../../persistence/historyQueries';
import { setRevisionLoader } from '../compare/compareRoute';
import { onCommandError, useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { ConfirmHost } from '../common/confirm';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useKeyboard } from '../actions/useKeyboard';
import { Toasts } from '../common/Toasts';
import { Editor } from '../editor/Editor';
import { MapList } from '../maps/MapList';
import { StatusBanner } from './StatusBanner';
import { TopBar } from './TopBar';
import { CatalogueScreen } from '../catalogue/CatalogueScreen';
import { LandscapeScreen } from '../landscape/LandscapeScreen';
import { CompareScreen } from '../compare/CompareScreen';
import { useHashRoute, useScreen } from './useHashRoute';

/** Older versions named in a compare address (#/compare/<id>@<revision>/…) come from the revisions store. */
function useRevisionLoader(): void {
  useEffect(() => {
    setRevisionLoader((_mapId, revisionId) => {
      const db = activeDb();
      return db ? revisionMap(db, revisionId) : Promise.resolve(undefined);
    });
    return () => setRevisionLoader(null);
  }, []);
}

/** A refused edit (a store deleted elsewhere, a bad id) is said, not swallowed. */
function useCommandErrors(): void {
  useEffect(() => onCommandError((message) => useUi.getState().toast({ tone: 'error', message })), []);
}

const SCREEN_LABELS = { catalogue: 'Catalogue', landscape: 'Landscape', compare: 'Compare maps', map: 'Map editor' } as const;

export function App() {
  useHashRoute();
  useCommandErrors();
  useRevisionLoader();
  useKeyboard();
  const ready = useDocument((s) => s.ready);
  const openMapId = useUi((s) => s.openMapId);
  const screen = useScreen();
  return (
    <div className="app">
      <TopBar />
      <StatusBanner />
      <div className="app-body">
        <MapList />
        <main className="workarea" aria-label={SCREEN_LABELS[screen]}>
          {!ready ? (
            <p className="placeholder" role="status">Opening your workspace…</p>
          ) : screen === 'catalogue' ? (
            <CatalogueScreen />
          ) : screen === 'landscape' ? (
            <LandscapeScreen />
          ) : screen === 'compare' ? (
            <CompareScreen />
          ) : openMapId ? (
            <Editor key={openMapId} mapId={openMapId} />
          ) : (
            <p className="placeholder">No maps yet. Press “New map” to draw your first one.</p>
          )}
        </main>
      </div>
      <Toasts />
      <ConfirmHost />
      <ShortcutsDialog />
    </div>
  );
}
