import { Fragment } from 'react';
import type { NodeKind } from '../../core/model/types';
import { addKindActions, addLaneAction } from '../actions/addActions';
import { useActionContext } from '../actions/context';
import { actionById, runAction, tooltip } from '../actions/table';
import type { Action, ActionContext } from '../actions/types';
import { ExportDialogHost } from '../export/ExportDialog';
import { KindIcon } from './nodes/KindIcon';

export const DRAG_TYPE = 'application/x-lanemap-kind';

/** The toolbar's groups, from the action table; a rule between groups. */
const GROUPS: Action[][] = [
  [addLaneAction],
  addKindActions.map((a) => a.action),
  ['undo', 'redo'].map(actionById),
  ['auto-layout', 'zoom-to-fit', 'present'].map(actionById),
  [actionById('step-list'), actionById('export')],
];
const KIND_OF = new Map(addKindActions.map((a) => [a.action.id, a.kind]));

/** The toolbar: lanes, every node kind (click to add, or drag onto a lane), undo, redo, layout, zoom, export. */
export function Palette() {
  const ctx = useActionContext();
  return (
    <div className="palette" role="toolbar" aria-label="Map tools">
      {GROUPS.map((group, i) => (
        <Fragment key={group[0]!.id}>
          {i > 0 && <span className="sep" aria-hidden />}
          {group.map((a) => {
            const kind = KIND_OF.get(a.id);
            return kind ? <KindButton key={a.id} action={a} kind={kind} ctx={ctx} /> : <ToolButton key={a.id} action={a} ctx={ctx} />;
          })}
        </Fragment>
      ))}
      <ExportDialogHost />
    </div>
  );
}

function KindButton({ action, kind, ctx }: { action: Action; kind: NodeKind; ctx: ActionContext }) {
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, kind);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => runAction(action.id)}
      disabled={!action.enabled(ctx)}
      aria-label={action.label}
      title={`${tooltip(action, ctx)}; or drag onto a lane`}
    >
      <KindIcon kind={kind} />
      <span>{action.short}</span>
    </button>
  );
}

function ToolButton({ action, ctx }: { action: Action; ctx: ActionContext }) {
  // The layout runs in a worker for a while: the button says so.
  const busy = action.id === 'auto-layout' && ctx.layoutRunning;
  return (
    <button
      type="button"
      onClick={() => runAction(action.id)}
      disabled={!action.enabled(ctx)}
      aria-label={action.label}
      aria-haspopup={action.opensDialog ? 'dialog' : undefined}
      title={tooltip(action, ctx)}
    >
      {action.id === 'add-lane' ? (
        <><span aria-hidden className="lane-icon" /> {action.label}</>
      ) : (
        <>{busy ? <span className="spinner" aria-hidden /> : action.icon} <span className="hide-narrow">{busy ? 'Laying out…' : action.label}</span></>
      )}
    </button>
  );
}
