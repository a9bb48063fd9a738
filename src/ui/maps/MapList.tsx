import { useMemo, useState } from 'react';
import { deleteMap, duplicateMap, renameMap } from '../../state/mapActions';
import { useDocument } from '../../state/documentStore';
import { useEarlyMapList } from '../../state/earlyMapList';
import type { ListedMap } from '../../persistence/mapListRows';
import type { ProcessMap } from '../../core/model/types';
import { STATUS_LABEL } from '../../core/model/vocabulary';
import { useUi } from '../../state/uiStore';
import { confirm } from '../common/confirm';
import { Icon } from '../common/Icon';
import { InlineText } from '../common/InlineText';
import { goToMap, mapHash, useScreen } from '../shell/useHashRoute';
import { MAX_COMPARED, openCompare } from '../compare/compareRoute';
import { TrashButton } from '../history/TrashDialog';
import '../compare/compare.css';
import { NewMapDialog } from './NewMapDialog';
import { setPanel, usePanels } from '../shell/panels';

/** The sidebar: every map of the workspace, grouped by nothing, sorted by name. */
/** What the list shows of the maps, as one string: an edit inside a map that changes none of it (most edits) redraws nothing here. */
const listKey = (maps: readonly ProcessMap[]): string => maps.map((m) => [m.id, m.name, m.departmentId ?? '', m.nodes.length, m.review?.state ?? ''].join('\u0001')).join('\u0002');

export function MapList() {
  const key = useDocument((s) => (s.workspace ? listKey(s.workspace.maps) : null));
  // The maps as they are when the key last changed: only what the key holds is read from them.
  const maps = useMemo(() => (key === null ? undefined : useDocument.getState().workspace?.maps), [key]);
  const workspaceDepartments = useDocument((s) => s.workspace?.departments);
  // Until the workspace is loaded, the list read from the index: links only, nothing to edit yet.
  const early = useEarlyMapList((s) => (maps ? null : s.list));
  const departments = workspaceDepartments ?? early?.departments;
  // On the catalogue no map is the current page.
  const openMapId = useUi((s) => s.openMapId);
  const current = useScreen() === 'map' ? openMapId : null;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // Compare mode: a tick box per map; two to four ticked open the compare screen.
  const [picking, setPicking] = useState<string[] | null>(null);
  const sorted = useMemo(
    () => (maps?.map((m): ListedMap => ({ id: m.id, name: m.name, departmentId: m.departmentId, nodeCount: m.nodes.length, review: m.review?.state })) ?? early?.maps ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    [maps, early],
  );
  const depName = (id: string | null) => departments?.find((d) => d.id === id)?.name ?? 'No department';
  const hidden = usePanels((s) => s.mapsHidden);

  if (hidden) {
    return (
      <aside className="panel-strip" aria-label="Maps">
        <button type="button" aria-expanded={false} onClick={() => setPanel('mapsHidden', false)} title="Show the map list">
          <span aria-hidden>›</span>
          <span className="visually-hidden">Show the map list</span>
        </button>
      </aside>
    );
  }
  return (
    <aside className="sidebar" aria-label="Maps">
      <div className="sidebar-head">
        <h2>Maps</h2>
        <span className="sidebar-head-actions">
          <button type="button" aria-expanded onClick={() => setPanel('mapsHidden', true)} title="Hide the map list" aria-label="Hide the map list">
            ‹
          </button>
          <button type="button" aria-pressed={picking !== null} onClick={() => setPicking(picking ? null : [])} title="Tick two to four maps to see them side by side">Compare</button>
          <button type="button" className="primary" onClick={() => setCreating(true)}>New map</button>
        </span>
      </div>
      {picking && (
        <div className="compare-pick" role="group" aria-label="Compare maps">
          <span className="hint">Tick two to four maps.</span>
          <button type="button" className="primary" disabled={picking.length < 2} onClick={() => { openCompare(picking); setPicking(null); }}>
            {picking.length >= 2 ? `Compare ${picking.length} maps` : 'Compare maps'}
          </button>
          <button type="button" onClick={() => setPicking(null)}>Cancel</button>
        </div>
      )}
      <ul className="map-list" aria-busy={!maps && !!early}>
        {sorted.map((m) => (
          <li key={m.id} className={m.id === current ? 'current' : undefined}>
            {picking && (
              <input
                type="checkbox"
                className="compare-tick"
                aria-label={`Compare ${m.name}`}
                checked={picking.includes(m.id)}
                disabled={!picking.includes(m.id) && picking.length >= MAX_COMPARED}
                onChange={(e) => setPicking(e.target.checked ? [...picking, m.id] : picking.filter((id) => id !== m.id))}
              />
            )}
            {renaming === m.id ? (
              <InlineText
                label="Map name"
                initial={m.name}
                onCommit={(name) => {
                  renameMap(m.id, name);
                  setRenaming(null);
                }}
                onCancel={() => setRenaming(null)}
              />
            ) : (
              <a href={mapHash(m.id)} aria-current={m.id === current ? 'page' : undefined} onDoubleClick={() => setRenaming(m.id)}>
                <span className="map-name">{m.name}</span>
                <span className="map-meta">{depName(m.departmentId)} · {m.nodeCount} nodes{m.review && m.review !== 'draft' ? ` · ${STATUS_LABEL[m.review]}` : ''}</span>
              </a>
            )}
            {maps && <div className="map-actions">
              <button type="button" aria-label={`Rename ${m.name}`} title="Rename" onClick={() => setRenaming(m.id)}><Icon name="rename" /></button>
              <button type="button" aria-label={`Duplicate ${m.name}`} title="Duplicate" onClick={() => { const id = duplicateMap(m.id); if (id) goToMap(id); }}><Icon name="duplicate" /></button>
              <button
                type="button"
                aria-label={`Delete ${m.name}`}
                title="Delete"
                onClick={async () => {
                  const ok = await confirm({ title: `Delete map “${m.name}”?`, body: 'It goes to the trash, where it is kept for 30 days with its history. You can also undo this (Ctrl+Z or “Undo” in the message).', confirmLabel: 'Delete map', danger: true });
                  if (ok) deleteMap(m.id);
                }}
              >
                <Icon name="trash" />
              </button>
            </div>}
          </li>
        ))}
      </ul>
      <div className="map-list-footer">
        <TrashButton className="link-button" />
      </div>
      {creating && <NewMapDialog onClose={() => setCreating(false)} />}
    </aside>
  );
}
