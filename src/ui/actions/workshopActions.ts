import { togglePresent } from '../editor/presentMode';
import { toggleStepList } from '../steplist/stepListOpen';
import { defineAction } from './keys';
import type { ActionContext } from './types';

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
];
