import type { Action, ActionContext, ActionSpec, KeyCombo, KeyLike } from './types';

// Keys as the table writes them: matched against keydown events, and read out for people.

export function comboMatches(k: KeyCombo, e: KeyLike): boolean {
  const hit = e.key.toLowerCase() === k.key.toLowerCase() || (k.code !== undefined && e.code === k.code);
  if (!hit || !!k.mod !== (e.ctrlKey || e.metaKey) || !!k.alt !== e.altKey) return false;
  const shift = k.shift ?? false;
  return shift === 'any' || shift === e.shiftKey;
}

const KEY_NAMES: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', ' ': 'Space' };

export function comboText(k: KeyCombo): string {
  const name = KEY_NAMES[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key);
  return [k.mod && 'Ctrl', k.shift === true && 'Shift', k.alt && 'Alt', name].filter(Boolean).join('+');
}

/** "Ctrl+Shift+Z / Ctrl+Y", or undefined for an action without keys. */
export function keyText(a: Pick<Action, 'keys' | 'keyText'>): string | undefined {
  if (a.keyText) return a.keyText;
  return a.keys.length ? [...new Set(a.keys.map(comboText))].join(' / ') : undefined;
}

/** A table entry made whole: its key test from its keys, its screens part of when it is enabled. */
export function defineAction(spec: ActionSpec): Action {
  const keys = spec.keys ?? [];
  const screens = spec.screens ?? ['map'];
  const when = spec.enabled;
  return {
    ...spec,
    keys,
    screens,
    targets: spec.targets ?? [],
    edits: spec.edits ?? false,
    keyTest: (e: KeyLike) => keys.some((k) => comboMatches(k, e)),
    enabled: (ctx: ActionContext) => screens.includes(ctx.screen) && (when ? when(ctx) : true),
  };
}
