// String ids everywhere (DESIGN.md): they survive merging, import and future sync.
// A counter-based generator can be swapped in for deterministic tests.

export type IdGenerator = (prefix: string) => string;

export const randomIds: IdGenerator = (prefix) => {
  const uuid = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return `${prefix}-${uuid}`;
};

export function counterIds(start = 1): IdGenerator {
  let n = start;
  return (prefix) => `${prefix}-${n++}`;
}
