import { useShallow } from 'zustand/react/shallow';
import { type LiveState, useLive } from '../../live/liveStatus';
import { useUi } from '../../state/uiStore';

// A step someone else has selected, outlined in their colour with their name at its corner, so
// the room sees who is about to change what. Each step asks only who selects it (a colour and
// names, compared by value), so a peer's new selection redraws the steps it touches, not the map.

const NOBODY = ['', ''] as const;

function whoSelects(live: LiveState, id: string): readonly [string, string] {
  const mapId = useUi.getState().openMapId;
  const peers = live.peers.filter((p) => p.mapId === mapId && p.selection.includes(id));
  return peers.length === 0 ? NOBODY : [peers[0]!.color, peers.map((p) => p.name).join(', ')];
}

export function PeerOutline({ id }: { id: string }) {
  const [color, names] = useLive(useShallow((s) => whoSelects(s, id)));
  if (!names) return null;
  return (
    <span className="peer-outline" style={{ borderColor: color }} aria-hidden="true">
      <span className="peer-tag" style={{ background: color }}>{names}</span>
    </span>
  );
}
