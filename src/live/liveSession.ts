import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { mendCatalogueLinks } from '../core/commands';
import { applyPatch, patchBetween, type WorkspacePatch } from '../core/commands/workspacePatch';
import type { Workspace } from '../core/model/types';
import { applyPatchToDoc, checkDoc, keepUnchanged, mendMerged, observeRemote, writeWorkspace } from '../core/sync';
import { shareHash } from '../core/sync/shareLink';
import { LiveUpdates } from '../persistence/liveUpdates';
import type { LiveLinkRecord, WorkspaceEntry } from '../persistence/registryDb';
import { addEditGuard, onDocumentChange, useDocument } from '../state/documentStore';
import { currentSession, recordLink, takeInShared } from '../state/workspaceSession';
import { type LiveState, NOT_SHARED, useLive } from './liveStatus';
import { startPresence } from './presence';

// A shared workspace's connection: the workspace as a Y.Doc (core/sync), kept on the device
// (LiveUpdates) and in step with the room through the Hocuspocus provider. The store stays the
// app's source for drawing: each local command's patch is written into the doc in one
// transaction; what other people change arrives as a patch and is taken into the store without
// a history entry. The doc on the device is the truth when a shared workspace opens, so changes
// that reached the doc but not the workspace's tables (a crash in between) are not lost.

/** The origin of this tab's transactions: they are not read back as remote changes. */
const LOCAL = 'lanemap-local';
/** Updates read from the device: already stored, not stored again. */
const DEVICE = 'lanemap-device';

const VIEW_ONLY = 'You opened this shared workspace with a view-only link, so it cannot be changed here. Ask whoever shared it for the edit link.';
const AWAITING_ROOM = 'This shared workspace is waiting for its copy from the Lanemap server (the one on this device was lost), so it cannot be changed yet. Connect to the server; edits open again once it has arrived.';
export const REFUSED =
  'The server refused this link: sharing was stopped or the link is incomplete. Nothing was received with it. Ask whoever shared the workspace for a new link.';

export function serverUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

const linkOf = (room: string, secret: string): string => `${location.origin}${location.pathname}${shareHash({ room, secret })}`;

/** The sharer sends both secrets: the first time they claim the room, later the edit one lets them in. */
const tokenOf = (link: LiveLinkRecord): string => (link.readSecret ? `${link.secret}.${link.readSecret}` : link.secret);

export const hasContent = (doc: Y.Doc): boolean => doc.getMap('meta').size > 0;

/** Say what changed (only if something did: every step on the canvas reads this store, for others' selections). */
function set(s: Partial<LiveState>): void {
  const now = useLive.getState();
  if ((Object.keys(s) as (keyof LiveState)[]).some((k) => now[k] !== s[k])) useLive.setState(s);
}

/** How the first attempt to reach the room ended. */
export type FirstContact = 'entered' | 'unreachable' | 'refused';

export class LiveSession {
  readonly doc = new Y.Doc();
  provider: HocuspocusProvider | null = null;
  private device: LiveUpdates;
  /** The workspace as last written into or read from the doc: a local edit writes what differs from it. */
  private seen: Workspace | null = null;
  private stops: (() => void)[] = [];
  private stopped = false;
  private contact: (c: FirstContact) => void = () => {};
  /** Resolved by the first answer from the room (or the lack of one), for "Start sharing" to report. */
  readonly firstContact = new Promise<FirstContact>((resolve) => (this.contact = resolve));

  /** Shared before, but this device's copy of the room's doc is gone: nothing is written until the room's copy arrives. */
  private awaitingRoom = false;

  constructor(
    readonly entry: WorkspaceEntry,
    private link: LiveLinkRecord,
    /** Sharing starts now: the workspace here is the room's first content. */
    private fresh = false,
  ) {
    this.device = new LiveUpdates(entry.dbName, (e) => {
      console.warn('Lanemap: keeping the shared changes on this device failed', e);
      set({ problem: 'Changes to the shared workspace could not be kept on this device (storage full or blocked); they are sent while the connection lasts. Free some space and reload.' });
    });
    set({ ...NOT_SHARED, room: link.room, connection: 'connecting', access: link.access ?? null, ...this.links() });
  }

  private links(): Pick<LiveState, 'editLink' | 'viewLink'> {
    // Only the sharer knows which secret is which; a joiner hands on the link it came with.
    return this.link.readSecret
      ? { editLink: linkOf(this.link.room, this.link.secret), viewLink: linkOf(this.link.room, this.link.readSecret) }
      : { editLink: linkOf(this.link.room, this.link.secret), viewLink: null };
  }

  private isOpen = (): boolean => !this.stopped && currentSession()?.entry.id === this.entry.id;

  async start(): Promise<void> {
    const stored = await this.device.load((updates) => Y.mergeUpdates(updates));
    if (this.stopped) return;
    if (stored) Y.applyUpdate(this.doc, stored, DEVICE);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== DEVICE) this.device.append(update);
    });
    if (hasContent(this.doc)) this.takeWholeDoc();
    else if (this.fresh) {
      // Shared just now: the whole workspace goes into the doc, and to the room once connected.
      this.seen = useDocument.getState().workspace;
      if (this.seen) writeWorkspace(this.doc, this.seen, LOCAL);
    } else {
      // This device lost its copy of the room (its storage was cleared): writing the workspace
      // as it is here would put an old copy over others' work, so edits wait for the room's.
      this.awaitingRoom = true;
    }
    this.stops.push(
      onDocumentChange(() => this.writeLocal()),
      observeRemote(this.doc, LOCAL, (patch) => this.takeRemote(patch)),
      addEditGuard(() => (!this.isOpen() ? null : this.awaitingRoom ? AWAITING_ROOM : useLive.getState().access === 'read' ? VIEW_ONLY : null)),
    );
    this.connect();
  }

  private connect(): void {
    // Back within seconds when the wi-fi or the server returns (the provider's default waits up
    // to 30 s between attempts), and at once when the browser says it is online again.
    const socket = new HocuspocusProviderWebsocket({ url: serverUrl(), delay: 500, minDelay: 250, maxDelay: 4000, factor: 1.5 });
    const online = () => void socket.connect();
    window.addEventListener('online', online);
    this.stops.push(() => window.removeEventListener('online', online), () => socket.destroy());
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: this.link.room,
      document: this.doc,
      token: () => tokenOf(this.link),
      onStatus: ({ status }) => {
        if (useLive.getState().connection === 'refused') return;
        set({ connection: status === WebSocketStatus.Connected ? 'connected' : status === WebSocketStatus.Connecting ? 'connecting' : 'offline' });
      },
      onAuthenticated: ({ scope }) => this.learnAccess(scope === 'read-write' ? 'edit' : 'read'),
      onAuthenticationFailed: () => {
        this.contact('refused');
        set({ connection: 'refused', problem: REFUSED });
        // Trying again with the same secret cannot succeed.
        socket.disconnect();
      },
      // A socket that closed before the room answered: no Lanemap server there, or no network.
      onClose: () => this.contact('unreachable'),
      onSynced: ({ state }) => {
        if (!state || !this.awaitingRoom) return;
        this.awaitingRoom = false;
        this.takeWholeDoc();
      },
      onUnsyncedChanges: ({ number }) => set({ unsent: number }),
      onStateless: ({ payload }) => this.onStateless(payload),
    });
    provider.attach();
    this.provider = provider;
    this.stops.push(startPresence(provider));
  }

  /** What the secret allows, kept with the link so a view-only copy refuses edits offline too. */
  private learnAccess(access: 'edit' | 'read'): void {
    this.contact('entered');
    set({ access, problem: null });
    if (this.link.access === access || !this.isOpen()) return;
    this.link = { ...this.link, access };
    void recordLink(this.entry.id, this.link).catch((e: unknown) => console.warn('Lanemap: keeping the link failed', e));
  }

  /** A command of this tab changed the store: the same change into the doc, one transaction. */
  private writeLocal(): void {
    const ws = useDocument.getState().workspace;
    if (!this.isOpen() || !ws || !this.seen || ws === this.seen) return;
    const patch = patchBetween(this.seen, ws);
    if (patch) applyPatchToDoc(this.doc, patch, LOCAL);
    else writeWorkspace(this.doc, ws, LOCAL);
    this.seen = ws;
  }

  /** Someone else's change: into the store, saved here, with no undo entry. */
  private takeRemote(patch: WorkspacePatch): void {
    const ws = useDocument.getState().workspace;
    if (!this.isOpen() || !ws || this.awaitingRoom) return;
    const kept = keepUnchanged(ws, patch);
    if (kept.changes.length === 0 && Object.keys(kept.orders).length === 0) return;
    let merged: Workspace;
    try {
      merged = applyPatch(ws, kept);
    } catch {
      // The store and the doc disagree on a list's order: read the doc whole.
      this.takeWholeDoc();
      return;
    }
    this.take(merged, mendMerged(merged, kept));
  }

  /** The doc replaces the store's copy where they differ (opening, or after a disagreement). */
  private takeWholeDoc(): void {
    const check = checkDoc(this.doc);
    if (!check.ok) {
      set({ problem: `The shared workspace holds records this version of Lanemap cannot read, so they are not shown: ${check.problems.slice(0, 3).join('; ')}` });
      this.seen = useDocument.getState().workspace;
      return;
    }
    const ws = useDocument.getState().workspace;
    const patch = ws ? patchBetween(ws, check.workspace) : null;
    let merged = check.workspace;
    try {
      if (ws && patch) merged = applyPatch(ws, keepUnchanged(ws, patch));
    } catch {
      // Lists in another order than the store's: the doc's copy as it is.
    }
    this.take(merged, mendCatalogueLinks(merged));
  }

  /**
   * Into the store what the doc holds (`merged`), mended (`mended`): two valid edits can meet
   * in a map that points nowhere (a flow drawn to a step deleted meanwhile), and the mend is
   * written back, so every laptop holds the same (the same mend from two is one deletion).
   */
  private take(merged: Workspace, mended: Workspace): void {
    takeInShared(mended);
    if (mended !== merged && useLive.getState().access !== 'read') {
      const patch = patchBetween(merged, mended);
      if (patch) applyPatchToDoc(this.doc, patch, LOCAL);
    }
    this.seen = useDocument.getState().workspace;
  }

  private rotation: { edit: string; read: string; done: (ok: boolean) => void } | null = null;

  /** Stop sharing: new secrets for the room, so every link given out so far stops working. */
  rotateSecrets(edit: string, read: string): Promise<boolean> {
    const provider = this.provider;
    if (!provider || useLive.getState().connection !== 'connected') return Promise.resolve(false);
    return new Promise((done) => {
      this.rotation = { edit, read, done };
      provider.sendStateless(JSON.stringify({ type: 'rotate-secrets', edit, read }));
    });
  }

  private onStateless(payload: string): void {
    let type: unknown;
    try {
      type = (JSON.parse(payload) as { type?: unknown }).type;
    } catch {
      return;
    }
    if (type !== 'secrets-rotated' || !this.rotation) return;
    const { edit, read, done } = this.rotation;
    this.rotation = null;
    // The server closes every socket of the room next; this one reconnects with the new secret.
    this.link = { ...this.link, secret: edit, readSecret: read };
    set(this.links());
    done(true);
  }

  get currentLink(): LiveLinkRecord {
    return this.link;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.provider?.destroy();
    for (const stop of this.stops.splice(0)) stop();
    void this.device.written().finally(() => this.device.close());
    this.doc.destroy();
    useLive.setState(NOT_SHARED);
  }
}
