import { count } from '../model/vocabulary';
import type { ProcessMap } from '../model/types';
import type { Heading } from './heading';
import { longDate } from './reportText';

// The appendix of comments: what people said about the steps of the chosen maps, map by map
// in the report's order and step by step in the map's, each thread open or resolved.

export interface CommentThread {
  map: string;
  step: string;
  resolved: boolean;
  comments: { author: string; date: string; text: string }[];
}

export interface CommentsPart {
  heading: Heading;
  intro: string;
  threads: CommentThread[];
}

/** The threads of the maps' steps (comments on a step since deleted are left out); empty when nobody commented. */
export function commentThreads(maps: readonly ProcessMap[]): CommentThread[] {
  return maps.flatMap((map) =>
    map.nodes.flatMap((node): CommentThread[] => {
      const said = (map.comments ?? []).filter((c) => c.nodeId === node.id);
      if (said.length === 0) return [];
      return [{
        map: map.name.trim() || 'Untitled map',
        step: node.label.trim() || 'Unnamed step',
        resolved: !!node.commentsResolved,
        comments: said.map((c) => ({ author: c.author, date: longDate(c.at), text: c.text })),
      }];
    }),
  );
}

export function commentsContent(threads: CommentThread[], heading: Heading): CommentsPart {
  const open = threads.filter((t) => !t.resolved).length;
  const comments = threads.reduce((n, t) => n + t.comments.length, 0);
  const intro = `What the people who drew and checked the maps said about their steps: ${count(comments, 'comment')} on ${count(threads.length, 'step')}, ${open} still open.`;
  return { heading, intro, threads };
}
