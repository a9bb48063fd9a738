import { useLive } from '../../live/liveStatus';
import { useUi } from '../../state/uiStore';

// A step someone else has selected, outlined in their colour with their name at its corner, so
// the room sees who is about to change what. Each step asks only whether it is selected by
// someone (one string), so a peer's new selection redraws the steps it touches, not the map.

function whoSelects(id: string): string | null {
  const mapId = useUi.getState().openMapId;
  const peers = useLive.getState().peers.filter((p) => p.mapId === mapId && p.selection.includes(id));
  return peers.length === 0 ? null : JSON.stringify([peers[0]!.color, peers.map((p) => p.name).join(', ')]);
}

export function PeerOutline({ id }: { id: string }) {
  const who = useLive(() => whoSelects(id));
  if (!who) return null;
  const [color, names] = JSON.parse(who) as [string, string];
  return (
    <span className="peer-outline" style={{ borderColor: color }} aria-hidden="true">
      <span className="peer-tag" style={{ background: color }}>{names}</span>
    </span>
  );
}
