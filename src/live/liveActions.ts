import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { randomIds } from '../core/model/ids';
import { checkDoc } from '../core/sync';
import { newSecret, type ShareLink } from '../core/sync/shareLink';
import { deleteLiveUpdates, LiveUpdates } from '../persistence/liveUpdates';
import { useDocument } from '../state/documentStore';
import type { WorkspaceEntry } from '../persistence/registryDb';
import { addSharedWorkspace, currentSession, type LiveHooks, openWorkspace, recordLink, sharedEntry } from '../state/workspaceSession';
import { hasContent, LiveSession, REFUSED, serverUrl } from './liveSession';
import { useJoin } from './liveStatus';

// Sharing the open workspace, stopping it, and joining one from a link. Loaded only when a
// workspace is shared or a link is opened, so the sync code stays out of the first page load.

let session: LiveSession | null = null;

function openSession(entry: WorkspaceEntry, fresh: boolean): void {
  session?.stop();
  session = new LiveSession(entry, entry.live!, fresh);
  void session.start().catch((e: unknown) => console.warn('Lanemap: opening the shared workspace failed', e));
}

export const liveHooks: LiveHooks = {
  opened: (entry) => openSession(entry, false),
  closing(entry: WorkspaceEntry) {
    if (session?.entry.id !== entry.id) return;
    session.stop();
    session = null;
  },
};

export type Outcome = { ok: true } | { ok: false; message: string };

/** Share the open workspace: a new room, with an edit and a view-only secret made here. */
export async function startSharing(): Promise<Outcome> {
  const entry = currentSession()?.entry;
  if (!entry) return { ok: false, message: 'No workspace is open.' };
  if (entry.live) return { ok: true };
  const ws = useDocument.getState().workspace;
  if (!ws) return { ok: false, message: 'No workspace is open.' };
  // What a share that never reached the server left on this device would pass for the room's doc.
  await deleteLiveUpdates(entry.dbName);
  // A room of its own, not the workspace's id: every first run's demo has the same id, and so do
  // two copies of one imported file, and each may be shared on one server.
  const live = { room: randomIds('room'), secret: newSecret(), readSecret: newSecret() };
  openSession({ ...entry, live }, true);
  const contact = await session!.firstContact;
  if (contact === 'entered') {
    await recordLink(entry.id, session!.currentLink);
    return { ok: true };
  }
  liveHooks.closing({ ...entry, live });
  await deleteLiveUpdates(entry.dbName);
  return {
    ok: false,
    message:
      contact === 'refused'
        ? 'The server refused to share this workspace (its new room was taken a moment ago). Try Start sharing again.'
        : `Could not reach the Lanemap server at ${location.host}. Sharing needs the app opened from the Lanemap server (npm run build && npm run server, or its address from whoever runs it), and a connection to it.`,
  };
}

/** Stop sharing: the room gets new secrets, so every link handed out stops working; new links are shown. */
export async function stopSharing(): Promise<Outcome> {
  if (!session) return { ok: false, message: 'This workspace is not shared.' };
  const ok = await session.rotateSecrets(newSecret(), newSecret());
  if (!ok) return { ok: false, message: 'Not connected to the server, so the links could not be stopped. Try again once connected.' };
  await recordLink(session.entry.id, session.currentLink);
  return { ok: true };
}

let joining: HocuspocusProvider | null = null;

/** Join the workspace a link names: receive it whole, keep it as a workspace of this browser, open it. */
export async function joinLink(link: ShareLink): Promise<void> {
  const known = await sharedEntry(link.room);
  if (known) {
    // Already here: open it. A joiner's newer link (sharing stopped and started again) replaces
    // the old secret; the sharer keeps their own two.
    const renewed = !known.live!.readSecret && known.live!.secret !== link.secret;
    if (renewed) await recordLink(known.id, { room: known.live!.room, secret: link.secret, readSecret: null });
    const opened = await openWorkspace(known.id);
    if (!opened.ok) useJoin.setState({ state: 'failed', message: opened.message });
    else if (renewed && session?.entry.id === known.id) liveHooks.opened(currentSession()!.entry);
    return;
  }
  cancelJoin();
  useJoin.setState({ state: 'joining', message: null });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: serverUrl(),
    name: link.room,
    document: doc,
    token: link.secret,
    onAuthenticationFailed: () => {
      finish();
      useJoin.setState({ state: 'failed', message: REFUSED });
    },
    onSynced: ({ state }) => {
      if (state) void received();
    },
  });
  joining = provider;
  const finish = () => {
    provider.destroy();
    if (joining === provider) joining = null;
  };
  const received = async () => {
    if (joining !== provider) return;
    const scope = provider.authorizedScope;
    finish();
    const check = checkDoc(doc);
    if (!hasContent(doc)) return useJoin.setState({ state: 'failed', message: 'The server has nothing for this link yet: the workspace may still be on its way from the person who shared it. Try the link again in a moment.' });
    if (!check.ok) return useJoin.setState({ state: 'failed', message: `The shared workspace holds records this version of Lanemap cannot read: ${check.problems.slice(0, 3).join('; ')}` });
    const state = Y.encodeStateAsUpdate(doc);
    const access = scope === 'read-write' ? 'edit' : 'read';
    const opened = await addSharedWorkspace(check.workspace, { room: link.room, secret: link.secret, readSecret: null, access }, async (entry) => {
      const device = new LiveUpdates(entry.dbName, () => {});
      device.append(state);
      await device.written();
      device.close();
    });
    useJoin.setState(opened.ok ? { state: 'idle', message: null } : { state: 'failed', message: opened.message });
  };
}

/** Give up a join still waiting for the server. */
export function cancelJoin(): void {
  joining?.destroy();
  joining = null;
  useJoin.setState({ state: 'idle', message: null });
}
