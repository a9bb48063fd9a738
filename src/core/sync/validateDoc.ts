import type * as Y from 'yjs';
import type { Workspace } from '../model/types';
import { addZodIssues, humanError, IssueList, type PathPart } from '../schema/issues';
import { MAX_DEPTH, tooDeep } from '../schema/limits';
import { bundleBodySchema, bundleMapSchema } from '../schema/records';
import { mapToBundle } from '../schema/bundleWrite';
import { type DocTable, DocShapeError, DOC_TABLES, MAP_LISTS, tableRoot } from './docShape';
import { readMeta, readRecord, readWorkspace } from './readDoc';
import type { Touched } from './remotePatch';

// What the server asks of every update before it keeps it: does the doc it would make still
// read as a workspace every client can open? Shapes, kinds and the import limits (a 5 MB label
// would freeze every editor in the room) are checked, as for a file. References between records
// (a step's lane, a flow's ends) are not grounds for refusal: two people can each make a valid
// edit (one deletes a lane while the other adds a step to it) whose merge points nowhere, and
// refusing the second would split that client from the room for good. They are reported as
// `dangling` for the client to mend.

export type DocCheck = { ok: true; workspace: Workspace } | { ok: false; problems: string[] };
export type RecordsCheck = { ok: true } | { ok: false; problems: string[] };

const problemsOf = (issues: IssueList): string[] => issues.result().map((p) => `${p.path}: ${p.message}`);

function checkMeta(meta: unknown, issues: IssueList): void {
  const parsed = bundleBodySchema.shape.workspace.safeParse(meta, { error: humanError });
  if (!parsed.success) addZodIssues(issues, ['workspace'], parsed.error);
}

// A catalogue record as a file's reader checks it: with the import limits.
const CATALOGUE_SCHEMAS = {
  departments: bundleBodySchema.shape.departments.unwrap().element,
  systems: bundleBodySchema.shape.systems.unwrap().element,
  dataStores: bundleBodySchema.shape.dataStores.unwrap().element,
};

/** One record of a table, kept under `id`, with its limits; `at` names it in the problems. */
function checkRecord(table: DocTable, id: string, record: unknown, at: PathPart[], issues: IssueList): void {
  const deep = tooDeep(record);
  if (deep) {
    issues.add([...at, ...deep], `is nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  if ((record as { id?: unknown }).id !== id) issues.add([...at, 'id'], 'is not the id the record is kept under');
  if (table !== 'maps') {
    const parsed = CATALOGUE_SCHEMAS[table].safeParse(record, { error: humanError });
    if (!parsed.success) addZodIssues(issues, at, parsed.error);
    return;
  }
  let bundled: unknown;
  try {
    bundled = mapToBundle(record as Workspace['maps'][number]);
  } catch {
    issues.add(at, 'cannot be read as a map');
    return;
  }
  const parsed = bundleMapSchema.safeParse(bundled, { error: humanError });
  if (!parsed.success) addZodIssues(issues, at, parsed.error);
  const map = record as Workspace['maps'][number];
  for (const list of MAP_LISTS) {
    const ids = new Set<unknown>();
    (map[list] ?? []).forEach((r, j) => {
      if (ids.has(r.id)) issues.add([...at, list, j, 'id'], 'is used twice');
      ids.add(r.id);
    });
  }
}

/** Check the workspace a doc holds; `problems` in plain English when it is not one a client can open. */
export function checkDoc(doc: Y.Doc): DocCheck {
  let ws: Workspace;
  try {
    ws = readWorkspace(doc);
  } catch (e) {
    if (e instanceof DocShapeError) return { ok: false, problems: [e.message] };
    throw e;
  }
  const issues = new IssueList();
  checkMeta(ws.meta, issues);
  for (const table of DOC_TABLES) {
    const keys = [...tableRoot(doc, table).keys()];
    (ws[table] as unknown[]).forEach((record, i) => checkRecord(table, keys.includes((record as { id: string }).id) ? (record as { id: string }).id : '', record, [table, i], issues));
  }
  return issues.empty ? { ok: true, workspace: ws } : { ok: false, problems: problemsOf(issues) };
}

/**
 * Check only what a transaction touched (and the workspace's own fields, which are small): what
 * the server runs on each update, so a check costs the records an edit changed, not the workspace.
 */
export function checkTouched(doc: Y.Doc, touched: Touched): RecordsCheck {
  if (touched.foreign) return { ok: false, problems: ['writes outside the workspace\'s records'] };
  const issues = new IssueList();
  try {
    checkMeta(readMeta(doc), issues);
    for (const [table, ids] of touched.records) {
      for (const id of ids) {
        const record = readRecord(doc, table, id);
        if (record !== undefined) checkRecord(table, id, record, [table, id], issues);
      }
    }
  } catch (e) {
    if (e instanceof DocShapeError) return { ok: false, problems: [e.message] };
    throw e;
  }
  return issues.empty ? { ok: true } : { ok: false, problems: problemsOf(issues) };
}

/** References that point at nothing (a step's lane, a flow's ends), as "map m1: node n2's lane l9". */
export function danglingReferences(ws: Workspace): string[] {
  const out: string[] = [];
  for (const map of ws.maps) {
    const lanes = new Set(map.lanes.map((l) => l.id));
    const nodes = new Set(map.nodes.map((n) => n.id));
    for (const n of map.nodes) if (!lanes.has(n.laneId)) out.push(`map ${map.id}: node ${n.id}'s lane ${n.laneId}`);
    for (const f of map.flows) for (const end of [f.from, f.to]) if (!nodes.has(end)) out.push(`map ${map.id}: flow ${f.id}'s end ${end}`);
  }
  return out;
}
