import { fieldLabel } from '../analysis/fieldKeys';
import type { Landscape } from '../analysis/landscape';
import type { Finding } from '../analysis/types';
import type { DataStoreKind, Id, ProcessMap, Workspace } from '../model/types';
import { capitalise, STORE_KIND_NAME } from '../model/vocabulary';
import type { Heading } from './heading';
import { duplicateTable, type FindingRef, type FindingRow } from './findingsContent';
import type { Catalogue } from './mapSteps';

// The part of the report that looks across departments: each group of duplicated customer
// data as a table, the silo systems, the re-keying between stores, and the landscape matrix of
// departments against systems and stores, all over the maps chosen for the report.

export interface DuplicateGroup extends FindingRef {
  title: string;
  explanation: string;
  table: { columns: string[]; rows: string[][] };
}

export interface SiloRow extends FindingRef {
  name: string;
  owner: string;
  why: string;
}

export interface RekeyingRow extends FindingRef {
  step: string;
  map: string;
  copies: string[];
}

export interface LandscapeRow {
  name: string;
  kind: string;
  /** One mark per department, in the part's department order: "C", "R", "CR" or "". */
  marks: string[];
  flags: string[];
}

export interface LandscapePart {
  heading: Heading;
  intro: string;
  departments: string[];
  groups: { label: string; rows: LandscapeRow[] }[];
}

export interface AcrossPart {
  heading: Heading;
  intro: string;
  duplicates?: { heading: Heading; intro: string; groups: DuplicateGroup[] };
  silos?: { heading: Heading; intro: string; rows: SiloRow[] };
  rekeying?: { heading: Heading; intro: string; rows: RekeyingRow[] };
  landscape: LandscapePart;
}

export const FLAG_WORD = { silo: 'Silo', duplicate: 'Duplicate data' } as const;
export const MARK_LEGEND = 'C: creates or updates customer data there. R: reads it. CR: both.';

export const storeKindWord = (k: string): string => STORE_KIND_NAME[k as DataStoreKind] ?? capitalise(k);

export interface AcrossInput {
  ws: Workspace;
  maps: ProcessMap[];
  findings: Finding[] | undefined;
  rows: FindingRow[];
  cat: Catalogue;
  deptName: ReadonlyMap<Id, string>;
  land: Landscape;
  heading: (anchor: string, title: string, level?: 1 | 2) => Heading;
}

export function acrossContent(a: AcrossInput): AcrossPart {
  const heading = a.heading('sec_across', 'Across departments');
  const row = (f: Finding) => a.rows.find((r) => r.id === f.id)!;
  const of = (kind: Finding['kind']) => (a.findings ?? []).filter((f) => f.kind === kind);
  const nameOf = (id: Id) => a.cat.systems.get(id)?.name ?? a.cat.stores.get(id)?.name ?? id;
  const ownerOf = (id: Id) => {
    const owner = a.cat.systems.get(id)?.ownerDepartmentId ?? a.cat.stores.get(id)?.ownerDepartmentId;
    return owner ? (a.deptName.get(owner) ?? '') : '';
  };

  const part: AcrossPart = {
    heading,
    intro: a.findings
      ? 'Where the same customers are kept, typed or held apart by more than one department: the groups of duplicated data, the systems no other system shares, the details staff type from one store into another, and who uses which system.'
      : 'Who uses which system and store, across the departments.',
    landscape: undefined as unknown as LandscapePart,
  };
  const dup = of('duplicate-data');
  if (dup.length) {
    part.duplicates = {
      heading: a.heading('sec_duplicates', 'Duplicated customer data', 2),
      intro: 'Each group below is one set of customer details kept in several stores. Each row is a store: who owns it, which of the shared details it holds, and which departments’ steps write to it.',
      groups: dup.map((f) => ({ ...ref(row(f)), title: f.title, explanation: f.explanation, table: duplicateTable(f, a.cat, a.deptName, a.land) })),
    };
  }
  const silos = of('silo-system');
  if (silos.length) {
    part.silos = {
      heading: a.heading('sec_silos', 'Silo systems and stores', 2),
      intro: 'Systems and stores kept by one department alone and linked to nothing else: what is in them is not seen by the rest of the organisation.',
      rows: silos.map((f) => ({ ...ref(row(f)), name: nameOf(f.subjects[0] ?? ''), owner: ownerOf(f.subjects[0] ?? '') || 'No owner named', why: f.explanation })),
    };
  }
  const rekey = of('manual-rekeying');
  if (rekey.length) {
    const nodeOf = (id: Id) => {
      for (const m of a.maps) {
        const n = m.nodes.find((x) => x.id === id);
        if (n) return { step: n.label.trim() || 'Unlabelled step', map: m.name.trim() || 'Untitled map' };
      }
      return { step: 'A step', map: '' };
    };
    part.rekeying = {
      heading: a.heading('sec_rekeying', 'Re-keying between stores', 2),
      intro: 'Steps where someone reads customer details from one store and types them into another.',
      rows: rekey.map((f) => ({
        ...ref(row(f)),
        ...nodeOf(f.subjects[0] ?? ''),
        copies: (f.copies ?? []).map((c) => `${nameOf(c.from)} → ${nameOf(c.to)}${c.fields.length ? `: ${c.fields.map(fieldLabel).join(', ')}` : ''}`),
      })),
    };
  }
  part.landscape = landscapePart(a, a.heading('sec_landscape', 'Customer data landscape', 2));
  return part;
}

const ref = (r: FindingRow): FindingRef => ({ ref: r.ref, anchor: r.anchor });

function landscapePart(a: AcrossInput, heading: Heading): LandscapePart {
  const l = a.land;
  // Only what the chosen maps use: departments with a mark, systems and stores someone uses.
  const depts = l.departments.filter((d) => l.columns.some((c) => l.cells[d.id]?.[c.id]));
  const columns = l.columns.filter((c) => depts.some((d) => l.cells[d.id]?.[c.id]));
  const row = (col: (typeof l.columns)[number]): LandscapeRow => ({
    name: col.name.trim() || 'Unnamed',
    kind: col.kind === 'system' ? capitalise(a.cat.systems.get(col.id)?.kind.trim() || 'system') : storeKindWord(a.cat.stores.get(col.id)?.kind ?? 'other'),
    marks: depts.map((d) => l.cells[d.id]?.[col.id] ?? ''),
    flags: (['silo', 'duplicate'] as const).filter((f) => l.highlights[col.id]?.includes(f)).map((f) => FLAG_WORD[f]),
  });
  const groups = [
    { label: 'Systems', rows: columns.filter((c) => c.kind === 'system').map(row) },
    { label: 'Data stores outside any system', rows: columns.filter((c) => c.kind === 'dataStore').map(row) },
  ].filter((g) => g.rows.length > 0);
  const intro =
    `Which department’s steps create or read customer data in which system or store, in the maps of this report. ${MARK_LEGEND}` +
    (a.findings ? ' Silo: kept by one department alone and linked to no other system. Duplicate data: holds customer details that another store also keeps.' : '');
  return { heading, intro, departments: depts.map((d) => a.deptName.get(d.id) ?? d.name), groups };
}
