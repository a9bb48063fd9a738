import { analyzeWorkspace } from '../analysis';
import { landscape } from '../analysis/landscape';
import { listEn } from '../analysis/english';
import { FINDING_KIND_LABELS, FINDING_KINDS, type Finding, type FindingKind, SEVERITIES, type Severity } from '../analysis/types';
import { integrationsOf } from '../catalogue/integrations';
import type { Id, ProcessMap, Workspace } from '../model/types';
import { capitalise, count, STORE_KIND_NAME } from '../model/vocabulary';
import { type Catalogue, catalogueOf, mapSteps, type MapNote, type StepRow } from './mapSteps';
import { REPORT_SUBTITLE, type ReportOptions } from './options';
import { byName, longDate } from './reportText';

// What the report says, worked out once from the workspace: numbered headings, the words of the
// summary, and the rows of every table. The .docx and HTML writers only lay this out, so the two
// files always say the same thing.

export interface Heading {
  /** Both an HTML id and a Word bookmark name: a letter, then letters, digits and underscores. */
  anchor: string;
  /** "2", "2.1". */
  number: string;
  title: string;
  level: 1 | 2;
}

export interface FindingRef {
  ref: string;
  anchor: string;
}

export interface MapPart {
  heading: Heading;
  map: ProcessMap;
  /** "3 lanes · 12 steps · updated 22 November 2026". */
  facts: string;
  steps: StepRow[];
  notes: MapNote[];
  /** The findings that concern this map, by their numbers in the findings table. */
  findings: FindingRef[];
}

export interface DepartmentPart {
  heading: Heading;
  /** null for the "Other maps" section. */
  departmentId: Id | null;
  intro: string;
  maps: MapPart[];
}

export interface FindingRow extends FindingRef {
  kind: string;
  severity: Severity;
  title: string;
  explanation: string;
  suggestion: string;
  maps: string;
}

export interface FindingsPart {
  heading: Heading;
  intro: string;
  rows: FindingRow[];
  /** The findings themselves, for the badges on the pictures. */
  list: Finding[];
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

export interface GlossarySystem {
  name: string;
  kind: string;
  owner: string;
  stores: string[];
  integrations: string[];
}

export interface GlossaryStore {
  name: string;
  kind: string;
  system: string;
  owner: string;
  fields: string[];
}

export interface GlossaryPart {
  heading: Heading;
  intro: string;
  systems: GlossarySystem[];
  stores: GlossaryStore[];
}

export interface ReportContent {
  title: string;
  subtitle: string;
  /** The workspace's name when the title is something else; else empty. */
  workspaceLine: string;
  date: string;
  summary: { heading: Heading; paragraphs: string[]; bullets: string[] };
  departments: DepartmentPart[];
  /** Absent when the findings are left out. */
  findings?: FindingsPart;
  landscape: LandscapePart;
  glossary: GlossaryPart;
  /** Every heading in document order, for the contents list. */
  contents: Heading[];
}

export const SEVERITY_WORD: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const FLAG_WORD = { silo: 'Silo', duplicate: 'Duplicate data' } as const;
export const MARK_LEGEND = 'C: creates or updates customer data there. R: reads it. CR: both.';

/** The findings to print, or undefined when the report leaves them out. */
function chosenFindings(ws: Workspace, opts: ReportOptions, mapIds: Set<Id>, partial: boolean): Finding[] | undefined {
  const show = opts.includeFindings ?? (opts.findings === undefined || opts.findings.length > 0);
  if (!show) return undefined;
  const all = opts.findings ?? analyzeWorkspace(ws);
  // A report of some maps keeps the findings about them, and those that name no map.
  return partial ? all.filter((f) => f.mapIds.length === 0 || f.mapIds.some((id) => mapIds.has(id))) : all;
}

export function reportContent(ws: Workspace, opts: ReportOptions): ReportContent {
  const wanted = opts.mapIds ? new Set(opts.mapIds) : undefined;
  const maps = wanted ? ws.maps.filter((m) => wanted.has(m.id)) : ws.maps;
  const mapIds = new Set(maps.map((m) => m.id));
  const findings = chosenFindings(ws, opts, mapIds, wanted !== undefined);
  const cat = catalogueOf(ws);
  const deptName = new Map(ws.departments.map((d) => [d.id, d.name.trim() || 'Unnamed department']));
  const contents: Heading[] = [];
  let top = 0;
  let sub = 0;
  const heading = (anchor: string, title: string, level: 1 | 2 = 1): Heading => {
    if (level === 1) [top, sub] = [top + 1, 0];
    else sub += 1;
    const h: Heading = { anchor, number: level === 1 ? `${top}` : `${top}.${sub}`, title, level };
    contents.push(h);
    return h;
  };

  const findingRows = (findings ?? []).map((f, i) => findingRow(f, i, maps));
  const refsByMap = new Map<Id, FindingRef[]>();
  for (const [i, f] of (findings ?? []).entries()) {
    for (const id of f.mapIds) refsByMap.set(id, [...(refsByMap.get(id) ?? []), findingRows[i]!]);
  }

  const summaryHeading = heading('sec_summary', 'Summary');
  const groups = groupByDepartment(maps, ws);
  const departments: DepartmentPart[] = groups.map((g, di) => {
    const h = heading(`sec_dept_${di + 1}`, g.departmentId === null ? 'Other maps' : deptName.get(g.departmentId)!);
    const parts = g.maps.map((m, mi) => mapPart(m, heading(`sec_map_${di + 1}_${mi + 1}`, m.name.trim() || 'Untitled map', 2), cat, refsByMap.get(m.id) ?? []));
    const steps = parts.reduce((n, p) => n + p.steps.length, 0);
    const intro =
      g.departmentId === null
        ? `Maps that belong to no department: ${count(g.maps.length, 'map')}, ${count(steps, 'step')} in all.`
        : `How ${h.title} handles customers: ${count(g.maps.length, 'map')}, ${count(steps, 'step')} in all.`;
    return { heading: h, departmentId: g.departmentId, intro, maps: parts };
  });

  const findingsPart: FindingsPart | undefined = findings && {
    heading: heading('sec_findings', 'Findings'),
    intro: findings.length
      ? `The analysis of the maps and the catalogue found ${count(findings.length, 'issue')}, most serious first. The numbers (F1, F2, …) are the ones shown under each map.`
      : 'The analysis of the maps and the catalogue found nothing to report.',
    rows: findingRows,
    list: findings,
  };
  const landscapePart = landscapeContent(ws, maps, findings, heading('sec_landscape', 'Customer data landscape'));
  const glossary = glossaryContent(ws, cat, deptName, heading('sec_glossary', 'Glossary of systems and data stores'));

  const workspaceName = ws.meta.name.trim() || 'Untitled workspace';
  const title = opts.title?.trim() || workspaceName;
  return {
    title,
    subtitle: REPORT_SUBTITLE,
    workspaceLine: title === workspaceName ? '' : workspaceName,
    date: longDate(opts.date ?? new Date().toISOString()),
    summary: { heading: summaryHeading, ...summary(ws, maps, departments, findings) },
    departments,
    ...(findingsPart ? { findings: findingsPart } : {}),
    landscape: landscapePart,
    glossary,
    contents,
  };
}

/** Departments in workspace order with their maps; maps of no (known) department last. */
function groupByDepartment(maps: ProcessMap[], ws: Workspace): { departmentId: Id | null; maps: ProcessMap[] }[] {
  const known = new Set(ws.departments.map((d) => d.id));
  const groups = ws.departments.map((d) => ({ departmentId: d.id as Id | null, maps: maps.filter((m) => m.departmentId === d.id) }));
  groups.push({ departmentId: null, maps: maps.filter((m) => m.departmentId === null || !known.has(m.departmentId)) });
  return groups.filter((g) => g.maps.length > 0);
}

function mapPart(map: ProcessMap, heading: Heading, cat: Catalogue, findings: FindingRef[]): MapPart {
  const { steps, notes } = mapSteps(map, cat);
  const facts = [count(map.lanes.length, 'lane'), count(steps.length, 'step'), `updated ${longDate(map.updatedAt)}`];
  return { heading, map, facts: facts.join(' · '), steps, notes, findings };
}

function findingRow(f: Finding, i: number, maps: ProcessMap[]): FindingRow {
  const names = maps.filter((m) => f.mapIds.includes(m.id)).map((m) => m.name.trim() || 'Untitled map');
  return {
    ref: `F${i + 1}`,
    anchor: `finding_${i + 1}`,
    kind: FINDING_KIND_LABELS[f.kind] ?? f.kind,
    severity: f.severity,
    title: f.title,
    explanation: f.explanation,
    suggestion: f.suggestion,
    maps: names.join('; '),
  };
}

function summary(ws: Workspace, maps: ProcessMap[], departments: DepartmentPart[], findings: Finding[] | undefined): { paragraphs: string[]; bullets: string[] } {
  const steps = departments.reduce((n, d) => n + d.maps.reduce((k, m) => k + m.steps.length, 0), 0);
  const named = departments.filter((d) => d.departmentId !== null);
  const paragraphs = [
    `Staff drew these maps in the CRM workshops to show how customers are handled today, as things are rather than as they should be. ` +
      `The report holds ${count(maps.length, 'process map')} from ${count(named.length, 'department')}, ${count(steps, 'step')} in all, ` +
      `and a catalogue of ${count(ws.systems.length, 'system')} and ${count(ws.dataStores.length, 'data store')} that hold customer data.`,
  ];
  const withMaps = new Set(maps.map((m) => m.departmentId));
  const without = ws.departments.filter((d) => !withMaps.has(d.id)).map((d) => d.name.trim() || 'Unnamed department');
  if (without.length && maps.length === ws.maps.length) paragraphs.push(`No map has been drawn yet for ${listEn(without)}.`);
  const empty = maps.filter((m) => !m.nodes.some((n) => n.kind !== 'note')).map((m) => `“${m.name.trim() || 'Untitled map'}”`);
  if (empty.length) paragraphs.push(`Still empty: ${listEn(empty)}.`);

  const bullets: string[] = [];
  if (findings === undefined) return { paragraphs, bullets };
  if (findings.length === 0) {
    paragraphs.push('The analysis found no silos, no duplicate customer data, no re-keying and no gaps in the maps.');
    return { paragraphs, bullets };
  }
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  paragraphs.push(`The analysis found ${count(findings.length, 'issue')}: ${listEn(bySeverity.map(([s, n]) => `${n} ${s}`))}. By kind:`);
  const byKind = new Map<FindingKind, number>();
  for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  for (const k of FINDING_KINDS) if (byKind.has(k)) bullets.push(`${FINDING_KIND_LABELS[k]}: ${byKind.get(k)}`);
  return { paragraphs, bullets };
}

function landscapeContent(ws: Workspace, maps: ProcessMap[], findings: Finding[] | undefined, heading: Heading): LandscapePart {
  // Only the chosen maps' steps count; with the findings left out, so are the flags.
  const l = landscape({ ...ws, maps }, findings ?? []);
  const systems = new Map(ws.systems.map((s) => [s.id, s]));
  const stores = new Map(ws.dataStores.map((d) => [d.id, d]));
  const row = (col: (typeof l.columns)[number]): LandscapeRow => ({
    name: col.name.trim() || 'Unnamed',
    kind: col.kind === 'system' ? capitalise(systems.get(col.id)?.kind.trim() || 'system') : STORE_KIND_NAME[stores.get(col.id)?.kind ?? 'other'],
    marks: l.departments.map((d) => l.cells[d.id]?.[col.id] ?? ''),
    flags: (['silo', 'duplicate'] as const).filter((f) => l.highlights[col.id]?.includes(f)).map((f) => FLAG_WORD[f]),
  });
  const groups = [
    { label: 'Systems', rows: l.columns.filter((c) => c.kind === 'system').map(row) },
    { label: 'Data stores outside any system', rows: l.columns.filter((c) => c.kind === 'dataStore').map(row) },
  ].filter((g) => g.rows.length > 0);
  const intro =
    `Which department's steps create or read customer data in which system or store, across all the maps in this report. ${MARK_LEGEND}` +
    (findings ? ' Silo: kept by one department alone and linked to no other system. Duplicate data: holds customer details that another store also keeps.' : '');
  return { heading, intro, departments: l.departments.map((d) => d.name.trim() || 'Unnamed department'), groups };
}

function glossaryContent(ws: Workspace, cat: Catalogue, deptName: Map<Id, string>, heading: Heading): GlossaryPart {
  const owner = (id: Id | null | undefined): string => (id ? deptName.get(id) ?? '' : '');
  const systems = [...ws.systems].sort(byName).map((s): GlossarySystem => ({
    name: s.name.trim() || 'Unnamed system',
    kind: capitalise(s.kind.trim()),
    owner: owner(s.ownerDepartmentId),
    stores: ws.dataStores.filter((d) => d.systemId === s.id).map((d) => d.name),
    integrations: integrationsOf(ws.systems, s.id).map((id) => cat.systems.get(id)!.name),
  }));
  const stores = [...ws.dataStores].sort(byName).map((d): GlossaryStore => ({
    name: d.name.trim() || 'Unnamed data store',
    kind: STORE_KIND_NAME[d.kind] ?? capitalise(d.kind),
    system: d.systemId ? cat.systems.get(d.systemId)?.name ?? '' : '',
    owner: owner(d.ownerDepartmentId),
    fields: d.customerFields.filter((f) => f.trim()),
  }));
  const intro = `The systems and the data stores in the catalogue that hold customer data: ${count(systems.length, 'system')} and ${count(stores.length, 'data store')}, in alphabetical order.`;
  return { heading, intro, systems, stores };
}
