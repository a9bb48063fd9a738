import { lazy, useEffect } from 'react';
import { activeDb, revisionMap } from '../../persistence/historyQueries';
import { setRevisionLoader } from '../compare/compareRoute';
import { onCommandError, useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { useWorkspaces } from '../../state/workspaceStore';
import { ConfirmHost } from '../common/confirm';
import { NameDialog } from '../people/NameDialog';
import { JoinHost } from '../live/JoinHost';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { ShortcutsDialog } from './ShortcutsDialog';
import { FindDialog } from '../find/FindDialog';
import { DamagedRecords } from '../storage/DamagedRecords';
import { RecoveryScreen } from '../recovery/RecoveryScreen';
import { useLoadFailure } from '../../state/loadFailureStore';
import { useKeyboard } from '../actions/useKeyboard';
import { Toasts } from '../common/Toasts';
import { Editor } from '../editor/Editor';
import { usePresenting } from '../editor/presentMode';
import { MapList } from '../maps/MapList';
import { StatusBanner } from './StatusBanner';
import { TopBar } from './TopBar';
import { LazyPart } from '../common/Lazy';
import { goToMap, useHashRoute, useScreen } from './useHashRoute';

// The other screens are loaded when first opened: the page starts with the map editor only.
const CatalogueScreen = lazy(() => import('../catalogue/CatalogueScreen').then((m) => ({ default: m.CatalogueScreen })));
const LandscapeScreen = lazy(() => import('../landscape/LandscapeScreen').then((m) => ({ default: m.LandscapeScreen })));
const RequirementsScreen = lazy(() => import('../requirements/RequirementsScreen').then((m) => ({ default: m.RequirementsScreen })));
const CompareScreen = lazy(() => import('../compare/CompareScreen').then((m) => ({ default: m.CompareScreen })));

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

const SCREEN_LABELS = { catalogue: 'Catalogue', landscape: 'Landscape', requirements: 'Requirements', compare: 'Compare maps', map: 'Map editor' } as const;
const SCREEN_WHAT = { catalogue: 'the catalogue', landscape: 'the landscape', requirements: 'the requirements', compare: 'the comparison', map: 'this map' } as const;

/** Off the map screens, back to the open map; from a map that cannot be shown, to another one. */
function wayBack(screen: keyof typeof SCREEN_LABELS, openMapId: string | null) {
  if (screen !== 'map') return { label: 'Back to the map', run: () => goToMap(openMapId) };
  const other = () => useDocument.getState().workspace?.maps.find((m) => m.id !== openMapId)?.id ?? null;
  return { label: 'Open another map', run: () => goToMap(other()) };
}

export function App() {
  useHashRoute();
  useCommandErrors();
  useRevisionLoader();
  useKeyboard();
  const ready = useDocument((s) => s.ready);
  const openMapId = useUi((s) => s.openMapId);
  // Two workspaces may hold a map of one id (a duplicate): the editor starts afresh in the other.
  const workspaceId = useWorkspaces((s) => s.currentId);
  const screen = useScreen();
  // Presenting is for the map screen: elsewhere the panels are the screen.
  const presenting = usePresenting((s) => s.on) && screen === 'map';
  // The stored workspace could not be read: the recovery screen, never an editor over other data.
  const failure = useLoadFailure((s) => s.failure);
  if (failure) return <RecoveryScreen failure={failure} />;
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <TopBar />
      <StatusBanner />
      <div className="app-body">
        <ErrorBoundary what="the list of maps">
          <MapList />
        </ErrorBoundary>
        <main className="workarea" aria-label={SCREEN_LABELS[screen]}>
          <ErrorBoundary what={SCREEN_WHAT[screen]} back={wayBack(screen, openMapId)} resetKey={`${screen} ${openMapId} ${window.location.hash}`}>
            {!ready ? (
              <p className="placeholder" role="status">Opening your workspace…</p>
            ) : screen !== 'map' ? (
              <LazyPart what={SCREEN_WHAT[screen]}>
                {screen === 'catalogue' ? <CatalogueScreen /> : screen === 'landscape' ? <LandscapeScreen /> : screen === 'requirements' ? <RequirementsScreen /> : <CompareScreen />}
              </LazyPart>
            ) : openMapId ? (
              <Editor key={`${workspaceId}:${openMapId}`} mapId={openMapId} />
            ) : (
              <p className="placeholder">No maps yet. Press “New map” to draw your first one.</p>
            )}
          </ErrorBoundary>
        </main>
      </div>
      <Toasts />
      <ConfirmHost />
      <NameDialog />
      <JoinHost />
      <ShortcutsDialog />
      <FindDialog />
      <DamagedRecords />
    </div>
  );
}
