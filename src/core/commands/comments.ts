import type { Id, ProcessMap, StepComment } from '../model/types';
import { CommandError, mapCommand } from './define';

// Comments on steps: each step's comments are its thread, open until someone resolves it. A
// comment is a record of its own in the map (not text inside the step), so comments written at
// the same time by two people are both kept when their edits meet.

/** Comments longer than this are refused: a thread is a conversation, the step's notes hold documents. */
export const MAX_COMMENT_LENGTH = 4000;

export const addComment = mapCommand<{ mapId: Id; comment: StepComment }>('addComment', 'Comment', (map, a) => {
  const c = a.comment;
  findNode(map, c.nodeId);
  const text = c.text.trim();
  const author = c.author.trim();
  if (!text) throw new CommandError('A comment needs some text');
  if (text.length > MAX_COMMENT_LENGTH) throw new CommandError(`A comment can be at most ${MAX_COMMENT_LENGTH} characters; this one has ${text.length}`);
  if (!author) throw new CommandError('Say who writes the comment');
  if (map.comments?.some((x) => x.id === c.id)) throw new CommandError(`Comment id "${c.id}" is taken`);
  // A new word on a resolved thread opens it again.
  const nodes = map.nodes.map((n) => (n.id === c.nodeId && n.commentsResolved ? withoutResolved(n) : n));
  return { ...map, nodes, comments: [...(map.comments ?? []), { ...c, text, author }] };
});

export const setCommentsResolved = mapCommand<{ mapId: Id; nodeId: Id; resolved: boolean }>('setCommentsResolved', 'Resolve comments', (map, a) => {
  const node = findNode(map, a.nodeId);
  if (!!node.commentsResolved === a.resolved) return map;
  if (a.resolved && !map.comments?.some((c) => c.nodeId === a.nodeId)) throw new CommandError('This step has no comments to resolve');
  return { ...map, nodes: map.nodes.map((n) => (n.id !== a.nodeId ? n : a.resolved ? { ...n, commentsResolved: true } : withoutResolved(n))) };
});

export const deleteComment = mapCommand<{ mapId: Id; commentId: Id }>('deleteComment', 'Delete comment', (map, a) => {
  if (!map.comments?.some((c) => c.id === a.commentId)) return map;
  return withComments(map, map.comments.filter((c) => c.id !== a.commentId));
});

/** The map without the comments on the given steps (they are being deleted). */
export function withoutCommentsOn(map: ProcessMap, gone: ReadonlySet<Id>): ProcessMap {
  if (!map.comments?.some((c) => gone.has(c.nodeId))) return map;
  return withComments(map, map.comments.filter((c) => !gone.has(c.nodeId)));
}

/** How many comments each commented step has. */
export function commentCounts(map: ProcessMap): Map<Id, number> {
  const counts = new Map<Id, number>();
  for (const c of map.comments ?? []) counts.set(c.nodeId, (counts.get(c.nodeId) ?? 0) + 1);
  return counts;
}

/** The comments on one step, oldest first. */
export const commentsOn = (map: ProcessMap, nodeId: Id): StepComment[] => (map.comments ?? []).filter((c) => c.nodeId === nodeId);

function findNode(map: ProcessMap, nodeId: Id) {
  const node = map.nodes.find((n) => n.id === nodeId);
  if (!node) throw new CommandError(`No node with id "${nodeId}"`);
  return node;
}

function withComments(map: ProcessMap, comments: StepComment[]): ProcessMap {
  const next: ProcessMap = { ...map, comments };
  if (comments.length === 0) delete next.comments;
  return next;
}

function withoutResolved<N extends { commentsResolved?: boolean }>(n: N): N {
  const { commentsResolved: _r, ...rest } = n;
  return rest as N;
}
