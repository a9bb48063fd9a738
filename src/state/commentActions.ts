import * as C from '../core/commands';
import { randomIds } from '../core/model/ids';
import type { Id } from '../core/model/types';
import { useDocument } from './documentStore';

// Comments on steps, each an undoable edit of the map. The author is the name the person gave
// in this browser (the caller asks for it first).

const doc = () => useDocument.getState();

export function addComment(mapId: Id, nodeId: Id, text: string, author: string): boolean {
  return doc().dispatch(C.addComment, { mapId, comment: { id: randomIds('c'), nodeId, author, text, at: new Date().toISOString() } });
}

export function setCommentsResolved(mapId: Id, nodeId: Id, resolved: boolean): boolean {
  return doc().dispatch(C.setCommentsResolved, { mapId, nodeId, resolved });
}

export function deleteComment(mapId: Id, commentId: Id): boolean {
  return doc().dispatch(C.deleteComment, { mapId, commentId });
}
