import { canRedo, canUndo } from '../../state/documentStore';
import { stepCatalogueHistory } from '../../state/catalogueActions';
import { defineAction } from './keys';

// Undo and redo on the catalogue screen: its edits are the workspace's, apart from any map's.

export const catalogueActions = [
  defineAction({
    id: 'catalogue-undo',
    label: 'Undo',
    description: 'Undo the last catalogue edit (in a cell with a change not yet kept, the cell’s own undo)',
    group: 'catalogue',
    keys: [{ key: 'z', mod: true }],
    screens: ['catalogue'],
    edits: true,
    enabled: (ctx) => !!canUndo(ctx.history, null),
    perform: () => stepCatalogueHistory('undo'),
  }),
  defineAction({
    id: 'catalogue-redo',
    label: 'Redo',
    description: 'Redo the last catalogue edit undone',
    group: 'catalogue',
    keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }],
    screens: ['catalogue'],
    edits: true,
    enabled: (ctx) => !!canRedo(ctx.history, null),
    perform: () => stepCatalogueHistory('redo'),
  }),
];
