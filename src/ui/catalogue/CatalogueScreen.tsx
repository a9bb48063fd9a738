import { useMemo } from 'react';
import { usedIn } from '../../core/catalogue';
import { useDocument } from '../../state/documentStore';
import { DataStoresTable } from './DataStoresTable';
import { SystemsTable } from './SystemsTable';

/** The workspace's catalogue of systems and data stores, shared by every map. */
export function CatalogueScreen() {
  const ws = useDocument((s) => s.workspace);
  const usage = useMemo(() => (ws ? usedIn(ws) : null), [ws]);
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
