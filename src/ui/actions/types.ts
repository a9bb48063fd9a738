import type { History } from '../../core/commands';
import type { Id } from '../../core/model/types';
import type { Selection } from '../../state/uiStore';
import type { Screen } from '../shell/useHashRoute';

// The shape of the one table of actions (after excalidraw's actions): the keyboard, the
// toolbar, the shortcuts dialog and menus all read these objects, so a key, a label or a rule
// about when something may be done is written once.

/** What a keydown event tells the table (a plain object will do in tests). */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** One key or combination an action answers to. */
export interface KeyCombo {
  /** KeyboardEvent.key: a letter (either case), a named key ('F2', 'ArrowUp') or a sign ('?'). */
  key: string;
  /** Also this physical key (KeyboardEvent.code): a sign sits on other keys in other layouts. */
  code?: string;
  /** Ctrl, or Cmd on a Mac. */
  mod?: boolean;
  alt?: boolean;
  /** Shift held (true), not held (false, the default) or either ('any'). */
  shift?: boolean | 'any';
}

/** What a context menu can be opened on: a node (step, decision, store…), a lane, a flow, the empty canvas. */
export type TargetKind = 'node' | 'lane' | 'flow' | 'canvas';

/** The sections of the shortcuts dialog, in the order shown. */
export const ACTION_GROUPS = {
  draw: 'Drawing',
  edit: 'Editing',
  select: 'Selecting and moving',
  view: 'The map and the view',
  catalogue: 'On the catalogue',
} as const;
export type ActionGroup = keyof typeof ACTION_GROUPS;

/** What an action may look at to decide whether it can run, and what to run on. */
export interface ActionContext {
  screen: Screen;
  /** The map open in the editor (on the map screen, once the workspace is loaded), else null. */
  mapId: Id | null;
  selection: Selection;
  history: History;
  /** Another tab edits the open map: edits are refused here, with a message that says so. */
  readOnly: boolean;
  layoutRunning: boolean;
  /** The key that asked for the action, when it was the keyboard. */
  event?: KeyLike;
}

export interface Action {
  id: string;
  /** The name of its button or menu item: "Add step". */
  label: string;
  /** What it does, for the shortcuts dialog and tooltips. */
  description: string;
  group: ActionGroup;
  /** The screens it works on. */
  screens: readonly Screen[];
  keys: readonly KeyCombo[];
  /** How its keys read, where the combinations themselves read badly ("Arrow keys"). */
  keyText?: string;
  /** The same thing done with the mouse, named beside the keys ("double-click"). */
  pointer?: string;
  /** What a context menu must be opened on to offer it (none: never in a menu). */
  targets: readonly TargetKind[];
  /** It changes the document: a menu greys it out in a read-only tab (the keyboard still asks, so the refusal is explained). */
  edits: boolean;
  /** Its button opens a dialog (aria-haspopup). */
  opensDialog?: boolean;
  /** Glyph shown on its toolbar button. */
  icon?: string;
  /** Short text on its toolbar button, where the label is long. */
  short?: string;
  keyTest(event: KeyLike): boolean;
  enabled(ctx: ActionContext): boolean;
  /** What it does now, when that depends on the state ("Undo add step"); else the description. */
  describe?(ctx: ActionContext): string;
  perform(ctx: ActionContext): void;
}

/** An action as written in the table: keys, targets and screens default to none and the map screen. */
export type ActionSpec = Omit<Action, 'keys' | 'targets' | 'screens' | 'edits' | 'keyTest' | 'enabled'> &
  Partial<Pick<Action, 'keys' | 'targets' | 'screens' | 'edits'>> & { enabled?: (ctx: ActionContext) => boolean };
