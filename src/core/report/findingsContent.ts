import { fieldLabel } from '../analysis/fieldKeys';
import { hoursWords } from '../analysis/costs';
import type { Landscape } from '../analysis/landscape';
import { FINDING_KIND_LABELS, FINDING_KINDS, type Finding, type FindingKind, type Severity } from '../analysis/types';
import type { Id, ProcessMap, Workspace } from '../model/types';
import type { Catalogue } from './mapSteps';
import { recommendationFor } from './recommendations';

// The findings as the report tells them: numbered F1, F2 … in the analysis's order (the
// pictures' badges use the same numbers), each with its cost where the maps' measures allow,
// the departments it concerns, and its details as a table. Costs are never guessed: a finding
// whose measures are missing says which.

export interface FindingRef {
  ref: string;
  anchor: string;
}

export interface FindingRow extends FindingRef {
  id: string;
  kind: FindingKind;
  kindLabel: string;
  severity: Severity;
  title: string;
  explanation: string;
  suggestion: string;
  /** The names of the chosen maps it is about, joined. */
  maps: string;
  /** "120 hours a year (12 min × 600 cases…)", "Not known: missing …", or '' when the analysis gave no cost. */
  cost: string;
  hoursPerYear: number | null;
  departmentIds: Id[];
  table?: { columns: string[]; rows: string[][] };
}

export interface CostRow extends FindingRef {
  title: string;
  hours: string;
  basis: string;
}

export interface Recommendation {
  kind: FindingKind;
  label: string;
  text: string;
  refs: FindingRef[];
}

export function costText(f: Finding): string {
  if (!f.cost) return '';
  if (f.cost.hoursPerYear !== null) return `${hoursWords(f.cost.hoursPerYear)}${f.cost.basis ? ` (${f.cost.basis})` : ''}`;
  const missing = f.cost.missing;
  if (missing.length === 0) return 'Not known yet';
  if (missing.length <= MISSING_LISTED) return `Not known yet: missing ${missing.join('; ')}`;
  // A list of every unmeasured step filled a page's cell for a finding across five maps.
  return `Not known yet: ${missing.length} steps lack measures, the first ${missing[0]}`;
}

/** How many missing measures a report cell names one by one before it counts them instead. */
const MISSING_LISTED = 2;

/** The departments a finding concerns: as the analysis says, else those of the maps it is on. */
function departmentsOf(f: Finding, maps: readonly ProcessMap[]): Id[] {
  if (f.departmentIds) return [...f.departmentIds];
  const ids = new Set<Id>();
  for (const m of maps) if (f.mapIds.includes(m.id) && m.departmentId) ids.add(m.departmentId);
  return [...ids];
}

export function findingRows(findings: readonly Finding[], maps: readonly ProcessMap[]): FindingRow[] {
  return findings.map((f, i) => ({
    id: f.id,
    ref: `F${i + 1}`,
    anchor: `finding_${i + 1}`,
    kind: f.kind,
    kindLabel: FINDING_KIND_LABELS[f.kind] ?? f.kind,
    severity: f.severity,
    title: f.title,
    explanation: f.explanation,
    suggestion: f.suggestion,
    maps: maps.filter((m) => f.mapIds.includes(m.id)).map((m) => m.name.trim() || 'Untitled map').join('; '),
    cost: costText(f),
    hoursPerYear: f.cost?.hoursPerYear ?? null,
    departmentIds: departmentsOf(f, maps),
    ...(f.table ? { table: f.table } : {}),
  }));
}

/** The findings that cost most, dearest first, with a word on those that could not be costed. */
export function costliest(rows: readonly FindingRow[], findings: readonly Finding[], n = 5): { rows: CostRow[]; note: string } {
  const costed = rows.filter((r) => r.hoursPerYear !== null).sort((a, b) => b.hoursPerYear! - a.hoursPerYear! || a.anchor.localeCompare(b.anchor, 'en', { numeric: true }));
  const top = costed.slice(0, n).map((r) => {
    const f = findings.find((x) => x.id === r.id)!;
    return { ref: r.ref, anchor: r.anchor, title: r.title, hours: hoursWords(r.hoursPerYear!), basis: f.cost?.basis ?? '' };
  });
  const open = findings.filter((f) => f.cost && f.cost.hoursPerYear === null);
  const missing = [...new Set(open.flatMap((f) => f.cost!.missing))];
  let note = '';
  if (!findings.some((f) => f.cost)) note = 'No finding has a cost yet: the maps do not record how long the steps take or how many cases a year they handle.';
  else if (open.length) {
    note =
      `${open.length === 1 ? 'One finding' : `${open.length} findings`} could not be costed, because the maps do not say ` +
      `${missing.slice(0, 4).join('; ')}${missing.length > 4 ? ` and ${missing.length - 4} more` : ''}. Their cost is shown as not known, never estimated.`;
  }
  return { rows: top, note };
}

export function recommendations(ws: Workspace, rows: readonly FindingRow[]): Recommendation[] {
  return FINDING_KINDS.filter((k) => rows.some((r) => r.kind === k)).map((kind) => ({
    kind,
    label: FINDING_KIND_LABELS[kind],
    text: recommendationFor(ws.meta, kind),
    refs: rows.filter((r) => r.kind === kind),
  }));
}

/** A duplicate-data group's table: its own when the analysis gave one, else made from the catalogue and the maps. */
export function duplicateTable(f: Finding, cat: Catalogue, deptName: ReadonlyMap<Id, string>, l: Landscape): { columns: string[]; rows: string[][] } {
  if (f.table) return f.table;
  const shared = new Map<Id, Set<string>>();
  for (const p of f.pairs ?? []) for (const id of p.stores) for (const k of p.fields) (shared.get(id) ?? shared.set(id, new Set()).get(id)!).add(k);
  const writers = (id: Id): string => {
    const col = cat.stores.get(id)?.systemId ?? id;
    const names = l.departments.filter((d) => (l.cells[d.id]?.[col] ?? '').includes('C')).map((d) => deptName.get(d.id) ?? d.name);
    return names.length ? names.join(', ') : 'No step in the chosen maps';
  };
  return {
    columns: ['Store', 'Department', 'Fields held', 'Who writes it'],
    rows: f.subjects.map((id) => {
      const store = cat.stores.get(id);
      const owner = store?.ownerDepartmentId ? (deptName.get(store.ownerDepartmentId) ?? '') : '';
      return [store?.name ?? id, owner || 'No owner named', [...(shared.get(id) ?? [])].map(fieldLabel).join(', '), writers(id)];
    }),
  };
}
