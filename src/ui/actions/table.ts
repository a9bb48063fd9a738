import { addKindActions, addLaneAction } from './addActions';
import { catalogueActions } from './catalogueUndo';
import { actionContext } from './context';
import { editActions } from './editActions';
import { keyText } from './keys';
import { selectActions } from './selectActions';
import { ACTION_GROUPS, type Action, type ActionContext, type ActionGroup, type KeyLike, type TargetKind } from './types';
import { viewActions } from './viewActions';
import { workshopActions } from './workshopActions';

// The one table of actions. The keyboard listener, the toolbar, the shortcuts dialog and
// (to come) the context menu are all generated from it.

export const ACTIONS: readonly Action[] = [
  addLaneAction,
  ...addKindActions.map((a) => a.action),
  ...editActions,
  ...selectActions,
  ...viewActions,
  ...workshopActions,
  ...catalogueActions,
];

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: string): Action {
  const a = byId.get(id);
  if (!a) throw new Error(`No action "${id}" in the table`);
  return a;
}

/** The action a key runs here and now, if any (the table lets no two claim one key on a screen). */
export function keyAction(e: KeyLike, ctx: ActionContext): Action | undefined {
  return ACTIONS.find((a) => a.keyTest(e) && a.enabled(ctx));
}

/** Run an action from a click: asked again first, since the state may have moved on since the button was drawn. */
export function runAction(id: string): void {
  const a = actionById(id);
  const ctx = actionContext();
  if (a.enabled(ctx)) a.perform(ctx);
}

/** Its tooltip: what it does now, with its keys when it can be done. */
export function tooltip(a: Action, ctx: ActionContext): string {
  const what = a.describe?.(ctx) ?? a.description;
  const keys = keyText(a);
  return keys && a.enabled(ctx) ? `${what} (${keys})` : what;
}

/** How to do an action from the keyboard, for hints in the text of the page ("Press S to…"). */
export function shortcutOf(id: string): string {
  return keyText(actionById(id)) ?? '';
}

export interface ShortcutRow {
  id: string;
  keys: string;
  what: string;
}

/** The shortcuts dialog's content: every action with keys, in sections. */
export function shortcutGroups(): { group: ActionGroup; title: string; rows: ShortcutRow[] }[] {
  return (Object.keys(ACTION_GROUPS) as ActionGroup[]).map((group) => ({
    group,
    title: ACTION_GROUPS[group],
    rows: ACTIONS.filter((a) => a.group === group && a.keys.length > 0).map((a) => ({
      id: a.id,
      keys: a.pointer ? `${keyText(a)} or ${a.pointer}` : keyText(a)!,
      what: a.description,
    })),
  }));
}

/**
 * A context menu's items for what it was opened on, each with whether it can be done. The
 * menu selects its target first, so each action works on the selection as its keys do.
 */
export function menuFor(target: TargetKind, ctx: ActionContext): MenuItem[] {
  return ACTIONS.filter((a) => a.targets.includes(target) && a.screens.includes(ctx.screen)).map((a) => menuItem(a, ctx));
}

export interface MenuItem {
  action: Action;
  enabled: boolean;
  keys?: string;
}

/** A menu of these actions (the toolbar's "More"), each with whether it can be done. */
export const menuOf = (ids: readonly string[], ctx: ActionContext): MenuItem[] => ids.map((id) => menuItem(actionById(id), ctx));

const menuItem = (action: Action, ctx: ActionContext): MenuItem => ({ action, enabled: action.enabled(ctx) && !(action.edits && ctx.readOnly), keys: keyText(action) });
