import { create } from 'zustand';
import {
  type Command,
  CommandError,
  diffWorkspace,
  emptyHistory,
  type History,
  type HistoryEntry,
  peekRedo,
  peekUndo,
  recordEntry,
  redo as redoHistory,
  type RecordChange,
  scopeKey,
  undo as undoHistory,
} from '../core/commands';
import type { Id, Workspace } from '../core/model/types';
import { markStart } from './startMarks';

// The open workspace and its history. The UI never edits the document itself: it
// dispatches named core commands, and this store records what they changed.

export interface DocumentState {
  workspace: Workspace | null;
  history: History;
  /** Set once the stored workspace (or the demo) is loaded; nothing is saved before. */
  ready: boolean;
  /**
   * Run a command. `record: false` applies and saves it without an undo entry: for edits
   * the user did not make (laying out a map that arrived without positions).
   */
  dispatch: <A>(cmd: Command<A>, args: A, opts?: { coalesceKey?: string; record?: boolean }) => boolean;
  undo: (mapId: Id | null) => HistoryEntry | undefined;
  redo: (mapId: Id | null) => HistoryEntry | undefined;
  load: (ws: Workspace) => void;
}

type ChangeListener = (changes: RecordChange[]) => void;
type ErrorListener = (message: string) => void;
/** Says why an edit may not be made here (a map another tab edits, a read-only workspace), or null. */
export type EditGuard = (changes: RecordChange[]) => string | null;
const changeListeners = new Set<ChangeListener>();
const errorListeners = new Set<ErrorListener>();
const guards = new Set<EditGuard>();

/** Persistence subscribes here: every committed change, undo and redo. */
export function onDocumentChange(fn: ChangeListener): () => void {
  changeListeners.add(fn);
  return () => changeListeners.delete(fn);
}

/** The UI shows a command that was refused (bad ids, a lane that is gone) as a message. */
export function onCommandError(fn: ErrorListener): () => void {
  errorListeners.add(fn);
  return () => errorListeners.delete(fn);
}

/** Refuse edits for a reason: the edit is not applied and the reason is shown as an error. */
export function addEditGuard(fn: EditGuard): () => void {
  guards.add(fn);
  return () => guards.delete(fn);
}

function refusal(changes: RecordChange[]): string | null {
  for (const guard of guards) {
    const reason = guard(changes);
    if (reason) return reason;
  }
  return null;
}

const now = () => new Date().toISOString();

export const historyScopes = (mapId: Id | null): string[] =>
  mapId ? [scopeKey({ kind: 'map', mapId }), scopeKey({ kind: 'workspace' })] : [scopeKey({ kind: 'workspace' })];

export const useDocument = create<DocumentState>((set, get) => ({
  workspace: null,
  history: emptyHistory(),
  ready: false,

  load: (ws) => {
    set({ workspace: ws, history: emptyHistory(), ready: true });
    markStart('workspace-ready');
  },

  dispatch: (cmd, args, opts) => {
    const { workspace, history } = get();
    if (!workspace) return false;
    let next: Workspace;
    try {
      next = cmd.run(workspace, args, { now });
    } catch (e) {
      const message = e instanceof CommandError ? e.message : `${cmd.title} failed: ${String(e)}`;
      for (const fn of errorListeners) fn(message);
      return false;
    }
    if (next === workspace) return false;
    const changes = diffWorkspace(workspace, next);
    const refused = refusal(changes);
    if (refused) {
      // Edits the user did not make (a layout on open) are dropped without a message.
      if (opts?.record !== false) for (const fn of errorListeners) fn(refused);
      return false;
    }
    const entry = { name: cmd.name, title: cmd.title, scope: scopeKey(cmd.scope(args)), changes, at: Date.now(), coalesceKey: opts?.coalesceKey };
    set({ workspace: next, history: opts?.record === false ? history : recordEntry(history, entry) });
    for (const fn of changeListeners) fn(changes);
    return true;
  },

  undo: (mapId) => step(get, set, mapId, 'undo'),
  redo: (mapId) => step(get, set, mapId, 'redo'),
}));

function step(
  get: () => DocumentState,
  set: (s: Partial<DocumentState>) => void,
  mapId: Id | null,
  dir: 'undo' | 'redo',
): HistoryEntry | undefined {
  const { workspace, history } = get();
  if (!workspace) return undefined;
  const result = (dir === 'undo' ? undoHistory : redoHistory)(history, workspace, historyScopes(mapId));
  if (!result) return undefined;
  const refused = refusal(result.entry.changes);
  if (refused) {
    for (const fn of errorListeners) fn(refused);
    return undefined;
  }
  set({ workspace: result.workspace, history: result.history });
  // What the step did, not the entry as recorded: the journal writes it down as an edit, and
  // in a shared workspace undo changes only part of the entry's records (core ownChanges).
  const changes = diffWorkspace(workspace, result.workspace);
  for (const fn of changeListeners) fn(changes);
  return result.entry;
}

/**
 * Take in records another tab saved. Not an edit of this tab: no history entry and nothing
 * to save. The history of each map replaced is dropped, since undoing it would overwrite
 * the other tab's work with an older copy.
 */
export function adoptRemote(next: Workspace, replacedMapIds: Id[]): void {
  const { history } = useDocument.getState();
  const drop = new Set(replacedMapIds.map((mapId) => scopeKey({ kind: 'map', mapId })));
  const keep = (stacks: History['undo']) => Object.fromEntries(Object.entries(stacks).filter(([scope]) => !drop.has(scope)));
  useDocument.setState({ workspace: next, history: drop.size ? { ...history, undo: keep(history.undo), redo: keep(history.redo) } : history });
}

/** A map of the open workspace by id, now (for actions) or as a subscription (for components). */
export const getMap = (mapId: Id | null | undefined) => (mapId ? useDocument.getState().workspace?.maps.find((m) => m.id === mapId) : undefined);
export const useMap = (mapId: Id) => useDocument((s) => s.workspace?.maps.find((m) => m.id === mapId));

export const canUndo = (h: History, mapId: Id | null) => peekUndo(h, historyScopes(mapId));
export const canRedo = (h: History, mapId: Id | null) => peekRedo(h, historyScopes(mapId));
