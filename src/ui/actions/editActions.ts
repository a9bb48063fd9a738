import { canRedo, canUndo, getMap } from '../../state/documentStore';
import * as A from '../../state/editorActions';
import { reverseFlow } from '../../state/flowActions';
import { moveLane } from '../../state/laneActions';
import { confirmLaneDelete } from '../common/confirm';
import { askComment } from '../inspector/StepComments';
import { setPanel } from '../shell/panels';
import { defineAction } from './keys';
import type { ActionContext, KeyCombo } from './types';

// Editing what is selected: its label, deleting it, the clipboard, undo and redo; and the
// lane and flow edits a menu offers on them.

const hasMap = (ctx: ActionContext) => ctx.mapId !== null;
const hasNodes = (ctx: ActionContext) => ctx.mapId !== null && ctx.selection.nodeIds.length > 0;
const oneFlow = (ctx: ActionContext) => (ctx.selection.flowIds.length === 1 && ctx.selection.nodeIds.length === 0 ? ctx.selection.flowIds[0]! : null);

/** Undo or redo in the open map (and the workspace edits made beside it), named for what it takes back. */
function historyAction(dir: 'undo' | 'redo', keys: KeyCombo[]) {
  const peek = dir === 'undo' ? canUndo : canRedo;
  const verb = dir === 'undo' ? 'Undo' : 'Redo';
  return defineAction({
    id: dir,
    label: verb,
    icon: dir === 'undo' ? '↶' : '↷',
    description: verb,
    group: 'edit',
    keys,
    targets: ['canvas'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && !!peek(ctx.history, ctx.mapId),
    describe: (ctx) => {
      const entry = peek(ctx.history, ctx.mapId);
      return entry ? A.historyMessage(verb, entry, ctx.mapId) : `Nothing to ${dir}`;
    },
    perform: dir === 'undo' ? A.undo : A.redo,
  });
}

export const editActions = [
  defineAction({
    id: 'edit-label',
    label: 'Edit label',
    description: 'Edit the label; Enter keeps it, Escape cancels',
    group: 'edit',
    keys: [{ key: 'F2', shift: 'any' }, { key: 'Enter' }],
    pointer: 'double-click',
    targets: ['node', 'lane', 'flow'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && (ctx.selection.nodeIds.length === 1 || oneFlow(ctx) !== null || ctx.selection.laneId !== null),
    perform: () => A.startEditing(),
  }),
  defineAction({
    id: 'comment',
    label: 'Comment…',
    description: 'Comment on the selected step: the inspector’s comment box takes the typing (Ctrl+Enter sends)',
    group: 'edit',
    keys: [{ key: 'c' }],
    targets: ['node'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && ctx.selection.nodeIds.length === 1 && ctx.selection.flowIds.length === 0 && getMap(ctx.mapId)?.nodes.find((n) => n.id === ctx.selection.nodeIds[0])?.kind !== 'note',
    perform: () => {
      // The box is in the inspector: unfold it first.
      setPanel('sideHidden', false);
      askComment();
    },
  }),
  defineAction({
    id: 'delete',
    label: 'Delete',
    description: 'Delete the selection',
    group: 'edit',
    keys: [{ key: 'Delete', shift: 'any' }, { key: 'Backspace', shift: 'any' }],
    targets: ['node', 'lane', 'flow'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && (ctx.selection.nodeIds.length > 0 || ctx.selection.flowIds.length > 0 || ctx.selection.laneId !== null),
    perform: () => A.deleteSelection(confirmLaneDelete),
  }),
  historyAction('undo', [{ key: 'z', mod: true }]),
  historyAction('redo', [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }]),
  // Without nodes selected, Ctrl+C is left to the browser (copying text on the page).
  defineAction({ id: 'copy', label: 'Copy', description: 'Copy the selected nodes', group: 'edit', keys: [{ key: 'c', mod: true }], targets: ['node'], enabled: hasNodes, perform: () => void A.copySelection() }),
  defineAction({ id: 'cut', label: 'Cut', description: 'Cut the selected nodes: copied, then deleted (Ctrl+V puts them back)', group: 'edit', keys: [{ key: 'x', mod: true }], targets: ['node'], edits: true, enabled: hasNodes, perform: () => A.cutSelection() }),
  defineAction({ id: 'paste', label: 'Paste', description: 'Paste what was copied, a little offset', group: 'edit', keys: [{ key: 'v', mod: true }], targets: ['canvas'], edits: true, enabled: hasMap, perform: () => A.paste() }),
  // Taken even with nothing selected, so Ctrl+D never opens the browser's bookmark dialog here.
  defineAction({ id: 'duplicate', label: 'Duplicate', description: 'Duplicate the selected nodes', group: 'edit', keys: [{ key: 'd', mod: true }], targets: ['node'], edits: true, enabled: hasMap, perform: () => A.duplicateSelection() }),
  defineAction({
    id: 'move-lane-up',
    label: 'Move lane up',
    description: 'Move the selected lane above the one before it',
    group: 'edit',
    targets: ['lane'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && ctx.selection.laneId !== null,
    perform: (ctx) => void moveLane(ctx.mapId!, ctx.selection.laneId!, -1),
  }),
  defineAction({
    id: 'move-lane-down',
    label: 'Move lane down',
    description: 'Move the selected lane below the one after it',
    group: 'edit',
    targets: ['lane'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && ctx.selection.laneId !== null,
    perform: (ctx) => void moveLane(ctx.mapId!, ctx.selection.laneId!, 1),
  }),
  defineAction({
    id: 'reverse-flow',
    label: 'Reverse direction',
    description: 'Turn the selected flow round',
    group: 'edit',
    targets: ['flow'],
    edits: true,
    enabled: (ctx) => ctx.mapId !== null && oneFlow(ctx) !== null,
    perform: (ctx) => void reverseFlow(ctx.mapId!, oneFlow(ctx)!),
  }),
];
