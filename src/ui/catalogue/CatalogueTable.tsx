import { type ReactNode, useId, useMemo, useState } from 'react';
import { normaliseName } from '../../core/catalogue';

// One table of the catalogue: a filter box, an add button, and a real <table> whose column
// headers sort on click. Rows are records; columns say how to show, sort and search them.

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** Present: the header is a sort button. */
  sortValue?: (row: T) => string | number;
  /** Text the filter box searches in this column. */
  filterText?: (row: T) => string;
  className?: string;
  /** The column that names the row (a <th scope="row">). */
  rowHeader?: boolean;
  /** The header is for screen readers only (a column of buttons explains itself). */
  hideLabel?: boolean;
}

type Sort = { key: string; dir: 'ascending' | 'descending' } | null;

export interface CatalogueTableProps<T extends { id: string }> {
  /** Plural noun, "systems": used in the caption, filter label and empty text. */
  noun: string;
  rows: T[];
  columns: Column<T>[];
  addLabel: string;
  onAdd: () => void;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function CatalogueTable<T extends { id: string }>(props: CatalogueTableProps<T>) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>(null);
  const filterId = useId();
  const { columns, rows } = props;

  const shown = useMemo(() => {
    // Every word typed must appear in some column; punctuation and case do not matter.
    const words = normaliseName(filter).split(' ').filter(Boolean);
    const text = (r: T) => normaliseName(columns.map((c) => c.filterText?.(r) ?? '').join(' '));
    const kept = words.length ? rows.filter((r) => words.every((w) => text(r).includes(w))) : rows;
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !col?.sortValue) return kept;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    const value = col.sortValue;
    return [...kept].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    });
  }, [rows, columns, filter, sort]);

  const toggleSort = (key: string) =>
    setSort((s) => (s?.key === key && s.dir === 'ascending' ? { key, dir: 'descending' } : { key, dir: 'ascending' }));

  const caption = filter.trim() && shown.length !== rows.length ? `${shown.length} of ${rows.length} ${props.noun} match “${filter.trim()}”` : `${rows.length} ${props.noun}`;

  return (
    <>
      <div className="cat-toolbar">
        <label htmlFor={filterId} className="cat-filter">
          <span>Filter {props.noun}</span>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Any column…" />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => {
            // A new row must be seen to be named: clear the filter that could hide it.
            setFilter('');
            props.onAdd();
          }}
        >
          {props.addLabel}
        </button>
      </div>
      <div className="cat-scroll">
        <table className="cat-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className} aria-sort={c.sortValue ? (sort?.key === c.key ? sort.dir : 'none') : undefined}>
                  {c.sortValue ? (
                    <button type="button" className="cat-sort" onClick={() => toggleSort(c.key)}>
                      {c.label}
                      <span className="cat-sort-mark" aria-hidden>{sort?.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}</span>
                    </button>
                  ) : (
                    <span className={c.hideLabel ? 'visually-hidden' : undefined}>{c.label}</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={c.className}>{c.render(r)}</th>
                  ) : (
                    <td key={c.key} className={c.className}>{c.render(r)}</td>
                  ),
                )}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="cat-empty">{rows.length ? `No ${props.noun} match the filter.` : `No ${props.noun} yet.`}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
