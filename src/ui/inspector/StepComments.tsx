import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { commentsOn, MAX_COMMENT_LENGTH } from '../../core/commands/comments';
import type { MapNode, ProcessMap } from '../../core/model/types';
import { longDate } from '../../core/report/reportText';
import { addComment, deleteComment, setCommentsResolved } from '../../state/commentActions';
import { personName } from '../people/NameDialog';

const WHY = 'Your name goes with your comments, so everyone sees who said what.';

/** Asks to be typed into: each call moves the focus to the selected step's comment box ("Comment…", C). */
const useCommentAsk = create<{ asked: number }>(() => ({ asked: 0 }));
export const askComment = (): void => useCommentAsk.setState((s) => ({ asked: s.asked + 1 }));

/** A step's comments (its thread): read them, add one (Ctrl+Enter), resolve or reopen, delete one. */
export function StepComments({ map, node }: { map: ProcessMap; node: MapNode }) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const asked = useCommentAsk((s) => s.asked);
  // Only an ask made while this thread is shown moves the focus: one made for another step
  // before must not take the typing meant for a label (F2) when this one is selected.
  const seen = useRef(asked);
  useEffect(() => {
    if (asked === seen.current) return;
    seen.current = asked;
    box.current?.focus();
  }, [asked]);
  const thread = commentsOn(map, node.id);
  const send = async () => {
    if (!text.trim()) return;
    const author = await personName(WHY);
    if (author && addComment(map.id, node.id, text, author)) setText('');
  };
  return (
    <section className="step-comments" aria-labelledby={`comments-${node.id}`}>
      <h3 id={`comments-${node.id}`}>
        Comments{thread.length > 0 ? ` (${thread.length}, ${node.commentsResolved ? 'resolved' : 'open'})` : ''}
      </h3>
      {thread.length > 0 && (
        <ol className="comment-list">
          {thread.map((c) => (
            <li key={c.id}>
              <p className="comment-by">
                <span>
                  <strong>{c.author}</strong>, {longDate(c.at)}
                </span>
                <button type="button" className="link-button" aria-label={`Delete comment by ${c.author}: ${c.text.slice(0, 40)}`} onClick={() => deleteComment(map.id, c.id)}>
                  Delete
                </button>
              </p>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {/* A tab that only views the map has these inside a disabled fieldset (Inspector). */}
      <label className="field">
        <span>Add a comment</span>
        <textarea
          ref={box}
          rows={2}
          value={text}
          maxLength={MAX_COMMENT_LENGTH}
          placeholder="A question or a point for this step (Ctrl+Enter to send)"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        />
      </label>
      <div className="comment-actions">
        <button type="button" disabled={!text.trim()} onClick={() => void send()}>
          Comment
        </button>
        {thread.length > 0 && (
          <button type="button" onClick={() => setCommentsResolved(map.id, node.id, !node.commentsResolved)}>
            {node.commentsResolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
    </section>
  );
}
