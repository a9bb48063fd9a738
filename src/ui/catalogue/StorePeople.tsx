import { useId } from 'react';
import { normaliseField } from '../../core/analysis';
import { sensitiveByNature } from '../../core/analysis/fieldKeys';
import type { DataStore, Workspace } from '../../core/model/types';
import { updateDataStore } from '../../state/catalogueActions';
import { TextCell } from './cells';

// Whose records a store holds and which of its fields are sensitive: the duplicate-data
// findings never take stores of different people for copies, and rank sensitive copies higher.

const SUGGESTED = ['applicants', 'students', 'alumni', 'donors', 'prospective students', 'tenants', 'residents', 'staff', 'parents', 'event guests'];

export function Population({ ws, store }: { ws: Workspace; store: DataStore }) {
  const listId = useId();
  const used = ws.dataStores.map((d) => d.population?.trim()).filter((p): p is string => !!p);
  const options = [...new Set([...used, ...SUGGESTED])];
  return (
    <>
      <TextCell label={`Whose records ${store.name} holds`} value={store.population ?? ''} list={listId} placeholder="e.g. alumni" allowEmpty onCommit={(v) => updateDataStore(store.id, { population: v })} />
      <datalist id={listId}>{options.map((p) => <option key={p} value={p} />)}</datalist>
    </>
  );
}

/** A box per customer field; those sensitive by nature (date of birth, health...) are ticked and fixed. */
export function SensitiveFields({ store }: { store: DataStore }) {
  const marked = new Set(store.sensitiveFields ?? []);
  if (store.customerFields.length === 0) return <span className="cat-muted">No fields yet</span>;
  const toggle = (field: string, on: boolean) => updateDataStore(store.id, { sensitiveFields: on ? [...marked, field] : [...marked].filter((f) => f !== field) });
  return (
    <ul className="cat-sensitive" aria-label={`Sensitive fields of ${store.name}`}>
      {store.customerFields.map((f) => {
        const byNature = sensitiveByNature(normaliseField(f).key);
        return (
          <li key={f}>
            <label title={byNature ? 'Sensitive by nature' : undefined}>
              <input type="checkbox" checked={byNature || marked.has(f)} disabled={byNature} onChange={(e) => toggle(f, e.target.checked)} /> {f}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
