import { getMap, useDocument } from '../../state/documentStore';
import { useLive, type Peer } from '../../live/liveStatus';
import { goToMap } from '../shell/useHashRoute';

// Who else has the shared workspace open: a coloured mark with their initials each (the name
// and the map they are on in its title and accessible name; the share dialog lists them in
// words), and a click goes to their map.

/** Marks in the top bar; the rest are counted ("+3") and all are listed in the Share dialog. */
const SHOWN = 4;

export const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');

const mapNameOf = (mapId: string | null): string | null => getMap(mapId)?.name ?? null;

export function PeopleHere() {
  const peers = useLive((s) => s.peers);
  // Subscribed to the maps' names, so "on <map>" follows a rename.
  useDocument((s) => s.workspace?.maps.map((m) => m.name).join('\n'));
  return (
    <ul className="people-here" aria-label={`People here: ${peers.length === 0 ? 'only you' : `you and ${peers.length} more`}`}>
      {peers.slice(0, SHOWN).map((p) => (
        <PeerItem key={p.id} peer={p} />
      ))}
      {peers.length > SHOWN && (
        <li className="person-more" title={peers.slice(SHOWN).map((p) => p.name).join(', ')}>
          <span className="person-mark">+{peers.length - SHOWN}</span>
        </li>
      )}
    </ul>
  );
}

export function whereIs(peer: Peer): string {
  const mapName = mapNameOf(peer.mapId);
  return mapName ? `on “${mapName}”` : 'not on a map';
}

function PeerItem({ peer }: { peer: Peer }) {
  const mapName = mapNameOf(peer.mapId);
  const where = whereIs(peer);
  return (
    <li>
      <button type="button" className="person-mark" style={{ background: peer.color }} disabled={!mapName} onClick={() => goToMap(peer.mapId)} aria-label={`${peer.name}, ${where}${mapName ? ': go there' : ''}`} title={`${peer.name}, ${where}`}>
        <span aria-hidden="true">{initialsOf(peer.name)}</span>
      </button>
    </li>
  );
}
