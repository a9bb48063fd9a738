// Limits on what an imported file may hold. Far above any real workshop map, they stop a
// broken or hostile file from freezing the editor (a 5 MB label) or from being unsavable
// (data nested so deep that the browser cannot copy it into storage).

/** Names, labels, kinds, customer fields. */
export const MAX_TEXT_LENGTH = 10_000;
/** A node's notes: what people said in the workshop. */
export const MAX_NOTES_LENGTH = 100_000;
export const MAX_ID_LENGTH = 500;
/** Levels of lists and objects inside one another; a Lanemap file uses fewer than 10. */
export const MAX_DEPTH = 64;

type Path = (string | number)[];
interface Step {
  value: unknown;
  key: string | number;
  depth: number;
  parent: Step | null;
}

/** The path of the first value nested deeper than MAX_DEPTH, or null. Iterative: deep input cannot overflow the stack. */
export function tooDeep(root: unknown): Path | null {
  const stack: Step[] = [{ value: root, key: '', depth: 0, parent: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { value, depth } = step;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) {
      const path: Path = [];
      for (let s: Step | null = step; s && s.parent; s = s.parent) path.unshift(s.key);
      return path;
    }
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, key: i, depth: depth + 1, parent: step }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, key: k, depth: depth + 1, parent: step });
  }
  return null;
}
