import { useId, useMemo, useState } from 'react';
import { fuzzyMatch } from '../../core/catalogue';
import type { MapNode, ProcessMap } from '../../core/model/types';
import { nodeKindPlural, nodeKindWord } from '../../core/model/vocabulary';
import { updateDataStore } from '../../state/catalogueActions';
import { useDocument } from '../../state/documentStore';
import { linkNode, linkNodeToNewEntry } from '../../state/nodeActions';
import { CustomerFields } from '../catalogue/CustomerFields';

interface Option {
  id: string;
  label: string;
  create?: boolean;
}

/**
 * Which catalogue entry a data store or system node stands for: a search box that
 * suggests existing entries as you type (fuzzy, so "Raisers Edge" finds "Raiser's Edge")
 * before offering to create a new one. The linked store's customer fields are edited here too.
 */
export function CatalogueLink({ map, node }: { map: ProcessMap; node: MapNode }) {
  const ws = useDocument((s) => s.workspace)!;
  const isStore = node.kind === 'dataStore';
  const entries: { id: string; name: string }[] = isStore ? ws.dataStores : ws.systems;
  const linked = entries.find((e) => e.id === node.refId);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const what = nodeKindWord(node.kind);

  const options: Option[] = useMemo(() => {
    const hits = fuzzyMatch(query, entries.map((e) => e.name), { limit: 8 }).map((h) => ({ id: entries[h.index]!.id, label: entries[h.index]!.name }));
    const exact = hits.some((h) => h.label.trim().toLowerCase() === query.trim().toLowerCase());
    return query.trim() && !exact ? [...hits, { id: '', label: `Create “${query.trim()}” in the catalogue`, create: true }] : hits;
  }, [query, entries]);

  const pick = (o: Option | undefined) => {
    if (!o) return;
    if (o.create) linkNodeToNewEntry(map.id, node.id, isStore ? 'dataStore' : 'system', query.trim());
    else linkNode(map.id, node.id, o.id);
    setQuery('');
    setOpen(false);
  };

  const store = isStore ? ws.dataStores.find((d) => d.id === node.refId) : undefined;
  return (
    <div className="field catalogue-link">
      <span>Catalogue entry</span>
      {linked ? (
        <p className="linked">
          <strong>{linked.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => linkNode(map.id, node.id, null)}>
            Unlink
          </button>
        </p>
      ) : (
        <p className="hint warn">Not in the catalogue: the analysis cannot see what this {what} holds.</p>
      )}
      <div className="combo">
        <input
          type="text"
          role="combobox"
          aria-label={`Find or create a ${what}`}
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          placeholder={linked ? `Link to another ${what}…` : `Find a ${what}, e.g. “Raisers Edge”`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, options.length - 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter') pick(options[active]);
            else if (e.key === 'Escape') setOpen(false);
            else return;
            e.preventDefault();
          }}
        />
        {open && options.length > 0 && (
          <ul id={listId} role="listbox" className="combo-list" aria-label={`${nodeKindPlural(node.kind)} in the catalogue`}>
            {options.map((o, i) => (
              <li
                key={o.id || 'create'}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={o.create ? 'create' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
              >
                {o.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      {store && (
        <div className="field">
          <span>Customer fields it holds</span>
          <CustomerFields ws={ws} store={store} onChange={(customerFields) => updateDataStore(store.id, { customerFields })} />
        </div>
      )}
    </div>
  );
}
