import { useEffect, useRef } from 'react';
import { actionContext } from '../actions/context';
import { menuFor, menuOf, runAction } from '../actions/table';
import { closeContextMenu, useContextMenu } from './contextMenuOpen';

const TARGET_NAMES = { node: 'node', lane: 'lane', flow: 'flow', canvas: 'map' } as const;

/**
 * The right-click menu: the actions of the one table that work on what was clicked (selected
 * first, so each acts as its keys do), with their keys. Arrow keys move, Enter runs, Escape closes.
 */
export function ContextMenu() {
  const at = useContextMenu((s) => s.at);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [at]);
  if (!at) return null;
  const items = at.only ? menuOf(at.only.ids, actionContext()) : menuFor(at.target, actionContext());
  const move = (by: number) => {
    const all = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    all[(i + by + all.length) % all.length]?.focus();
  };
  // Kept inside the window: a menu opened near the right or bottom edge opens leftward or upward.
  const left = Math.min(at.x, window.innerWidth - 260);
  const top = Math.min(at.y, window.innerHeight - 32 * items.length - 16);
  return (
    <div className="menu-backdrop" onMouseDown={closeContextMenu} onContextMenu={(e) => { e.preventDefault(); closeContextMenu(); }}>
      <div
        ref={menu}
        className="context-menu"
        role="menu"
        aria-label={at.only?.label ?? `Actions on the ${TARGET_NAMES[at.target]}`}
        style={{ left: Math.max(4, left), top: Math.max(4, top) }}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          const handled = e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Escape' || e.key === 'Tab';
          if (!handled) return;
          // Marked handled: the app's keyboard listener leaves it alone.
          e.preventDefault();
          e.stopPropagation();
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          else {
            closeContextMenu();
            // Back to the button that opened it (the toolbar's "More"), so Tab goes on from there.
            at.only?.from?.focus();
          }
        }}
      >
        {items.map(({ action, enabled, keys }) => (
          <button
            key={action.id}
            type="button"
            role="menuitem"
            disabled={!enabled}
            onClick={() => {
              closeContextMenu();
              runAction(action.id);
            }}
          >
            <span>{action.label}</span>
            {keys && <kbd>{keys}</kbd>}
          </button>
        ))}
      </div>
    </div>
  );
}
