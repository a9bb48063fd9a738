import { commentCounts } from '../../core/commands/comments';
import type { ProcessMap } from '../../core/model/types';
import { count } from '../../core/model/vocabulary';
import { useUi } from '../../state/uiStore';
import { revealNode } from '../actions/canvasView';

/** The map's steps that have comments, open threads first: choosing one selects the step and shows it. */
export function MapComments({ map }: { map: ProcessMap }) {
  const select = useUi((s) => s.select);
  const said = commentCounts(map);
  const threads = map.nodes
    .map((node) => ({ node, n: said.get(node.id) ?? 0 }))
    .filter((t) => t.n > 0)
    .sort((a, b) => Number(!!a.node.commentsResolved) - Number(!!b.node.commentsResolved));
  if (threads.length === 0) return null;
  const open = threads.filter((t) => !t.node.commentsResolved).length;
  return (
    <section className="map-comments" aria-labelledby="map-comments-title">
      <h3 id="map-comments-title">Comments: {open} open, {threads.length - open} resolved</h3>
      <ul>
        {threads.map(({ node, n }) => (
          <li key={node.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                select({ nodeIds: [node.id] });
                revealNode(node.id);
              }}
            >
              {node.label.trim() || 'Unnamed step'}
            </button>{' '}
            <span className="hint">
              {count(n, 'comment')}, {node.commentsResolved ? 'resolved' : 'open'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
