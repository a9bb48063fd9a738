import Dexie, { type Table } from 'dexie';

// A shared workspace's Yjs document on the device: every update (this browser's and what came
// from the room), appended as it happens, so a laptop that edits offline and reloads still has
// its unsent changes and sends them when it reaches the server again. One small database per
// workspace, beside the workspace's own (`<dbName>-live`), deleted with it.

interface UpdateRow {
  id?: number;
  data: Uint8Array;
}

class LiveUpdatesDB extends Dexie {
  declare updates: Table<UpdateRow, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ updates: '++id' });
  }
}

export const liveDbName = (workspaceDbName: string): string => `${workspaceDbName}-live`;

/** Past this many rows, opening merges them into one. */
const COMPACT_AFTER = 500;

export class LiveUpdates {
  private db: LiveUpdatesDB;
  private queue: Uint8Array[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failed: ((e: unknown) => void) | null;

  constructor(workspaceDbName: string, onFailure: (e: unknown) => void) {
    this.db = new LiveUpdatesDB(liveDbName(workspaceDbName));
    this.failed = onFailure;
  }

  /** Everything stored, merged into one update by `merge` (Y.mergeUpdates), compacted when long. */
  async load(merge: (updates: Uint8Array[]) => Uint8Array): Promise<Uint8Array | null> {
    const rows = await this.db.updates.toArray();
    if (rows.length === 0) return null;
    const merged = merge(rows.map((r) => r.data));
    if (rows.length > COMPACT_AFTER) {
      const last = rows[rows.length - 1]!.id!;
      await this.db.transaction('rw', this.db.updates, async () => {
        await this.db.updates.where('id').belowOrEqual(last).delete();
        await this.db.updates.add({ data: merged });
      });
    }
    return merged;
  }

  /** Keep an update; updates arriving together are written in one transaction, in order. */
  append(update: Uint8Array): void {
    this.queue.push(update);
    if (this.queue.length > 1) return;
    this.writing = this.writing.then(async () => {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.db.updates.bulkAdd(batch.map((data) => ({ data })));
      } catch (e) {
        this.failed?.(e);
      }
    });
  }

  /** Resolves when every update appended so far is written. */
  written(): Promise<void> {
    return this.writing;
  }

  close(): void {
    this.failed = null;
    this.db.close();
  }
}

/** Forget a workspace's shared doc on this device (a share that never reached the server). */
export function deleteLiveUpdates(workspaceDbName: string): Promise<void> {
  return Dexie.delete(liveDbName(workspaceDbName));
}
