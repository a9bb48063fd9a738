import { laneNodeId } from '../editor/buildElements';
import { openContextMenu } from '../editor/contextMenuOpen';
import { togglePresent } from '../editor/presentMode';
import { toggleStepList } from '../steplist/stepListOpen';
import { defineAction } from './keys';
import type { ActionContext, TargetKind } from './types';

// Working in a room: typing a process as a list, showing the map on a projector.

const hasMap = (ctx: ActionContext) => ctx.mapId !== null;

export const workshopActions = [
  defineAction({
    id: 'step-list',
    label: 'Step list',
    icon: '☰',
    description: 'Type the process as a list, one step a line, and apply it to the map',
    group: 'draw',
    keys: [{ key: 's', shift: true }],
    targets: ['canvas'],
    enabled: hasMap,
    perform: () => toggleStepList(),
  }),
  defineAction({
    id: 'present',
    label: 'Present',
    icon: '▶',
    description: 'Present: the map fills the window, its text large enough for a projector (Escape leaves)',
    group: 'view',
    keys: [{ key: 'p' }],
    targets: ['canvas'],
    enabled: hasMap,
    perform: () => togglePresent(),
  }),
  defineAction({
    id: 'open-menu',
    label: 'Menu',
    description: 'Open the menu of what is selected (as a right-click does)',
    group: 'edit',
    keys: [{ key: 'F10', shift: true }, { key: 'ContextMenu', shift: 'any' }],
    pointer: 'right-click',
    enabled: hasMap,
    perform: (ctx) => {
      const s = ctx.selection;
      const target: TargetKind = s.nodeIds.length ? 'node' : s.flowIds.length ? 'flow' : s.laneId ? 'lane' : 'canvas';
      const id = s.nodeIds[0] ?? s.flowIds[0] ?? (s.laneId ? laneNodeId(s.laneId) : null);
      // Beside what it acts on, or in the middle of the canvas.
      const el = (id && document.querySelector(`.canvas [data-id="${CSS.escape(id)}"]`)) || document.querySelector('.canvas');
      const r = el?.getBoundingClientRect();
      openContextMenu({ x: r ? r.left + Math.min(r.width / 2, 120) : 200, y: r ? r.top + Math.min(r.height / 2, 60) : 200, target });
    },
  }),
];
