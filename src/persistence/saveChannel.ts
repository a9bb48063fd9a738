// Tells the other tabs on a database that a save written outside Dexie (directSave.ts) landed:
// Dexie's change events, which tabSync.ts watches, only cover writes made through Dexie. A
// message names the repository that sent it, so a tab's own saves wake nobody in it.

const channelName = (dbName: string) => `lanemap-saved:${dbName}`;

function open(dbName: string): BroadcastChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(channelName(dbName));
  // Node's channels keep the process alive; a browser's have no unref.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

/** One repository's side: announce each save it wrote itself. */
export class SaveAnnouncer {
  private channel: BroadcastChannel | null | undefined;

  constructor(
    private readonly dbName: string,
    private readonly sender: string,
  ) {}

  announce(): void {
    if (this.channel === undefined) this.channel = open(this.dbName);
    this.channel?.postMessage({ sender: this.sender });
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
  }
}

/** Call `onSaved` whenever another repository announces a save on this database; returns the way to stop. */
export function listenForSaves(dbName: string, ownSender: string, onSaved: () => void): () => void {
  const channel = open(dbName);
  if (!channel) return () => undefined;
  channel.onmessage = (ev: MessageEvent<{ sender?: unknown }>) => {
    if (ev.data?.sender !== ownSender) onSaved();
  };
  return () => channel.close();
}
