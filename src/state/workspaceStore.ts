import { create } from 'zustand';
import type { WorkspaceEntry } from '../persistence/workspaceRegistry';

// The workspaces of this browser as the registry lists them (kept live: another tab's new,
// renamed or deleted workspace shows here at once), and the one this tab has open.

export interface WorkspacesState {
  /** Every workspace, those in the trash included, by name. */
  entries: WorkspaceEntry[];
  /** The workspace open in this tab (its registry id). */
  currentId: string | null;
  /** Another workspace is being opened: edits wait, buttons say so. */
  busy: boolean;
  /** False when browser storage could not be opened: there is only the workspace in this tab. */
  available: boolean;
}

export const useWorkspaces = create<WorkspacesState>(() => ({ entries: [], currentId: null, busy: false, available: false }));

export const liveEntries = (entries: WorkspaceEntry[]) => entries.filter((e) => e.deletedAt === undefined);
export const trashedEntries = (entries: WorkspaceEntry[]) => entries.filter((e) => e.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!);

/** The open workspace's entry, as a subscription. */
export const useCurrentEntry = (): WorkspaceEntry | undefined => useWorkspaces((s) => s.entries.find((e) => e.id === s.currentId));
