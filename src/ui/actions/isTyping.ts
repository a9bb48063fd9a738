import type { KeyLike } from './types';

// The one rule for when keys belong to a text box rather than to the app: no shortcut may
// type into a box, and what is typed into a box never runs a shortcut.

/** Just what the rule reads of an element, so tests can hand it plain objects. */
type El = Pick<Element, 'tagName' | 'getAttribute' | 'hasAttribute'> & { parentElement: El | null };

function isBox(el: El): boolean {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

function isControl(el: El): boolean {
  const role = el.getAttribute('role');
  return el.tagName === 'BUTTON' || el.tagName === 'SUMMARY' || (el.tagName === 'A' && el.hasAttribute('href')) || (!!role && ['button', 'link', 'menuitem', 'option', 'tab', 'checkbox', 'switch'].includes(role));
}

const isHistoryKey = (e: KeyLike) => (e.ctrlKey || e.metaKey) && !e.altKey && ['z', 'y'].includes(e.key.toLowerCase());

/**
 * Keys pressed in a text box, a select or an open dialog are theirs. One exception: a box
 * with no undo of its own (a select, or a text box that says it holds nothing unsaved with
 * data-dirty="false") lets Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y through to undo the last edit.
 */
export function isTyping(e: KeyLike & { target: EventTarget | null }): boolean {
  let box: El | null = null;
  // The window and the document are targets too: they are no element and hold no box.
  for (let el = e.target as El | null; el && typeof el.getAttribute === 'function'; el = el.parentElement) {
    if (el.tagName === 'DIALOG' && el.hasAttribute('open')) return true;
    if (!box && isBox(el)) box = el;
    // Enter and Space press the focused button or follow the focused link, never a shortcut.
    if ((el as unknown) === e.target && (e.key === 'Enter' || e.key === ' ') && isControl(el)) return true;
  }
  if (!box) return false;
  const ownUndo = box.tagName !== 'SELECT' && box.getAttribute('data-dirty') !== 'false';
  return ownUndo || !isHistoryKey(e);
}
