import { useState } from 'react';
import { commentsOn, MAX_COMMENT_LENGTH } from '../../core/commands/comments';
import type { MapNode, ProcessMap } from '../../core/model/types';
import { longDate } from '../../core/report/reportText';
import { addComment, deleteComment, setCommentsResolved } from '../../state/commentActions';
import { personName } from '../people/NameDialog';

const WHY = 'Your name goes with your comments, so everyone sees who said what.';

/** A step's comments (its thread): read them, add one (Ctrl+Enter), resolve or reopen, delete one. */
export function StepComments({ map, node }: { map: ProcessMap; node: MapNode }) {
  const [text, setText] = useState('');
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
