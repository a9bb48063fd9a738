import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

// The rooms on disk (SQLite). Durability: every update a client sends is appended to
// `doc_updates` synchronously, before the server acknowledges it (better-sqlite3 is synchronous,
// and the append runs inside the Y.Doc's update event, which returns before Hocuspocus sends the
// sync status), so SIGKILL loses nothing a client saw acknowledged. A compaction merges a room's
// updates into its one `doc_states` row (on a timer, within a second, and at shutdown).
// WAL with synchronous=FULL: each append is on disk, not only in the OS cache, when it returns.

export interface Secrets {
  editHash: string;
  readHash: string | null;
}

export class RoomStore {
  private db: Database.Database;
  private pending = new Set<string>();
  /** Made once: `append` runs for every update a client sends, inside the update event. */
  private sql!: ReturnType<RoomStore['statements']>;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000'); // several server processes may share one file
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS doc_states (name TEXT PRIMARY KEY, state BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS doc_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS doc_updates_name ON doc_updates (name, id);
      CREATE TABLE IF NOT EXISTS workspaces (id TEXT PRIMARY KEY, edit_hash TEXT NOT NULL, read_hash TEXT, claimed_at TEXT NOT NULL);
    `);
    this.sql = this.statements();
    // Updates a killed process left behind are compacted on the next timer.
    for (const row of this.db.prepare('SELECT DISTINCT name FROM doc_updates').all() as { name: string }[]) this.pending.add(row.name);
  }

  /** Everything stored for a room: its state and the updates since, to apply in order. */
  load(name: string): Uint8Array[] {
    const state = this.sql.state.get(name) as { state: Buffer } | undefined;
    const updates = this.sql.updates.all(name) as { data: Buffer }[];
    return [...(state ? [state.state] : []), ...updates.map((u) => u.data)].map((b) => new Uint8Array(b));
  }

  append(name: string, update: Uint8Array): void {
    this.sql.append.run(name, Buffer.from(update));
    this.pending.add(name);
  }

  /** Merge each room's appended updates into its state row, one transaction per room. */
  compact(): void {
    const rooms = [...this.pending];
    this.pending.clear();
    for (const name of rooms) {
      try {
        this.compactRoom(name);
      } catch (e) {
        // Another process held the file too long: the rows stay, and the next run tries again.
        this.pending.add(name);
        console.error(`Lanemap server: compacting ${name} failed, will retry:`, e instanceof Error ? e.message : e);
      }
    }
  }

  private compactRoom(name: string): void {
    // IMMEDIATE takes the write lock before reading: a read transaction that later writes fails
    // with SQLITE_BUSY_SNAPSHOT when another server process appended in between (seen with two).
    this.db.transaction(() => {
      const top = this.sql.lastUpdate.get(name) as { id: number | null };
      if (top.id === null) return;
      const doc = new Y.Doc();
      for (const update of this.load(name)) Y.applyUpdate(doc, update);
      this.sql.saveState.run(name, Buffer.from(Y.encodeStateAsUpdate(doc)));
      this.sql.dropUpdates.run(name, top.id);
      doc.destroy();
    }).immediate();
  }

  /** Rows waiting for compaction (for tests and the shutdown log). */
  updateRows(name: string): number {
    return (this.sql.countUpdates.get(name) as { n: number }).n;
  }

  secrets(workspaceId: string): Secrets | null {
    const row = this.sql.secrets.get(workspaceId) as { edit_hash: string; read_hash: string | null } | undefined;
    return row ? { editHash: row.edit_hash, readHash: row.read_hash } : null;
  }

  /** Store the hashes for a workspace nobody has claimed; false when someone already has. */
  claim(workspaceId: string, secrets: Secrets): boolean {
    const result = this.sql.claim.run(workspaceId, secrets.editHash, secrets.readHash, new Date().toISOString());
    return result.changes === 1;
  }

  /** New hashes for a claimed workspace ("stop sharing": the old links stop working). */
  replaceSecrets(workspaceId: string, secrets: Secrets): void {
    this.sql.replaceSecrets.run(secrets.editHash, secrets.readHash, workspaceId);
  }

  private statements() {
    const q = (sql: string) => this.db.prepare(sql);
    return {
      state: q('SELECT state FROM doc_states WHERE name = ?'),
      updates: q('SELECT data FROM doc_updates WHERE name = ? ORDER BY id'),
      append: q('INSERT INTO doc_updates (name, data) VALUES (?, ?)'),
      lastUpdate: q('SELECT MAX(id) AS id FROM doc_updates WHERE name = ?'),
      saveState: q('INSERT INTO doc_states (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state'),
      dropUpdates: q('DELETE FROM doc_updates WHERE name = ? AND id <= ?'),
      countUpdates: q('SELECT COUNT(*) AS n FROM doc_updates WHERE name = ?'),
      secrets: q('SELECT edit_hash, read_hash FROM workspaces WHERE id = ?'),
      claim: q('INSERT OR IGNORE INTO workspaces (id, edit_hash, read_hash, claimed_at) VALUES (?, ?, ?, ?)'),
      replaceSecrets: q('UPDATE workspaces SET edit_hash = ?, read_hash = ? WHERE id = ?'),
    };
  }

  close(): void {
    this.compact();
    this.db.close();
  }
}
