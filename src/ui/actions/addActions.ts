import type { NodeKind } from '../../core/model/types';
import { isControlKind, NODE_KIND_LABEL } from '../../core/model/vocabulary';
import { addLane, addNodeOfKind } from '../../state/editorActions';
import { defineAction } from './keys';
import type { Action, ActionContext } from './types';

// Drawing: a lane, and a node of each kind. A node added from the keyboard or the toolbar goes
// after the selected node, connected to it, so a process can be typed in step by step.

const hasMap = (ctx: ActionContext) => ctx.mapId !== null;

export const addLaneAction = defineAction({
  id: 'add-lane',
  label: 'Add lane',
  short: 'Lane',
  description: 'Add a lane (below the selected one), its name ready to type',
  group: 'draw',
  keys: [{ key: 'l' }],
  targets: ['canvas', 'lane'],
  edits: true,
  enabled: hasMap,
  perform: () => void addLane(),
});

/** The toolbar's order, each kind with its key. */
const KIND_KEYS: [NodeKind, string][] = [
  ['step', 's'],
  ['decision', 'd'],
  ['start', 'b'],
  ['end', 'e'],
  ['dataStore', 't'],
  ['system', 'y'],
  ['document', 'o'],
  ['note', 'n'],
];

function describeAdd(kind: NodeKind): string {
  const what = `Add ${kind === 'end' ? 'an' : 'a'} ${NODE_KIND_LABEL[kind].toLowerCase()}`;
  if (kind === 'note') return what;
  return isControlKind(kind) ? `${what} after the selected node, connected` : `${what}, connected to the selected step`;
}

/** One action per node kind, with the kind it adds (the toolbar drags that kind onto lanes). */
export const addKindActions: { kind: NodeKind; action: Action }[] = KIND_KEYS.map(([kind, key]) => ({
  kind,
  action: defineAction({
    id: `add-${kind}`,
    label: `Add ${NODE_KIND_LABEL[kind].toLowerCase()}`,
    // "Store": the toolbar's words are short enough for one row at 1366 px.
    short: kind === 'dataStore' ? 'Store' : NODE_KIND_LABEL[kind],
    description: describeAdd(kind),
    group: 'draw',
    keys: [{ key }],
    targets: ['canvas', 'node', 'lane'],
    edits: true,
    enabled: hasMap,
    perform: () => void addNodeOfKind(kind),
  }),
}));
