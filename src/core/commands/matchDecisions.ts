import { isControlKind } from '../model/vocabulary';
import type { Id, MatchDecision, MatchVerdict, Workspace } from '../model/types';
import { CommandError, findMap, workspaceCommand } from './define';

// The user's word on step matches between two maps (compare screen): a match confirmed, a
// wrong one undone, two steps matched by hand. Kept in the workspace's meta (the bundle's
// workspace.matchDecisions) so they survive a reload and travel with the file.

export interface MatchDecisionArgs {
  mapA: Id;
  nodeA: Id;
  mapB: Id;
  nodeB: Id;
  /** null forgets what was said of the pair, so the matcher decides again. */
  verdict: MatchVerdict | null;
}

const listOf = (ws: Workspace): MatchDecision[] => ws.meta.matchDecisions ?? [];

/** The same two steps, whichever map was named first. */
const samePair = (d: MatchDecision, a: MatchDecisionArgs) =>
  (d.mapA === a.mapA && d.nodeA === a.nodeA && d.mapB === a.mapB && d.nodeB === a.nodeB) || (d.mapA === a.mapB && d.nodeA === a.nodeB && d.mapB === a.mapA && d.nodeB === a.nodeA);

/** A pairing of one of the two steps with another step of the other map: a step has one counterpart. */
function sharesAStep(d: MatchDecision, a: MatchDecisionArgs): boolean {
  if (d.verdict === 'rejected') return false;
  const ends = [`${d.mapA}/${d.nodeA}>${d.mapB}`, `${d.mapB}/${d.nodeB}>${d.mapA}`];
  return ends.includes(`${a.mapA}/${a.nodeA}>${a.mapB}`) || ends.includes(`${a.mapB}/${a.nodeB}>${a.mapA}`);
}

function checkStep(ws: Workspace, mapId: Id, nodeId: Id): void {
  const node = findMap(ws, mapId).nodes.find((n) => n.id === nodeId);
  if (!node || !isControlKind(node.kind)) throw new CommandError(`No step with id "${nodeId}" in map "${mapId}"`);
}

export const decideMatch = workspaceCommand<MatchDecisionArgs>('decideMatch', 'Match steps', (ws, a) => {
  if (a.mapA === a.mapB) throw new CommandError('Steps are matched between two different maps.');
  checkStep(ws, a.mapA, a.nodeA);
  checkStep(ws, a.mapB, a.nodeB);
  const before = listOf(ws);
  const current = before.find((d) => samePair(d, a));
  if ((current?.verdict ?? null) === a.verdict) return ws;
  let list = before.filter((d) => !samePair(d, a));
  if (a.verdict === 'confirmed' || a.verdict === 'manual') list = list.filter((d) => !sharesAStep(d, a));
  if (a.verdict !== null) list.push({ mapA: a.mapA, nodeA: a.nodeA, mapB: a.mapB, nodeB: a.nodeB, verdict: a.verdict });
  const meta: Workspace['meta'] = { ...ws.meta, matchDecisions: list };
  if (list.length === 0) delete meta.matchDecisions;
  return { ...ws, meta };
});
