import { useEffect, useMemo } from 'react';
import { usedIn } from '../../core/catalogue';
import { useDocument } from '../../state/documentStore';
import { stepCatalogueHistory } from '../../state/catalogueActions';
import { DataStoresTable } from './DataStoresTable';
import { SystemsTable } from './SystemsTable';

/**
 * Typing in a field or answering a dialog is never taken for a shortcut. A cell's box with
 * nothing unsaved in it (data-dirty="false") is not typing: Ctrl+Z there undoes the last edit.
 */
function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el?.closest) return false;
  if (el.closest('dialog[open], [contenteditable="true"]')) return true;
  return (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && el.dataset.dirty !== 'false';
}

/** The workspace's catalogue of systems and data stores, shared by every map. */
export function CatalogueScreen() {
  const ws = useDocument((s) => s.workspace);
  const usage = useMemo(() => (ws ? usedIn(ws) : null), [ws]);
  useCatalogueKeys();
  if (!ws || !usage) return null;
  return (
    <div className="catalogue">
      <h1>Catalogue</h1>
      <p className="hint">
        The systems and data stores every map can point at. Edit a cell in place: Enter keeps a change, Escape takes it back, Ctrl+Z undoes the last edit.
      </p>
      <section aria-labelledby="cat-systems">
        <h2 id="cat-systems">Systems</h2>
        <SystemsTable ws={ws} usage={usage} />
      </section>
      <section aria-labelledby="cat-stores">
        <h2 id="cat-stores">Data stores</h2>
        <DataStoresTable ws={ws} usage={usage} />
      </section>
    </div>
  );
}

/** Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) outside text boxes, which keep their own undo. */
function useCatalogueKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) stepCatalogueHistory('undo');
      else if (key === 'y' || (key === 'z' && e.shiftKey)) stepCatalogueHistory('redo');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
