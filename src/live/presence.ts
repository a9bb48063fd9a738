import type { HocuspocusProvider } from '@hocuspocus/provider';
import { usePerson } from '../state/personStore';
import { useUi } from '../state/uiStore';
import { type Peer, useLive } from './liveStatus';

// Who is here, through the provider's awareness (not the document: it is not saved and goes
// when a tab closes): each tab publishes its person's name and colour, the map it has open and
// the steps selected there. What others publish is read defensively: it is anyone's JSON.

/** Distinct from each other; white text on each is 4.5:1 or more (a name tag), and an outline of each shows on white. */
export const PEER_COLOURS = ['#c92a2a', '#1864ab', '#2f7d32', '#862e9c', '#a61e4d', '#0b7285', '#9c4a00', '#5f3dc4'] as const;
const MAX_SELECTION = 500;
const ANONYMOUS = 'Someone';

/** A colour for a name: the same person keeps theirs across reloads. */
export function colourOf(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PEER_COLOURS[h % PEER_COLOURS.length]!;
}

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/** One tab's published state as a Peer, or null when it publishes nothing usable. */
export function readPeer(id: number, state: unknown): Peer | null {
  const user = (state as { user?: Record<string, unknown> } | null)?.user;
  if (!user || typeof user !== 'object') return null;
  const name = text(user.name, 80) ?? ANONYMOUS;
  const color = typeof user.color === 'string' && (PEER_COLOURS as readonly string[]).includes(user.color) ? user.color : colourOf(name);
  const selection = Array.isArray(user.selection) ? user.selection.filter((s): s is string => typeof s === 'string').slice(0, MAX_SELECTION) : [];
  return { id, name, color, mapId: text(user.mapId, 200), selection };
}

export function startPresence(provider: HocuspocusProvider): () => void {
  const awareness = provider.awareness;
  if (!awareness) return () => {};
  const publish = () => {
    const name = usePerson.getState().name ?? ANONYMOUS;
    const { openMapId, selection } = useUi.getState();
    awareness.setLocalStateField('user', { name, color: colourOf(name), mapId: openMapId, selection: selection.nodeIds });
  };
  const readPeers = () => {
    const peers: Peer[] = [];
    for (const [id, state] of awareness.getStates()) {
      if (id === awareness.clientID) continue;
      const peer = readPeer(id, state);
      if (peer) peers.push(peer);
    }
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    useLive.setState({ peers });
  };
  publish();
  readPeers();
  awareness.on('change', readPeers);
  const offUi = useUi.subscribe((s, prev) => {
    if (s.openMapId !== prev.openMapId || s.selection.nodeIds !== prev.selection.nodeIds) publish();
  });
  const offPerson = usePerson.subscribe(publish);
  return () => {
    awareness.off('change', readPeers);
    offUi();
    offPerson();
    awareness.setLocalState(null);
  };
}
