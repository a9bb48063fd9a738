import { sameData } from '../model/sameData';
import type { Finding } from './types';

// Findings come back from the worker as new objects after every edit, most of them the same as
// before. Handing the panel and the canvas the objects they already have, and the same list
// when nothing changed, lets them skip redrawing what did not change.

/** `next`, with each finding equal to one in `prev` (by id and content) replaced by that object; `prev` itself when the lists are equal. */
export function keepUnchanged(prev: readonly Finding[], next: readonly Finding[]): readonly Finding[] {
  const before = new Map(prev.map((f) => [f.id, f]));
  let same = prev.length === next.length;
  const out = next.map((f, i) => {
    const old = before.get(f.id);
    if (old && sameData(old, f)) {
      if (prev[i] !== old) same = false;
      return old;
    }
    same = false;
    return f;
  });
  return same ? prev : out;
}
