import { describe, expect, it } from 'vitest';
import { addComment, CommandError, commentsOn, deleteComment, deleteElements, deleteLane, setCommentsResolved } from '../../src/core/commands';
import type { StepComment, Workspace } from '../../src/core/model/types';
import { expectNoOp, expectUndoable, getMap, getNode, runCmd, workspace } from './fixtures/maps';

// Comments on steps: each comment a record of its own in the map, a step's comments its thread.

const AT = '2026-12-06T10:00:00.000Z';
const comment = (id: string, nodeId: string, text: string, author = 'Ana Silva'): StepComment => ({ id, nodeId, author, text, at: AT });
const add = (ws: Workspace, c: StepComment) => runCmd(addComment, ws, { mapId: 'map-a', comment: c });

describe('comments on steps', () => {
  it('adds a comment to a step as one undoable edit, text and name trimmed, oldest first', () => {
    const one = expectUndoable(addComment, workspace(), { mapId: 'map-a', comment: comment('c1', 'quote', '  Who checks the price?  ', ' Ana Silva ') });
    const two = add(one, comment('c2', 'quote', 'Finance does, by hand.', 'Ben'));
    expect(commentsOn(getMap(two), 'quote').map((c) => [c.author, c.text])).toEqual([['Ana Silva', 'Who checks the price?'], ['Ben', 'Finance does, by hand.']]);
    expect(commentsOn(getMap(two), 'fulfil')).toEqual([]);
  });

  it('refuses an empty comment, one without a name, an unknown step and a taken id', () => {
    const ws = add(workspace(), comment('c1', 'quote', 'First'));
    expect(() => add(ws, comment('c2', 'quote', '   '))).toThrow(/needs some text/);
    expect(() => add(ws, comment('c2', 'quote', 'Hi', ' '))).toThrow(/who writes/);
    expect(() => add(ws, comment('c2', 'nowhere', 'Hi'))).toThrow(CommandError);
    expect(() => add(ws, comment('c1', 'quote', 'Again'))).toThrow(/taken/);
    expect(() => add(ws, comment('c3', 'quote', 'x'.repeat(4001)))).toThrow(/at most 4000/);
  });

  it('resolves a thread and opens it again, each undoable; a new comment on a resolved thread opens it', () => {
    const ws = add(workspace(), comment('c1', 'quote', 'Who checks the price?'));
    const resolved = expectUndoable(setCommentsResolved, ws, { mapId: 'map-a', nodeId: 'quote', resolved: true });
    expect(getNode(getMap(resolved), 'quote').commentsResolved).toBe(true);
    expectNoOp(setCommentsResolved, resolved, { mapId: 'map-a', nodeId: 'quote', resolved: true });
    const reopened = expectUndoable(setCommentsResolved, resolved, { mapId: 'map-a', nodeId: 'quote', resolved: false });
    expect(getNode(getMap(reopened), 'quote')).not.toHaveProperty('commentsResolved');
    const answered = add(resolved, comment('c2', 'quote', 'Not settled after all'));
    expect(getNode(getMap(answered), 'quote')).not.toHaveProperty('commentsResolved');
    expect(() => runCmd(setCommentsResolved, workspace(), { mapId: 'map-a', nodeId: 'fulfil', resolved: true })).toThrow(/no comments/);
  });

  it('deletes one comment (undoable); the last one gone leaves no empty list behind', () => {
    const ws = add(add(workspace(), comment('c1', 'quote', 'One')), comment('c2', 'quote', 'Two'));
    const next = expectUndoable(deleteComment, ws, { mapId: 'map-a', commentId: 'c1' });
    expect(commentsOn(getMap(next), 'quote').map((c) => c.id)).toEqual(['c2']);
    expect(getMap(runCmd(deleteComment, next, { mapId: 'map-a', commentId: 'c2' }))).not.toHaveProperty('comments');
    expectNoOp(deleteComment, next, { mapId: 'map-a', commentId: 'gone' });
  });

  it("a deleted step or lane takes its comments with it, and undo brings them back", () => {
    const ws = add(add(workspace(), comment('c1', 'quote', 'On the quote')), comment('c2', 'fulfil', 'On fulfilment'));
    const noQuote = expectUndoable(deleteElements, ws, { mapId: 'map-a', nodeIds: ['quote'], flowIds: [] });
    expect(getMap(noQuote).comments!.map((c) => c.id)).toEqual(['c2']);
    const noOps = expectUndoable(deleteLane, ws, { mapId: 'map-a', laneId: 'lane-ops' });
    expect(getMap(noOps).comments!.map((c) => c.id)).toEqual(['c1']);
  });
});
