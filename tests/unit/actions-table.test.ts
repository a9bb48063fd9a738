import { describe, expect, test } from 'vitest';
import { emptyHistory, recordEntry, scopeKey } from '../../src/core/commands';
import { isTyping } from '../../src/ui/actions/isTyping';
import { keyText } from '../../src/ui/actions/keys';
import { ACTIONS, actionById, keyAction, menuFor, shortcutGroups } from '../../src/ui/actions/table';
import type { ActionContext, KeyCombo, KeyLike } from '../../src/ui/actions/types';
import type { Screen } from '../../src/ui/shell/useHashRoute';

const SCREENS: Screen[] = ['map', 'catalogue', 'landscape', 'compare'];
const noSelection = { nodeIds: [], flowIds: [], laneId: null };

function ctx(over: Partial<ActionContext> = {}): ActionContext {
  return { screen: 'map', mapId: 'm1', selection: noSelection, history: emptyHistory(), readOnly: false, layoutRunning: false, ...over };
}

function key(k: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

/** Every keydown a combination stands for: both Shift states where it takes either, by key and by physical key. */
function eventsOf(c: KeyCombo): KeyLike[] {
  const shifts = c.shift === 'any' ? [false, true] : [c.shift === true];
  return shifts.flatMap((shiftKey) => {
    const base = { ctrlKey: !!c.mod, metaKey: false, altKey: !!c.alt, shiftKey };
    return [{ ...base, key: c.key, code: '' }, ...(c.code ? [{ ...base, key: 'Unidentified', code: c.code }] : [])];
  });
}

describe('the action table', () => {
  test('ids are unique', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
  });

  test('no two actions claim the same key on the same screen', () => {
    const clashes: string[] = [];
    for (const a of ACTIONS)
      for (const combo of a.keys)
        for (const e of eventsOf(combo))
          for (const screen of a.screens) {
            const claimants = ACTIONS.filter((b) => b.screens.includes(screen) && b.keyTest(e)).map((b) => b.id);
            if (claimants.length !== 1) clashes.push(`${JSON.stringify(e)} on ${screen}: ${claimants.join(', ')}`);
          }
    expect(clashes).toEqual([]);
  });

  test('every action with a key is in the shortcuts list once, with its keys; nothing else is', () => {
    const rows = shortcutGroups().flatMap((g) => g.rows);
    const keyed = ACTIONS.filter((a) => a.keys.length > 0);
    expect(rows.map((r) => r.id).sort()).toEqual(keyed.map((a) => a.id).sort());
    for (const a of keyed) expect(rows.find((r) => r.id === a.id)!.keys).toContain(keyText(a));
    expect(rows.every((r) => r.keys && r.what)).toBe(true);
  });

  test('the shortcuts list reads as people write keys', () => {
    const rows = new Map(shortcutGroups().flatMap((g) => g.rows).map((r) => [r.id, r.keys]));
    expect(rows.get('add-step')).toBe('S');
    expect(rows.get('auto-layout')).toBe('Shift+L');
    expect(rows.get('redo')).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(rows.get('export')).toBe('Ctrl+Shift+E');
    expect(rows.get('to-lane-above')).toBe('Alt+Up');
    expect(rows.get('zoom-to-fit')).toBe('Shift+1');
    expect(rows.get('edit-label')).toBe('F2 / Enter or double-click');
    expect(rows.get('delete')).toBe('Delete / Backspace');
  });
});

describe('which action a key runs', () => {
  const run = (e: KeyLike, c = ctx()) => keyAction(e, c)?.id;

  test('the editor keys, on the map screen with a map open', () => {
    expect(run(key('s'))).toBe('add-step');
    expect(run(key('S'))).toBe('add-step'); // Caps Lock on
    expect(run(key('S', { shiftKey: true }))).toBe('step-list'); // not a step: Shift+S opens the step list
    expect(run(key('l'))).toBe('add-lane');
    expect(run(key('L', { shiftKey: true }))).toBe('auto-layout');
    expect(run(key('!', { shiftKey: true, code: 'Digit1' }))).toBe('zoom-to-fit');
    // A layout where Shift+1 gives another sign, and one where '!' needs no Shift.
    expect(run(key('§', { shiftKey: true, code: 'Digit1' }))).toBe('zoom-to-fit');
    expect(run(key('!', { code: 'Slash' }))).toBe('zoom-to-fit');
    expect(run(key('1', { code: 'Digit1' }))).toBeUndefined();
    expect(run(key('h'))).toBe('history');
    expect(run(key('H', { shiftKey: true }))).toBeUndefined();
    expect(run(key('E', { ctrlKey: true, shiftKey: true }))).toBe('export');
    expect(run(key('a', { metaKey: true }))).toBe('select-all');
    expect(run(key('ArrowUp', { altKey: true }))).toBe('to-lane-above');
    // The arrows walk the map; with Ctrl they nudge, with Ctrl+Shift they size the selection.
    expect(run(key('ArrowUp'))).toBe('walk');
    expect(run(key('ArrowUp', { shiftKey: true }))).toBeUndefined();
    expect(run(key('ArrowUp', { ctrlKey: true }))).toBe('nudge');
    expect(run(key('ArrowUp', { ctrlKey: true, shiftKey: true }))).toBe('resize');
    expect(run(key('Enter'))).toBeUndefined();
    expect(run(key('Enter'), ctx({ selection: { ...noSelection, nodeIds: ['n1'] } }))).toBe('edit-label');
    expect(run(key('Escape'))).toBe('clear-selection');
    expect(run(key('=', { ctrlKey: true, code: 'Equal' }))).toBe('zoom-in');
    expect(run(key('+', { ctrlKey: true, shiftKey: true, code: 'Equal' }))).toBe('zoom-in');
    expect(run(key('-', { ctrlKey: true, code: 'Minus' }))).toBe('zoom-out');
    expect(run(key('0', { ctrlKey: true, code: 'Digit0' }))).toBe('zoom-actual');
    expect(run(key('0', { code: 'Digit0' }))).toBeUndefined();
  });

  test('keys that need something to act on are left to the browser without it', () => {
    expect(run(key('c', { ctrlKey: true }))).toBeUndefined();
    expect(run(key('c', { ctrlKey: true }), ctx({ selection: { ...noSelection, nodeIds: ['n1'] } }))).toBe('copy');
    expect(run(key('Delete'))).toBeUndefined();
    expect(run(key('Delete'), ctx({ selection: { ...noSelection, laneId: 'l1' } }))).toBe('delete');
    expect(run(key('z', { ctrlKey: true }))).toBeUndefined();
    expect(run(key('L', { shiftKey: true }), ctx({ layoutRunning: true }))).toBeUndefined();
  });

  test('Ctrl+Z undoes the map on the map screen and the catalogue on the catalogue screen', () => {
    const edit = (scope: string) => recordEntry(emptyHistory(), { name: 'x', title: 'X', scope, changes: [], at: 0 });
    const undo = key('z', { ctrlKey: true });
    expect(run(undo, ctx({ history: edit(scopeKey({ kind: 'map', mapId: 'm1' })) }))).toBe('undo');
    expect(run(undo, ctx({ screen: 'catalogue', mapId: null, history: edit(scopeKey({ kind: 'workspace' })) }))).toBe('catalogue-undo');
    expect(run(key('y', { ctrlKey: true }), ctx({ screen: 'catalogue', mapId: null }))).toBeUndefined();
  });

  test('off the editor, or before a map is open, the editor keys do nothing; ? works everywhere', () => {
    for (const screen of SCREENS.filter((s) => s !== 'map')) {
      expect(run(key('s'), ctx({ screen, mapId: null }))).toBeUndefined();
      expect(run(key('h'), ctx({ screen, mapId: null }))).toBeUndefined();
      expect(run(key('?', { shiftKey: true }), ctx({ screen, mapId: null }))).toBe('shortcuts');
    }
    expect(run(key('s'), ctx({ mapId: null }))).toBeUndefined();
  });
});

describe('menus from the table', () => {
  test('a lane offers its own edits; a read-only tab greys out edits but not looking', () => {
    const lane = ctx({ selection: { ...noSelection, laneId: 'l1' } });
    const ids = menuFor('lane', lane).map((i) => i.action.id);
    expect(ids).toEqual(expect.arrayContaining(['edit-label', 'delete', 'move-lane-up', 'move-lane-down', 'add-lane']));
    expect(ids).not.toContain('reverse-flow');
    expect(menuFor('lane', lane).every((i) => i.enabled)).toBe(true);
    const canvas = menuFor('canvas', { ...lane, readOnly: true });
    expect(canvas.find((i) => i.action.id === 'add-step')!.enabled).toBe(false);
    expect(canvas.find((i) => i.action.id === 'zoom-to-fit')).toMatchObject({ enabled: true, keys: 'Shift+1' });
  });

  test('a flow offers reversing it, only when one flow is selected', () => {
    const flow = ctx({ selection: { ...noSelection, flowIds: ['f1'] } });
    expect(menuFor('flow', flow).find((i) => i.action.id === 'reverse-flow')!.enabled).toBe(true);
    expect(actionById('reverse-flow').enabled(ctx({ selection: { ...noSelection, flowIds: ['f1', 'f2'] } }))).toBe(false);
  });
});

describe('isTyping: when keys belong to a text box', () => {
  type Fake = { tagName: string; parentElement: Fake | null; getAttribute: (n: string) => string | null; hasAttribute: (n: string) => boolean };
  const el = (tag: string, attrs: Record<string, string> = {}, parent: Fake | null = null): Fake => ({
    tagName: tag.toUpperCase(),
    parentElement: parent,
    getAttribute: (n) => attrs[n] ?? null,
    hasAttribute: (n) => n in attrs,
  });
  const body = el('body');
  const typing = (target: unknown, k = key('s')) => isTyping({ ...k, target: target as EventTarget });

  test('a letter in a text box, a text area, a select or an editable element is typed there', () => {
    expect(typing(el('input', {}, body))).toBe(true);
    expect(typing(el('textarea', {}, body))).toBe(true);
    expect(typing(el('select', {}, body))).toBe(true);
    expect(typing(el('span', {}, el('div', { contenteditable: 'true' }, body)))).toBe(true);
    expect(typing(el('div', { contenteditable: '' }, body))).toBe(true);
    expect(typing(el('div', { contenteditable: 'false' }, body))).toBe(false);
  });

  test('on a button, the page or the window, keys are shortcuts', () => {
    expect(typing(el('button', {}, body))).toBe(false);
    expect(typing(body)).toBe(false);
    expect(typing({})).toBe(false); // the window
    expect(typing(null)).toBe(false);
  });

  test('Enter and Space press the focused button or link, never a shortcut; elsewhere they are keys', () => {
    expect(typing(el('button', {}, body), key('Enter'))).toBe(true);
    expect(typing(el('button', {}, body), key(' '))).toBe(true);
    expect(typing(el('a', { href: '#/map/m1' }, body), key('Enter'))).toBe(true);
    expect(typing(el('div', { role: 'button' }, body), key('Enter'))).toBe(true);
    expect(typing(el('span', {}, el('button', {}, body)), key('Enter'))).toBe(false);
    expect(typing(body, key('Enter'))).toBe(false);
    expect(typing(el('section', {}, body), key('Enter'))).toBe(false);
  });

  test('everything inside an open dialog is the dialog’s, even on a button', () => {
    const dialog = el('dialog', { open: '' }, body);
    expect(typing(el('button', {}, dialog))).toBe(true);
    expect(typing(el('button', {}, dialog), key('z', { ctrlKey: true }))).toBe(true);
    expect(typing(el('button', {}, el('dialog', {}, body)))).toBe(false);
  });

  test('a box with nothing unsaved, or a select, lets undo and redo through, and nothing else', () => {
    const clean = el('input', { 'data-dirty': 'false' }, body);
    const dirty = el('input', { 'data-dirty': 'true' }, body);
    const undo = key('z', { ctrlKey: true });
    expect(typing(clean, undo)).toBe(false);
    expect(typing(clean, key('Y', { metaKey: true }))).toBe(false);
    expect(typing(clean, key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(typing(el('select', {}, body), undo)).toBe(false);
    expect(typing(clean, key('s'))).toBe(true);
    expect(typing(clean, key('c', { ctrlKey: true }))).toBe(true);
    expect(typing(clean, key('z', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(typing(dirty, undo)).toBe(true);
    expect(typing(el('input', {}, body), undo)).toBe(true);
  });
});
