import type { Id, Workspace } from './types';

// New workspaces made from others (a duplicate, a file opened as a new workspace): a document
// of their own, and a name the list of workspaces can tell apart.

/** `name`, else `name (2)`, `name (3)`…: the first that no name in `taken` equals (case ignored). */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.trim().toLowerCase()));
  const base = name.trim();
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** `ws` as another document: its own id and name, every record copied (nothing shared with the original). */
export function copyWorkspace(ws: Workspace, id: Id, name: string): Workspace {
  const copy = structuredClone(ws);
  return { ...copy, meta: { ...copy.meta, id, name } };
}
