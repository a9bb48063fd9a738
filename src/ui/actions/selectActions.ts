import type { WalkDirection } from '../../core/drawing/nodeWalk';
import * as A from '../../state/editorActions';
import { isPresenting, leavePresent } from '../editor/presentMode';
import { revealNode } from './canvasView';
import { defineAction } from './keys';
import type { ActionContext, KeyCombo } from './types';

// Selecting, and moving what is selected with the keys.

const hasMap = (ctx: ActionContext) => ctx.mapId !== null;

const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
/** Ctrl+arrows nudge the selection; Ctrl+Shift+arrows size it (Right and Down grow it, Left and Up shrink it); plain arrows walk from node to node. */
const NUDGE_KEYS: KeyCombo[] = Object.keys(NUDGE).map((key) => ({ key, mod: true }));
const RESIZE_KEYS: KeyCombo[] = Object.keys(NUDGE).map((key) => ({ key, mod: true, shift: true }));
const RESIZE_STEP = 10;
const WALK: Record<string, WalkDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const WALK_KEYS: KeyCombo[] = Object.keys(WALK).map((key) => ({ key }));

export const selectActions = [
  defineAction({ id: 'select-all', label: 'Select all', description: 'Select all nodes', group: 'select', keys: [{ key: 'a', mod: true }], targets: ['canvas'], enabled: hasMap, perform: () => A.selectAll() }),
  defineAction({
    id: 'clear-selection',
    label: 'Clear the selection',
    description: 'Clear the selection; in presentation mode, leave it',
    group: 'select',
    keys: [{ key: 'Escape', shift: 'any' }],
    enabled: (ctx) => hasMap(ctx) || isPresenting(),
    perform: () => (isPresenting() ? leavePresent() : A.selectNothing()),
  }),
  // Taken with nothing selected too: the arrows never scroll the page under the map.
  defineAction({
    id: 'walk',
    label: 'Select the next node',
    description: 'Select the next node along the flows (Right, Left) or in the lane above or below (Up, Down)',
    group: 'select',
    keys: WALK_KEYS,
    keyText: 'Arrow keys',
    enabled: hasMap,
    perform: (ctx) => {
      const dir = WALK[ctx.event?.key ?? ''];
      const id = dir ? A.walkSelection(dir) : null;
      if (id) revealNode(id);
    },
  }),
  defineAction({
    id: 'nudge',
    label: 'Nudge',
    description: 'Nudge the selection 10 px',
    group: 'select',
    keys: NUDGE_KEYS,
    keyText: 'Ctrl+Arrow keys',
    edits: true,
    enabled: hasMap,
    perform: (ctx) => {
      const [x, y] = NUDGE[ctx.event?.key ?? ''] ?? [0, 0];
      const step = 10;
      if (x || y) A.nudge(x * step, y * step);
    },
  }),
  defineAction({
    id: 'resize',
    label: 'Resize',
    description: 'Make the selected nodes wider (Right), narrower (Left), taller (Down) or shorter (Up) by 10 px',
    group: 'select',
    keys: RESIZE_KEYS,
    keyText: 'Ctrl+Shift+Arrow keys',
    pointer: 'drag a handle of the selected node',
    edits: true,
    enabled: hasMap,
    perform: (ctx) => {
      const [x, y] = NUDGE[ctx.event?.key ?? ''] ?? [0, 0];
      if (x || y) A.resizeSelection(x * RESIZE_STEP, y * RESIZE_STEP);
    },
  }),
  defineAction({
    id: 'to-lane-above',
    label: 'Move to the lane above',
    description: 'Move the selection to the lane above',
    group: 'select',
    keys: [{ key: 'ArrowUp', alt: true, shift: 'any' }],
    targets: ['node'],
    edits: true,
    enabled: hasMap,
    perform: () => A.moveSelectionToLane(-1),
  }),
  defineAction({
    id: 'to-lane-below',
    label: 'Move to the lane below',
    description: 'Move the selection to the lane below',
    group: 'select',
    keys: [{ key: 'ArrowDown', alt: true, shift: 'any' }],
    targets: ['node'],
    edits: true,
    enabled: hasMap,
    perform: () => A.moveSelectionToLane(1),
  }),
];
