import { useReactFlow } from '@xyflow/react';
import type { NodeKind } from '../../core/model/types';
import { canRedo, canUndo, useDocument } from '../../state/documentStore';
import { addLane, addNodeOfKind, KIND_LABELS, redo, undo } from '../../state/editorActions';
import { autoLayout } from '../../state/layoutActions';
import { useLayoutState } from '../../state/layoutStore';
import { useUi } from '../../state/uiStore';
import { ExportButton } from '../export/ExportDialog';
import { KindIcon } from './nodes/KindIcon';

export const PALETTE: { kind: NodeKind; key: string }[] = [
  { kind: 'step', key: 'S' },
  { kind: 'decision', key: 'D' },
  { kind: 'start', key: 'B' },
  { kind: 'end', key: 'E' },
  { kind: 'dataStore', key: 'T' },
  { kind: 'system', key: 'Y' },
  { kind: 'document', key: 'O' },
  { kind: 'note', key: 'N' },
];

export const DRAG_TYPE = 'application/x-lanemap-kind';

/** The toolbar: lanes, every node kind (click to add, or drag onto a lane), undo, redo, zoom. */
export function Palette() {
  const history = useDocument((s) => s.history);
  const mapId = useUi((s) => s.openMapId);
  const { fitView } = useReactFlow();
  const layoutRunning = useLayoutState((s) => s.running);
  const undoEntry = canUndo(history, mapId);
  const redoEntry = canRedo(history, mapId);
  return (
    <div className="palette" role="toolbar" aria-label="Map tools">
      <button type="button" onClick={() => addLane()} title="Add lane (L)">
        <span aria-hidden className="lane-icon" /> Add lane
      </button>
      <span className="sep" aria-hidden />
      {PALETTE.map(({ kind, key }) => (
        <button
          key={kind}
          type="button"
          className="palette-item"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, kind);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => addNodeOfKind(kind)}
          aria-label={`Add ${KIND_LABELS[kind].toLowerCase()}`}
          title={`Add ${KIND_LABELS[kind].toLowerCase()} (${key}); or drag onto a lane`}
        >
          <KindIcon kind={kind} />
          <span>{KIND_LABELS[kind]}</span>
        </button>
      ))}
      <span className="sep" aria-hidden />
      <button type="button" onClick={undo} disabled={!undoEntry} aria-label="Undo" title={undoEntry ? `Undo ${undoEntry.title.toLowerCase()} (Ctrl+Z)` : 'Nothing to undo'}>
        ↶ <span className="hide-narrow">Undo</span>
      </button>
      <button type="button" onClick={redo} disabled={!redoEntry} aria-label="Redo" title={redoEntry ? `Redo ${redoEntry.title.toLowerCase()} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
        ↷ <span className="hide-narrow">Redo</span>
      </button>
      <span className="sep" aria-hidden />
      <button type="button" onClick={() => mapId && void autoLayout(mapId)} disabled={!!layoutRunning} aria-label="Auto layout" title="Lay the map out: lanes kept, flows left to right (Shift+L)">
        {layoutRunning ? <span className="spinner" aria-hidden /> : '⊞'} <span className="hide-narrow">{layoutRunning ? 'Laying out…' : 'Auto layout'}</span>
      </button>
      <button type="button" onClick={() => void fitView({ padding: 0.08, duration: 250 })} aria-label="Zoom to fit" title="Zoom to fit (Shift+1)">
        ⤢ <span className="hide-narrow">Zoom to fit</span>
      </button>
      <span className="sep" aria-hidden />
      <ExportButton />
    </div>
  );
}
