import { openShare } from '../live/shareOpen';
import { autoLayout } from '../../state/layoutActions';
import { openExport } from '../export/ExportDialogHost';
import { openHistory } from '../history/historyOpen';
import { openFind } from '../find/findOpen';
import { openShortcuts } from '../shell/shortcutsOpen';
import { nextTheme, THEME_CHOICES } from '../shell/theme';
import { useUi } from '../../state/uiStore';
import { zoomCanvas, zoomToFit } from './canvasView';
import { defineAction } from './keys';
import type { ActionContext } from './types';

// The map as a whole and the view of it: layout, zoom, its history, export, and this list.

const hasMap = (ctx: ActionContext) => ctx.mapId !== null;

export const viewActions = [
  defineAction({
    id: 'auto-layout',
    label: 'Auto layout',
    short: 'Layout',
    icon: '⊞',
    description: 'Lay the map out: lanes kept, flows left to right',
    group: 'view',
    keys: [{ key: 'l', shift: true }],
    targets: ['canvas'],
    edits: true,
    enabled: (ctx) => hasMap(ctx) && !ctx.layoutRunning,
    perform: (ctx) => void autoLayout(ctx.mapId!),
  }),
  defineAction({
    id: 'zoom-to-fit',
    label: 'Zoom to fit',
    short: 'Fit',
    icon: '⤢',
    description: 'Zoom to fit: the whole map when its text stays readable, else the start of its flow (press again for the whole)',
    group: 'view',
    // '!' wherever the layout puts it, and Shift with the 1 key where Shift+1 is not '!'.
    keys: [{ key: '!', shift: 'any' }, { key: '!', code: 'Digit1', shift: true }],
    keyText: 'Shift+1',
    targets: ['canvas'],
    enabled: hasMap,
    perform: (ctx) => zoomToFit(ctx.mapId ?? undefined),
  }),
  defineAction({
    id: 'zoom-in',
    label: 'Zoom in',
    description: 'Zoom in on the map',
    group: 'view',
    // '+' shares its key with '=' on most layouts; either, by the key or where it sits.
    keys: [{ key: '=', mod: true, shift: 'any' }, { key: '+', mod: true, shift: 'any' }, { key: '=', code: 'Equal', mod: true, shift: 'any' }],
    keyText: 'Ctrl+=',
    enabled: hasMap,
    perform: () => zoomCanvas('in'),
  }),
  defineAction({
    id: 'zoom-out',
    label: 'Zoom out',
    description: 'Zoom out of the map',
    group: 'view',
    keys: [{ key: '-', mod: true, shift: 'any' }, { key: '-', code: 'Minus', mod: true, shift: 'any' }],
    keyText: 'Ctrl+-',
    enabled: hasMap,
    perform: () => zoomCanvas('out'),
  }),
  defineAction({
    id: 'zoom-actual',
    label: 'Actual size',
    description: 'Zoom the map to actual size',
    group: 'view',
    keys: [{ key: '0', mod: true }, { key: '0', code: 'Digit0', mod: true }],
    keyText: 'Ctrl+0',
    enabled: hasMap,
    perform: () => zoomCanvas('actual'),
  }),
  defineAction({
    id: 'history',
    label: 'History…',
    description: 'History of this map: view and restore saved versions',
    group: 'view',
    keys: [{ key: 'h' }],
    targets: ['canvas'],
    opensDialog: true,
    enabled: hasMap,
    perform: (ctx) => openHistory(ctx.mapId!),
  }),
  defineAction({
    id: 'export',
    label: 'Export…',
    short: 'Export',
    icon: '⇩',
    description: 'Export pictures or a report',
    group: 'view',
    keys: [{ key: 'e', mod: true, shift: true }],
    targets: ['canvas'],
    opensDialog: true,
    enabled: hasMap,
    perform: () => openExport(),
  }),
  defineAction({
    id: 'find',
    label: 'Find…',
    description: 'Find steps, systems and stores in all maps',
    group: 'view',
    keys: [{ key: 'f', mod: true }],
    opensDialog: true,
    enabled: hasMap,
    perform: () => openFind(),
  }),
  defineAction({
    id: 'theme',
    label: 'Theme',
    description: 'Colours of the page and the map: System, Light, Dark or High contrast (the key steps to the next)',
    group: 'view',
    keys: [{ key: 't', shift: true }],
    screens: ['map', 'catalogue', 'landscape', 'requirements', 'compare'],
    perform: () => {
      const next = nextTheme();
      useUi.getState().toast({ tone: 'info', message: `Theme: ${THEME_CHOICES.find((c) => c.id === next)!.label}` });
    },
  }),
  defineAction({
    id: 'share',
    label: 'Share…',
    description: 'Share this workspace with a link, see who is here, stop sharing',
    group: 'view',
    keys: [{ key: 's', mod: true, shift: true }],
    screens: ['map', 'catalogue', 'landscape', 'requirements', 'compare'],
    opensDialog: true,
    perform: () => openShare(),
  }),
  defineAction({
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    description: 'This list',
    group: 'view',
    keys: [{ key: '?', shift: 'any' }],
    screens: ['map', 'catalogue', 'landscape', 'compare'],
    opensDialog: true,
    perform: () => openShortcuts(),
  }),
];
