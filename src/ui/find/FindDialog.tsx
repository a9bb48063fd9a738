import { useMemo, useRef, useState } from 'react';
import { findAcrossMaps, type FoundNode } from '../../core/catalogue';
import { nodeKindWord } from '../../core/model/vocabulary';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { revealNode } from '../actions/canvasView';
import { goToMap } from '../shell/useHashRoute';
import { closeFind, showLater, useFind } from './findOpen';
import { useModalDialog } from '../common/useModalDialog';

/** Ctrl+F: steps, systems and stores of every map by name; choosing one opens its map with it selected. */
export function FindDialog() {
  const open = useFind((s) => s.open);
  const ref = useModalDialog(open);
  const list = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  // Closed, it does not follow the document: every edit would render it for nothing.
  const workspace = useDocument((s) => (open ? s.workspace : null));
  const hits = useMemo(() => (open && workspace ? findAcrossMaps(workspace, query) : []), [open, workspace, query]);

  const choose = (hit: FoundNode) => {
    closeFind();
    const ui = useUi.getState();
    if (ui.openMapId === hit.mapId) {
      ui.select({ nodeIds: [hit.nodeId] });
      revealNode(hit.nodeId);
    } else {
      showLater(hit.mapId, hit.nodeId);
      goToMap(hit.mapId);
    }
  };
  const focusResult = (by: number) => {
    const all = [...(list.current?.querySelectorAll('button') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    all[Math.max(0, Math.min(all.length - 1, i + by))]?.focus();
  };

  return (
    <dialog ref={ref} className="dialog find-dialog" aria-labelledby="find-title" onClose={closeFind}>
      <h2 id="find-title">Find in all maps</h2>
      <input
        type="search"
        aria-label="Find steps, systems and stores"
        placeholder="A step, system or store, as you remember it"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) {
            e.preventDefault();
            choose(hits[0]);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusResult(1);
          }
        }}
      />
      <p className="hint" role="status">
        {query.trim() ? (hits.length ? `${hits.length === 30 ? 'The first 30' : hits.length} found. Enter opens the first; arrow keys go down the list.` : 'Nothing in any map is called that.') : ''}
      </p>
      <ul
        ref={list}
        className="find-results"
        aria-label="Found"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            focusResult(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        {hits.map((h) => (
          <li key={`${h.mapId}/${h.nodeId}`}>
            <button type="button" onClick={() => choose(h)}>
              <strong>{h.label}</strong> <span className="hint">{nodeKindWord(h.kind)} in {h.mapName}</span>
            </button>
          </li>
        ))}
      </ul>
      <form method="dialog" className="dialog-actions">
        <button>Close</button>
      </form>
    </dialog>
  );
}
