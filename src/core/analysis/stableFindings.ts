import type { Finding } from './types';

// Findings come back from the worker as new objects after every edit, most of them the same as
// before. Handing the panel and the canvas the objects they already have, and the same list
// when nothing changed, lets them skip redrawing what did not change.

/** Whether two plain data values (what structured clone carries) are equal. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameData(x, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameData(x[k], y[k]));
}

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
