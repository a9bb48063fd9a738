import type { Landscape, LandscapeCell, LandscapeColumn, LandscapeFlag } from '../../core/analysis';
import type { Workspace } from '../../core/model/types';
import { count, nodeKindWord } from '../../core/model/vocabulary';

// Words for the matrix: what a cell means, what a flag means, what kind a column is. Kept
// apart from the components so the table, its legend and the exports say the same thing.

export const CELL_WORDS: Record<Exclude<LandscapeCell, ''>, string> = {
  C: 'creates',
  R: 'reads',
  CR: 'creates and reads',
};

/** `short` fits a narrow column header; the key spells out `label` and `help`. */
export const FLAG_TEXT: Record<LandscapeFlag, { short: string; label: string; help: string }> = {
  silo: { short: 'Silo', label: 'Silo', help: 'kept by one department alone, linked to no other system' },
  duplicate: { short: 'Duplicate', label: 'Duplicate data', help: 'holds customer details that another store also keeps' },
};

/** Silo first: it is the stronger warning, and its tint wins when a column has both. */
export const FLAG_ORDER: readonly LandscapeFlag[] = ['silo', 'duplicate'];

export const flagsOf = (l: Landscape, col: LandscapeColumn): LandscapeFlag[] =>
  FLAG_ORDER.filter((f) => l.highlights[col.id]?.includes(f));

/** The catalogue's own kind ("application", "spreadsheet"), for the small text under a name. */
export function columnKind(ws: Workspace, col: LandscapeColumn): string {
  if (col.kind === 'system') return ws.systems.find((s) => s.id === col.id)?.kind || nodeKindWord('system');
  return ws.dataStores.find((d) => d.id === col.id)?.kind || nodeKindWord('dataStore');
}

export interface ColumnGroup {
  kind: LandscapeColumn['kind'];
  label: string;
  columns: LandscapeColumn[];
}

/** Runs of same-kind columns, in landscape()'s order, so a reordering there still groups right. */
export function columnGroups(l: Landscape): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const col of l.columns) {
    const last = groups.at(-1);
    if (last?.kind === col.kind) last.columns.push(col);
    else groups.push({ kind: col.kind, label: col.kind === 'system' ? 'Systems' : 'Standalone data stores', columns: [col] });
  }
  return groups;
}


export function caption(l: Landscape): string {
  const systems = l.columns.filter((c) => c.kind === 'system').length;
  const stores = l.columns.length - systems;
  return `Customer data by department: ${count(l.departments.length, 'department')}, ${count(systems, 'system')}, ${count(stores, 'standalone data store')}`;
}
