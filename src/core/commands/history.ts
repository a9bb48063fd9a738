import type { Workspace } from '../model/types';
import type { RecordChange } from './diff';
import { applyOwnChanges } from './ownChanges';

// Undo history kept per scope (each map has its own, the workspace has one), so undo in
// one map never reverts another. Entries carry a global sequence number, renewed each
// time they are done, merged, undone or redone: when the editor offers both the open
// map's and the workspace's history, undo takes the newest edit and redo the newest undo.
// Edits of other people in a shared workspace have no entries here, and undo keeps them
// (ownChanges).

export interface HistoryEntry {
  /** Order of the last time this entry was done, undone or redone: newest first wins. */
  seq: number;
  name: string;
  title: string;
  scope: string;
  changes: RecordChange[];
  /** Consecutive entries with the same key (arrow-key nudges) merge into one. */
  coalesceKey?: string;
  at: number;
}

export interface History {
  seq: number;
  undo: Record<string, HistoryEntry[]>;
  redo: Record<string, HistoryEntry[]>;
}

export const MAX_ENTRIES_PER_SCOPE = 200;
const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ seq: 0, undo: {}, redo: {} });

export function recordEntry(h: History, e: Omit<HistoryEntry, 'seq'>): History {
  const stack = h.undo[e.scope] ?? [];
  const top = stack[stack.length - 1];
  if (top && e.coalesceKey && top.coalesceKey === e.coalesceKey && e.at - top.at < COALESCE_MS) {
    const seq = h.seq + 1;
    const merged = { ...top, seq, at: e.at, changes: mergeChanges(top.changes, e.changes) };
    return { seq, undo: { ...h.undo, [e.scope]: [...stack.slice(0, -1), merged] }, redo: { ...h.redo, [e.scope]: [] } };
  }
  const seq = h.seq + 1;
  const nextStack = [...stack, { ...e, seq }].slice(-MAX_ENTRIES_PER_SCOPE);
  return { seq, undo: { ...h.undo, [e.scope]: nextStack }, redo: { ...h.redo, [e.scope]: [] } };
}

/** Keep the earliest `before` and the latest `after` of each record. */
function mergeChanges(first: RecordChange[], second: RecordChange[]): RecordChange[] {
  const out = first.map((c) => ({ ...c }));
  for (const c of second) {
    const prev = out.find((p) => p.table === c.table && p.id === c.id);
    if (prev) {
      prev.after = c.after;
      prev.afterIndex = c.afterIndex;
    }
    else out.push(c);
  }
  return out;
}

function newestTop(stacks: Record<string, HistoryEntry[]>, scopes: string[]): HistoryEntry | undefined {
  let best: HistoryEntry | undefined;
  for (const s of scopes) {
    const stack = stacks[s];
    const top = stack?.[stack.length - 1];
    if (top && (!best || top.seq > best.seq)) best = top;
  }
  return best;
}

export const peekUndo = (h: History, scopes: string[]) => newestTop(h.undo, scopes);
export const peekRedo = (h: History, scopes: string[]) => newestTop(h.redo, scopes);

export interface Step {
  history: History;
  workspace: Workspace;
  entry: HistoryEntry;
}

function move(h: History, ws: Workspace, scopes: string[], dir: 'undo' | 'redo'): Step | undefined {
  const from = dir === 'undo' ? h.undo : h.redo;
  const to = dir === 'undo' ? h.redo : h.undo;
  const entry = newestTop(from, scopes);
  if (!entry) return undefined;
  const workspace = applyOwnChanges(ws, entry.changes, dir === 'undo' ? 'before' : 'after');
  const seq = h.seq + 1;
  const shrunk = { ...from, [entry.scope]: from[entry.scope]!.slice(0, -1) };
  const grown = { ...to, [entry.scope]: [...(to[entry.scope] ?? []), { ...entry, seq }] };
  const history: History = dir === 'undo' ? { seq, undo: shrunk, redo: grown } : { seq, undo: grown, redo: shrunk };
  return { history, workspace, entry };
}

export const undo = (h: History, ws: Workspace, scopes: string[]) => move(h, ws, scopes, 'undo');
export const redo = (h: History, ws: Workspace, scopes: string[]) => move(h, ws, scopes, 'redo');
