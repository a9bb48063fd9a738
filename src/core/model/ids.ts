// String ids everywhere (DESIGN.md): they survive merging, import and future sync.
// Commands take ids in their arguments, so tests pass readable ones instead.

export type IdGenerator = (prefix: string) => string;

export const randomIds: IdGenerator = (prefix) => {
  const uuid = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return `${prefix}-${uuid}`;
};
