import { create } from 'zustand';

// What the UI shows of a shared workspace: the connection, what this browser may do, how many
// of its changes the server has not acknowledged yet, and who else is here. Small and free of
// Yjs, so the top bar can read it without loading the sync code (loaded only when sharing).

export type Connection = 'off' | 'connecting' | 'connected' | 'offline' | 'refused';

export interface Peer {
  /** The Yjs client id: one per open tab. */
  id: number;
  name: string;
  color: string;
  mapId: string | null;
  /** The steps they have selected on that map. */
  selection: string[];
}

export interface LiveState {
  /** The open workspace is shared (its room, and the links this browser can hand out). */
  room: string | null;
  editLink: string | null;
  viewLink: string | null;
  connection: Connection;
  access: 'edit' | 'read' | null;
  /** Changes made here that the server has not acknowledged (kept on the device until it does). */
  unsent: number;
  /** Why the connection is not working, in words for the user, or null. */
  problem: string | null;
  peers: Peer[];
}

export const NOT_SHARED: LiveState = { room: null, editLink: null, viewLink: null, connection: 'off', access: null, unsent: 0, problem: null, peers: [] };

export const useLive = create<LiveState>(() => NOT_SHARED);

/** A join in progress or failed, shown by the join dialog. */
export const useJoin = create<{ state: 'idle' | 'joining' | 'failed'; message: string | null }>(() => ({ state: 'idle', message: null }));
