import { Fragment, useRef } from 'react';
import type { NodeKind } from '../../core/model/types';
import { addKindActions, addLaneAction } from '../actions/addActions';
import { useActionContext } from '../actions/context';
import { actionById, runAction, tooltip } from '../actions/table';
import type { Action, ActionContext } from '../actions/types';
import { ExportDialogHost } from '../export/ExportDialogHost';
import { openContextMenu } from './contextMenuOpen';
import { KindIcon } from './nodes/KindIcon';
import { useToolbarFit } from './toolbarFit';

export const DRAG_TYPE = 'application/x-lanemap-kind';

/** The toolbar's groups, from the action table; a rule between groups. */
const GROUPS: Action[][] = [
  [addLaneAction],
  addKindActions.map((a) => a.action),
  ['undo', 'redo'].map(actionById),
  ['auto-layout', 'zoom-to-fit', 'present'].map(actionById),
  [actionById('step-list'), actionById('export')],
];
const GROUP_IDS = GROUPS.map((g) => g.map((a) => a.id));
const KIND_OF = new Map(addKindActions.map((a) => [a.action.id, a.kind]));

/**
 * The toolbar: lanes, every node kind (click to add, or drag onto a lane), undo, redo, layout,
 * zoom, present, the step list, export. Each button has its word; when the bar is too narrow
 * for all of them on one row, the least used go into "More".
 */
export function Palette() {
  const ctx = useActionContext();
  const bar = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  const overflow = useToolbarFit(bar, more, GROUP_IDS);
  const inMenu = new Set(overflow);
  const openMore = () => {
    const r = more.current!.getBoundingClientRect();
    openContextMenu({ x: r.left, y: r.bottom + 2, target: 'canvas', only: { ids: overflow, label: 'More tools', from: more.current! } });
  };
  return (
    <div className="palette" role="toolbar" aria-label="Map tools" ref={bar}>
      {GROUPS.map((group, i) => (
        <Fragment key={group[0]!.id}>
          {i > 0 && group.some((a) => !inMenu.has(a.id)) && <span className="sep" aria-hidden />}
          {group.map((a) => {
            const kind = KIND_OF.get(a.id);
            const hidden = inMenu.has(a.id);
            return kind ? <KindButton key={a.id} action={a} kind={kind} ctx={ctx} hidden={hidden} /> : <ToolButton key={a.id} action={a} ctx={ctx} hidden={hidden} />;
          })}
        </Fragment>
      ))}
      <button type="button" ref={more} className={overflow.length ? 'palette-more' : 'palette-more palette-away'} aria-haspopup="menu" onClick={openMore} title={`More tools: ${overflow.map((id) => actionById(id).label).join(', ')}`}>
        More ▾
      </button>
      <ExportDialogHost />
    </div>
  );
}

/** A button in the menu stays drawn, unseen and out of the flow, so its width is still known. */
const place = (hidden: boolean) => (hidden ? ' palette-away' : '');

function KindButton({ action, kind, ctx, hidden }: { action: Action; kind: NodeKind; ctx: ActionContext; hidden: boolean }) {
  return (
    <button
      type="button"
      className={`palette-item${place(hidden)}`}
      data-tool={action.id}
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

function ToolButton({ action, ctx, hidden }: { action: Action; ctx: ActionContext; hidden: boolean }) {
  // The layout runs in a worker for a while: the button says so.
  const busy = action.id === 'auto-layout' && ctx.layoutRunning;
  return (
    <button
      type="button"
      className={`palette-item${place(hidden)}`}
      data-tool={action.id}
      onClick={() => runAction(action.id)}
      disabled={!action.enabled(ctx)}
      aria-label={action.label}
      aria-haspopup={action.opensDialog ? 'dialog' : undefined}
      title={tooltip(action, ctx)}
    >
      {action.id === 'add-lane' ? (
        <><span aria-hidden className="lane-icon" /> {action.short ?? action.label}</>
      ) : (
        <>{busy ? <span className="spinner" aria-hidden /> : <span aria-hidden>{action.icon}</span>} <span>{busy ? 'Laying out…' : action.short ?? action.label}</span></>
      )}
    </button>
  );
}
