import { analyzeWorkspace } from '../analysis';
import { listEn } from '../analysis/english';
import { count, STATUS_LABEL } from '../model/vocabulary';
import { landscape, type Landscape } from '../analysis/landscape';
import { FINDING_KIND_LABELS, FINDING_KINDS, type Finding, type FindingKind, type Severity } from '../analysis/types';
import type { Id, ProcessMap, Workspace, WorkspaceStatus } from '../model/types';
import { acrossContent, type AcrossPart } from './acrossContent';
import { costliest, type CostRow, type FindingRef, type FindingRow, findingRows, type Recommendation, recommendations } from './findingsContent';
import { glossaryContent, type GlossaryPart } from './glossaryContent';
import { commentsContent, commentThreads, type CommentsPart } from './commentsContent';
import { catalogueOf, mapSteps, type MapNote, type StepRow } from './mapSteps';
import { REPORT_SUBTITLE, type ReportOptions, type ReportSection } from './options';
import type { Paper } from './paper';
import { type MapPictures, mapPictures, numberedBadges } from './pictures/mapPictures';
import { longDate, reviewSentence } from './reportText';

// What the report says, worked out once from the workspace: numbered headings, the words of the
// summary, the pictures and the rows of every table. The .docx and HTML writers only lay this
// out, so the two files always say the same thing.

export type { FindingRef, FindingRow, CostRow, Recommendation } from './findingsContent';
export type { AcrossPart, LandscapePart, LandscapeRow } from './acrossContent';
export type { GlossaryPart, GlossaryStore, GlossarySystem } from './glossaryContent';
export type { CommentsPart, CommentThread } from './commentsContent';
export { MARK_LEGEND, FLAG_WORD } from './acrossContent';

import type { Heading } from './heading';
export type { Heading } from './heading';

export interface MapPart {
  heading: Heading;
  map: ProcessMap;
  /** "3 lanes · 12 steps · updated 22 November 2026". */
  facts: string;
  pictures: MapPictures;
  steps: StepRow[];
  notes: MapNote[];
  /** The findings that concern this map, by their numbers. */
  findings: FindingRef[];
}

export interface DepartmentPart {
  heading: Heading;
  /** null for the "Other maps" section. */
  departmentId: Id | null;
  intro: string;
  maps: MapPart[];
  /** The findings that concern the department (absent when the findings are left out). */
  findings?: FindingRow[];
}

export interface SummaryPart {
  heading: Heading;
  paragraphs: string[];
  /** The findings counted by kind (absent when left out). */
  kinds?: { label: string; count: number }[];
  costly?: { rows: CostRow[]; note: string };
}

export interface FindingsPart {
  heading: Heading;
  intro: string;
  rows: FindingRow[];
}

export interface RecommendationsPart {
  heading: Heading;
  intro: string;
  items: Recommendation[];
}

export interface Cover {
  title: string;
  subtitle: string;
  organisation?: string;
  preparedBy?: string;
  date: string;
  status?: string;
}

export interface ReportContent {
  cover: Cover;
  /** The running header of every page but the cover. */
  runningHeader: string;
  paper: Paper;
  summary?: SummaryPart;
  departments: DepartmentPart[];
  across?: AcrossPart;
  recommendations?: RecommendationsPart;
  findings?: FindingsPart;
  glossary?: GlossaryPart;
  /** What people said about the steps (absent when nobody commented, or left out). */
  comments?: CommentsPart;
  /** Every heading in document order, for the contents list. */
  contents: Heading[];
}

export const SEVERITY_WORD: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** The findings to print, or undefined when the report leaves them out. */
function chosenFindings(ws: Workspace, opts: ReportOptions, mapIds: Set<Id>, partial: boolean): Finding[] | undefined {
  const show = opts.includeFindings ?? (opts.findings === undefined || opts.findings.length > 0);
  if (!show) return undefined;
  const all = opts.findings ?? analyzeWorkspace(ws);
  // A report of some maps keeps the findings about them, and those that name no map.
  return partial ? all.filter((f) => f.mapIds.length === 0 || f.mapIds.some((id) => mapIds.has(id))) : all;
}

export function reportContent(ws: Workspace, opts: ReportOptions = {}): ReportContent {
  const wanted = opts.mapIds ? new Set(opts.mapIds) : undefined;
  const maps = wanted ? ws.maps.filter((m) => wanted.has(m.id)) : ws.maps;
  const mapIds = new Set(maps.map((m) => m.id));
  const findings = chosenFindings(ws, opts, mapIds, wanted !== undefined);
  const paper = opts.paper ?? 'a4';
  const on = (s: ReportSection) => opts.sections?.[s] !== false;
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

  const rows = findingRows(findings ?? [], maps);
  const refs = new Map(rows.map((r) => [r.id, r.ref]));
  const refsByMap = new Map<Id, FindingRef[]>();
  for (const [i, f] of (findings ?? []).entries()) for (const id of f.mapIds) refsByMap.set(id, [...(refsByMap.get(id) ?? []), rows[i]!]);
  // Landscape and flags over the chosen maps only.
  const land = landscape({ ...ws, maps }, findings ?? []);

  const summaryHeading = on('summary') ? heading('sec_summary', 'Summary') : undefined;
  const groups = on('departments') ? groupByDepartment(maps, ws) : [];
  const departments: DepartmentPart[] = groups.map((g, di) => {
    const title = g.departmentId === null ? 'Other maps' : deptName.get(g.departmentId)!;
    const h = heading(`sec_dept_${di + 1}`, title);
    const parts = g.maps.map((m, mi) => {
      const badges = findings ? numberedBadges(findings, refs, m, ws) : new Map();
      return mapPart(m, heading(`sec_map_${di + 1}_${mi + 1}`, m.name.trim() || 'Untitled map', 2), mapPictures(m, ws, paper, badges), cat, refsByMap.get(m.id) ?? []);
    });
    const steps = parts.reduce((n, p) => n + p.steps.length, 0);
    const mine = findings && rows.filter((r) => (g.departmentId === null ? g.maps.some((m) => refsByMap.get(m.id)?.includes(r)) : r.departmentIds.includes(g.departmentId)));
    const intro =
      (g.departmentId === null
        ? `Maps that belong to no department: ${count(g.maps.length, 'map')}, ${count(steps, 'step')} in all.`
        : `How ${title} handles customers: ${count(g.maps.length, 'map')}, ${count(steps, 'step')} in all.`) +
      (mine ? (mine.length ? ` ${count(mine.length, 'finding')} concern${mine.length === 1 ? 's' : ''} ${g.departmentId === null ? 'these maps' : 'it'}; they are listed below, before the maps.` : ' No finding concerns it.') : '');
    return { heading: h, departmentId: g.departmentId, intro, maps: parts, ...(mine ? { findings: mine } : {}) };
  });

  const across = on('across') ? acrossContent({ ws, maps, findings, rows, cat, deptName, land, heading }) : undefined;
  const recs = findings && on('recommendations') && rows.length ? recommendations(ws, rows) : undefined;
  const recommendationsPart: RecommendationsPart | undefined = recs && {
    heading: heading('sec_recommendations', 'Recommendations'),
    intro: 'What the CRM plan should do about what the maps show, one action for each kind of finding, with the findings it answers.',
    items: recs,
  };
  const findingsPart: FindingsPart | undefined =
    findings && on('findings')
      ? {
          heading: heading('sec_findings', 'All findings'),
          intro: findings.length
            ? `The analysis of the maps and the catalogue found ${count(findings.length, 'issue')}, most serious first. The numbers (F1, F2, …) are the ones on the maps’ badges.`
            : 'The analysis of the maps and the catalogue found nothing to report.',
          rows,
        }
      : undefined;
  const glossary = on('glossary') ? glossaryContent(ws, maps, cat, deptName, heading('sec_glossary', 'Glossary of systems and data stores')) : undefined;
  const threads = on('comments') ? commentThreads(maps) : [];
  const comments = threads.length > 0 ? commentsContent(threads, heading('sec_comments', 'Comments on steps')) : undefined;

  const workspaceName = ws.meta.name.trim() || 'Untitled workspace';
  const summary = summaryHeading && summaryPart(summaryHeading, ws, maps, land, findings, rows);
  return {
    cover: {
      title: opts.title?.trim() || workspaceName,
      subtitle: REPORT_SUBTITLE,
      ...(ws.meta.organisation?.trim() ? { organisation: ws.meta.organisation.trim() } : {}),
      ...(ws.meta.preparedBy?.trim() ? { preparedBy: ws.meta.preparedBy.trim() } : {}),
      date: longDate(opts.date ?? new Date().toISOString()),
      ...(ws.meta.status ? { status: STATUS_LABEL[ws.meta.status] } : {}),
    },
    runningHeader: workspaceName,
    paper,
    ...(summary ? { summary } : {}),
    departments,
    ...(across ? { across } : {}),
    ...(recommendationsPart ? { recommendations: recommendationsPart } : {}),
    ...(findingsPart ? { findings: findingsPart } : {}),
    ...(glossary ? { glossary } : {}),
    ...(comments ? { comments } : {}),
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

function mapPart(map: ProcessMap, heading: Heading, pictures: MapPictures, cat: ReturnType<typeof catalogueOf>, findings: FindingRef[]): MapPart {
  const { steps, notes } = mapSteps(map, cat);
  const facts = [count(map.lanes.length, 'lane'), count(steps.length, 'step'), `updated ${longDate(map.updatedAt)}`];
  // Where the map stands with its department: a reader of the policy must know which maps are agreed.
  if (map.review && map.review.state !== 'draft') {
    const review = reviewSentence(map.review) ?? STATUS_LABEL[map.review.state];
    facts.push(review.charAt(0).toLowerCase() + review.slice(1));
  }
  if (pictures.pictures.length > 1) facts.push(`drawn in ${pictures.pictures.length} parts`);
  return { heading, map, facts: facts.join(' · '), pictures, steps, notes, findings };
}

/**
 * Where the maps stand with their departments, once any map has been sent for review or agreed:
 * "2 of the 5 maps are agreed by their departments (Admissions, Registry); 1 is for review; 2 are drafts."
 */
function reviewStanding(maps: ProcessMap[]): string | null {
  const inState = (s: WorkspaceStatus) => maps.filter((m) => (m.review?.state ?? 'draft') === s);
  const [agreed, review, draft] = [inState('agreed'), inState('review'), inState('draft')];
  if (agreed.length + review.length === 0) return null;
  const names = (ms: ProcessMap[]) => listEn(ms.map((m) => `“${m.name.trim() || 'Untitled map'}”`));
  const parts = [
    agreed.length ? `${agreed.length} of the ${count(maps.length, 'map')} ${agreed.length === 1 ? 'is' : 'are'} agreed: ${names(agreed)}` : `None of the ${count(maps.length, 'map')} is agreed yet`,
    review.length ? `${review.length} ${review.length === 1 ? 'is' : 'are'} with ${review.length === 1 ? 'its department' : 'their departments'} for review: ${names(review)}` : '',
    draft.length ? `${draft.length} ${draft.length === 1 ? 'is a draft' : 'are drafts'}` : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

function summaryPart(heading: Heading, ws: Workspace, maps: ProcessMap[], land: Landscape, findings: Finding[] | undefined, rows: FindingRow[]): SummaryPart {
  const steps = maps.reduce((n, m) => n + mapSteps(m, catalogueOf(ws)).steps.length, 0);
  const deptIds = new Set(maps.map((m) => m.departmentId).filter((id): id is Id => id !== null && ws.departments.some((d) => d.id === id)));
  const used = land.columns.filter((c) => land.departments.some((d) => land.cells[d.id]?.[c.id]));
  const systems = used.filter((c) => c.kind === 'system').length;
  const stores = new Set(used.flatMap((c) => c.storeIds)).size;
  const paragraphs = [
    `Staff drew these maps in the CRM workshops to show how customers are handled today, as things are rather than as they should be. ` +
      `This report holds ${count(maps.length, 'process map')} from ${count(deptIds.size, 'department')}, ${count(steps, 'step')} in all; ` +
      `their steps use ${count(systems, 'system')} and ${count(stores, 'data store')} that hold customer data.`,
  ];
  const without = ws.departments.filter((d) => !deptIds.has(d.id)).map((d) => d.name.trim() || 'Unnamed department');
  if (without.length && maps.length === ws.maps.length) paragraphs.push(`No map has been drawn yet for ${listEn(without)}.`);
  const empty = maps.filter((m) => !m.nodes.some((n) => n.kind !== 'note')).map((m) => `“${m.name.trim() || 'Untitled map'}”`);
  if (empty.length) paragraphs.push(`Still empty: ${listEn(empty)}.`);
  const standing = reviewStanding(maps);
  if (standing) paragraphs.push(standing);
  if (findings === undefined) return { heading, paragraphs };
  if (findings.length === 0) {
    paragraphs.push('The analysis found no silos, no duplicate customer data, no re-keying and no gaps in the maps.');
    return { heading, paragraphs, kinds: [] };
  }
  const high = findings.filter((f) => f.severity === 'high').length;
  paragraphs.push(`The analysis found ${count(findings.length, 'issue')}${high ? `, ${high} of them serious` : ''}. By kind:`);
  const byKind = new Map<FindingKind, number>();
  for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const kinds = FINDING_KINDS.filter((k) => byKind.has(k)).map((k) => ({ label: FINDING_KIND_LABELS[k], count: byKind.get(k)! }));
  return { heading, paragraphs, kinds, costly: costliest(rows, findings) };
}
