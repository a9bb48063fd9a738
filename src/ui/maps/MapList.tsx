import { useMemo, useState } from 'react';
import * as C from '../../core/commands';
import { deleteMap, duplicateMap } from '../../state/editorActions';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { confirm } from '../common/confirm';
import { Icon } from '../common/Icon';
import { InlineText } from '../common/InlineText';
import { goToMap, mapHash, useScreen } from '../shell/useHashRoute';
import { NewMapDialog } from './NewMapDialog';

/** The sidebar: every map of the workspace, grouped by nothing, sorted by name. */
export function MapList() {
  const maps = useDocument((s) => s.workspace?.maps);
  const departments = useDocument((s) => s.workspace?.departments);
  // On the catalogue no map is the current page.
  const openMapId = useUi((s) => s.openMapId);
  const current = useScreen() === 'map' ? openMapId : null;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const sorted = useMemo(() => [...(maps ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [maps]);
  const depName = (id: string | null) => departments?.find((d) => d.id === id)?.name ?? 'No department';

  return (
    <aside className="sidebar" aria-label="Maps">
      <div className="sidebar-head">
        <h2>Maps</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>New map</button>
      </div>
      <ul className="map-list">
        {sorted.map((m) => (
          <li key={m.id} className={m.id === current ? 'current' : undefined}>
            {renaming === m.id ? (
              <InlineText
                label="Map name"
                initial={m.name}
                onCommit={(name) => {
                  useDocument.getState().dispatch(C.renameMap, { mapId: m.id, name });
                  setRenaming(null);
                }}
                onCancel={() => setRenaming(null)}
              />
            ) : (
              <a href={mapHash(m.id)} aria-current={m.id === current ? 'page' : undefined} onDoubleClick={() => setRenaming(m.id)}>
                <span className="map-name">{m.name}</span>
                <span className="map-meta">{depName(m.departmentId)} · {m.nodes.length} nodes</span>
              </a>
            )}
            <div className="map-actions">
              <button type="button" aria-label={`Rename ${m.name}`} title="Rename" onClick={() => setRenaming(m.id)}><Icon name="rename" /></button>
              <button type="button" aria-label={`Duplicate ${m.name}`} title="Duplicate" onClick={() => { const id = duplicateMap(m.id); if (id) goToMap(id); }}><Icon name="duplicate" /></button>
              <button
                type="button"
                aria-label={`Delete ${m.name}`}
                title="Delete"
                onClick={async () => {
                  const ok = await confirm({ title: `Delete map “${m.name}”?`, body: 'The map and its history go. You can undo this (Ctrl+Z or “Undo” in the message).', confirmLabel: 'Delete map', danger: true });
                  if (ok) deleteMap(m.id);
                }}
              >
                <Icon name="trash" />
              </button>
            </div>
          </li>
        ))}
      </ul>
      {creating && <NewMapDialog onClose={() => setCreating(false)} />}
    </aside>
  );
}
