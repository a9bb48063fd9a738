import type { Department, Id } from '../model/types';
import { duplicateFindings } from './duplicates';
import { siloFindings } from './silo';
import type { Finding } from './types';
import { type AnalysisContext, buildContext } from './accessIndex';

// The landscape matrix: departments (rows) by systems and standalone data stores (columns).
// A cell says what the department's steps do there across all maps: C creates or writes,
// R reads. A store inside a system is shown as its system's column. Columns are flagged
// when a silo finding names them or one of their stores is in a duplicate-data group.
// Accesses by steps without a department, or with one missing from the catalogue, have no row;
// nor has a department without maps or steps (left behind when its maps were deleted).

export type LandscapeCell = 'C' | 'R' | 'CR' | '';
export type LandscapeFlag = 'silo' | 'duplicate';

export interface LandscapeColumn {
  /** The system's or the standalone store's catalogue id. */
  id: Id;
  kind: 'system' | 'dataStore';
  name: string;
  /** Catalogue stores shown in this column: a system's stores, or the store itself. */
  storeIds: Id[];
}

export interface Landscape {
  departments: Department[];
  columns: LandscapeColumn[];
  cells: Record<Id, Record<Id, LandscapeCell>>;
  /** Only flagged columns appear. */
  highlights: Record<Id, LandscapeFlag[]>;
}

/**
 * Pass the findings of analyzeWorkspace (or a context) when you have them, to save working
 * the silos and duplicates out again.
 */
export function landscape(ws: AnalysisContext['ws'], findings?: readonly Finding[], context?: AnalysisContext): Landscape {
  const ctx = context ?? buildContext(ws);
  const found = findings ?? [...siloFindings(ctx), ...duplicateFindings(ctx)];
  const standalone = ws.dataStores.filter((d) => d.systemId === null || !ctx.systemById.has(d.systemId));
  const columns: LandscapeColumn[] = [
    ...ws.systems.map((s): LandscapeColumn => ({ id: s.id, kind: 'system', name: s.name, storeIds: (ctx.storesBySystem.get(s.id) ?? []).map((d) => d.id) })),
    ...standalone.map((d): LandscapeColumn => ({ id: d.id, kind: 'dataStore', name: d.name, storeIds: [d.id] })),
  ];

  const departments = ws.departments.filter((d) => ctx.activeDepartments.has(d.id));
  const marks = new Map<Id, Map<Id, { c: boolean; r: boolean }>>(departments.map((d) => [d.id, new Map()]));
  for (const a of ctx.accesses) {
    const row = a.departmentId === null ? undefined : marks.get(a.departmentId);
    if (!row) continue;
    const col = a.target.systemId ?? a.target.storeId!;
    const cell = row.get(col) ?? { c: false, r: false };
    cell.c ||= a.write;
    cell.r ||= a.read;
    row.set(col, cell);
  }
  const cells: Landscape['cells'] = {};
  for (const d of departments) {
    const row: Record<Id, LandscapeCell> = {};
    for (const col of columns) {
      const m = marks.get(d.id)!.get(col.id);
      row[col.id] = m ? (`${m.c ? 'C' : ''}${m.r ? 'R' : ''}` as LandscapeCell) : '';
    }
    cells[d.id] = row;
  }

  const highlights: Record<Id, LandscapeFlag[]> = {};
  const flag = (col: Id, f: LandscapeFlag): void => {
    const list = (highlights[col] ??= []);
    if (!list.includes(f)) list.push(f);
  };
  for (const f of found) {
    if (f.kind === 'silo-system') for (const id of f.subjects) flag(id, 'silo');
    if (f.kind !== 'duplicate-data') continue;
    for (const id of f.subjects) {
      const sys = ctx.storeById.get(id)?.systemId;
      flag(sys !== null && sys !== undefined && ctx.systemById.has(sys) ? sys : id, 'duplicate');
    }
  }
  for (const list of Object.values(highlights)) list.sort(); // 'duplicate' before 'silo', always
  return { departments: departments.map((d) => ({ ...d })), columns, cells, highlights };
}

/** One CSV field (RFC 4180), defused for spreadsheets: a leading =, +, - or @ would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The matrix as CSV: a header of column names, one row per department, then a "Highlights"
 * row naming the flags of each column. CRLF line ends, as RFC 4180 has them.
 */
export function landscapeCsv(ws: AnalysisContext['ws'], findings?: readonly Finding[], context?: AnalysisContext): string {
  const l = landscape(ws, findings, context);
  const rows: string[][] = [
    ['Department', ...l.columns.map((c) => c.name)],
    ...l.departments.map((d) => [d.name, ...l.columns.map((c) => l.cells[d.id]![c.id]!)]),
    ['Highlights', ...l.columns.map((c) => (l.highlights[c.id] ?? []).join('; '))],
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
