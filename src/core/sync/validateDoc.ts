import type * as Y from 'yjs';
import type { Workspace } from '../model/types';
import { addZodIssues, formatPath, humanError, IssueList, type PathPart } from '../schema/issues';
import { MAX_DEPTH, tooDeep } from '../schema/limits';
import { bundleBodySchema, bundleMapSchema } from '../schema/records';
import { mapToBundle } from '../schema/bundleWrite';
import { DocShapeError, DOC_TABLES, tableRoot } from './docShape';
import { readWorkspace } from './readDoc';

// What the server asks of every update before it keeps it: does the doc it would make still
// read as a workspace every client can open? Shapes, kinds and the import limits (a 5 MB label
// would freeze every editor in the room) are checked, as for a file. References between records
// (a step's lane, a flow's ends) are not grounds for refusal: two people can each make a valid
// edit (one deletes a lane while the other adds a step to it) whose merge points nowhere, and
// refusing the second would split that client from the room for good. They are reported as
// `dangling` for the client to mend.

export type DocCheck = { ok: true; workspace: Workspace } | { ok: false; problems: string[] };

/** Each record's `id` field must be the key it is kept under, or two records could claim one id. */
function keysMatch(doc: Y.Doc, ws: Workspace, issues: IssueList): void {
  for (const table of DOC_TABLES) {
    const root = tableRoot(doc, table);
    (ws[table] as { id: unknown }[]).forEach((r, i) => {
      if (!root.has(String(r.id)) || typeof r.id !== 'string') issues.add([table, i, 'id'], 'is not the id the record is kept under');
    });
  }
  ws.maps.forEach((m, i) => {
    for (const list of ['lanes', 'nodes', 'flows'] as const) {
      const ids = new Set<unknown>();
      (m[list] as { id: unknown }[]).forEach((r, j) => {
        if (ids.has(r.id)) issues.add(['maps', i, list, j, 'id'], 'is used twice');
        ids.add(r.id);
      });
    }
  });
}

function checkShapes(ws: Workspace, issues: IssueList): void {
  const body = bundleBodySchema.safeParse({ workspace: ws.meta, departments: ws.departments, systems: ws.systems, dataStores: ws.dataStores }, { error: humanError });
  if (!body.success) addZodIssues(issues, [], body.error);
  ws.maps.forEach((map, i) => {
    const at: PathPart[] = ['maps', i];
    let bundled: unknown;
    try {
      bundled = mapToBundle(map);
    } catch {
      issues.add(at, 'cannot be read as a map');
      return;
    }
    const parsed = bundleMapSchema.safeParse(bundled, { error: humanError });
    if (!parsed.success) addZodIssues(issues, at, parsed.error);
  });
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
  const deep = tooDeep(ws);
  if (deep) return { ok: false, problems: [`${formatPath(deep)}: is nested more than ${MAX_DEPTH} levels deep`] };
  const issues = new IssueList();
  keysMatch(doc, ws, issues);
  checkShapes(ws, issues);
  if (!issues.empty) return { ok: false, problems: issues.result().map((p) => `${p.path}: ${p.message}`) };
  return { ok: true, workspace: ws };
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
