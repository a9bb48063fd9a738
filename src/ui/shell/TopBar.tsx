import { useAppStatus } from '../../state/appStatusStore';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { compareHash } from '../compare/compareRoute';
import { ImportWorkspaceButton } from '../io/ImportWorkspace';
import { StorageButton } from '../storage/StorageButton';
import { DamagedRecordsButton } from '../storage/DamagedRecordsButton';
import { exportWorkspace } from '../io/workspaceFile';
import { WorkspaceButton } from '../workspaces/WorkspaceButton';
import { ShareButton } from '../live/ShareButton';
import { shortcutOf } from '../actions/table';
import { openShortcuts } from './shortcutsOpen';
import { ThemeSelect } from './ThemeSelect';
import { CATALOGUE_HASH, LANDSCAPE_HASH, REQUIREMENTS_HASH, mapHash, useScreen } from './useHashRoute';

/**
 * The app's mark (public/favicon.svg's drawing), inline: as an <img> it was an SVG document of
 * its own, built on the main thread while the first screen was drawn (6 to 38 ms in traces).
 */
function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" width={22} height={22} aria-hidden focusable="false">
      <rect width="32" height="32" rx="6" fill="#1f3a5f" />
      <rect x="4" y="6" width="24" height="9" rx="2" fill="#7fb3e6" />
      <rect x="4" y="17" width="24" height="9" rx="2" fill="#c7def4" />
      <path d="M9 10.5h8l4 11" stroke="#fff" strokeWidth="2" fill="none" />
    </svg>
  );
}

export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand">
        <BrandMark />
        <span className="brand-name">Lanemap</span>
        <WorkspaceButton />
      </div>
      <ScreenLinks />
      <SaveStatus />
      <DamagedRecordsButton />
      <div className="topbar-actions">
        <ShareButton />
        <button
          type="button"
          onClick={() => {
            const ws = useDocument.getState().workspace;
            if (!ws) return;
            const file = exportWorkspace(ws);
            useUi.getState().toast({ tone: 'info', message: `Downloaded ${file}` });
          }}
          title="Download every map and the catalogue as one file (a backup you can import again)"
        >
          Export workspace
        </button>
        <ImportWorkspaceButton />
        <StorageButton />
        <ThemeSelect />
        <button type="button" onClick={openShortcuts} aria-label="Keyboard shortcuts" title={`Keyboard shortcuts (${shortcutOf('shortcuts')})`}>?</button>
      </div>
    </header>
  );
}

/** Between the maps (back to the last one open), the catalogue, the landscape and the compare screen (starting from the open map). */
function ScreenLinks() {
  const screen = useScreen();
  const openMapId = useUi((s) => s.openMapId);
  return (
    <nav className="screen-links" aria-label="Screens">
      <a href={openMapId ? mapHash(openMapId) : '#/'} aria-current={screen === 'map' ? 'page' : undefined}>Maps</a>
      <a href={CATALOGUE_HASH} aria-current={screen === 'catalogue' ? 'page' : undefined}>Catalogue</a>
      <a href={LANDSCAPE_HASH} aria-current={screen === 'landscape' ? 'page' : undefined}>Landscape</a>
      <a href={REQUIREMENTS_HASH} aria-current={screen === 'requirements' ? 'page' : undefined}>Requirements</a>
      {screen === 'compare' ? (
        <a href={window.location.hash} aria-current="page">Compare</a>
      ) : (
        <a href={compareHash(openMapId ? [openMapId] : [])}>Compare</a>
      )}
    </nav>
  );
}

function SaveStatus() {
  const save = useAppStatus((s) => s.save);
  if (save.state === 'error') {
    return <span className="save-status save-error" role="alert" title={save.message}>{save.message.startsWith('Not saved') ? save.message : `Not saved: ${save.message}`}</span>;
  }
  return (
    <span className="save-status" role="status" aria-live="polite">
      {save.state === 'saving' ? 'Saving…' : 'Saved'}
    </span>
  );
}
