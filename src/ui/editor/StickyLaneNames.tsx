import { useStore } from '@xyflow/react';
import { LANE_HEADER_WIDTH, laneBands } from '../../core/model/geometry';
import type { ProcessMap } from '../../core/model/types';

/**
 * Once the lane headers are panned out of view to the left (a long map, read at its right
 * end), each lane's name stays pinned at the canvas's left edge, so people still see whose
 * steps they are looking at. A copy for the eye only: the headers keep the real names.
 */
export function StickyLaneNames({ map }: { map: ProcessMap }) {
  const [x, y, zoom] = useStore((s) => s.transform);
  const height = useStore((s) => s.height);
  if (x + LANE_HEADER_WIDTH * zoom >= 0) return null;
  const bands = laneBands(map).filter((b) => b.y * zoom + y < height && (b.y + b.height) * zoom + y > 0);
  const names = new Map(map.lanes.map((l) => [l.id, l.name]));
  return (
    <div className="sticky-lanes" aria-hidden>
      {bands.map((b) => (
        <div key={b.laneId} className="sticky-lane" style={{ top: Math.max(0, b.y * zoom + y), height: Math.min(b.height * zoom, (b.y + b.height) * zoom + y) }}>
          <span>{names.get(b.laneId) || 'Unnamed lane'}</span>
        </div>
      ))}
    </div>
  );
}
