import * as C from '../core/commands';
import type { Id, MatchVerdict } from '../core/model/types';
import { useDocument } from './documentStore';

// The compare screen's edits: what the user says of a pair of steps in two maps. Kept in the
// workspace, undoable like any edit.

/** Confirm a match, mark a pair as not the same, match two steps by hand, or (null) forget what was said. */
export function decideMatch(mapA: Id, nodeA: Id, mapB: Id, nodeB: Id, verdict: MatchVerdict | null): boolean {
  return useDocument.getState().dispatch(C.decideMatch, { mapA, nodeA, mapB, nodeB, verdict });
}
