import { memo } from 'react';
import { connect } from '../../state/flowActions';

/** A node another can be connected to: its id and the words the list shows. */
export type ConnectOption = readonly [id: string, text: string];

/**
 * "Connect to…": a list of every other node of the map. Rendered again only when an entry's words
 * change: on a 1,000-step map, building the list's 999 options anew was 4 ms of every edit.
 */
export const ConnectToField = memo(
  function ConnectToField({ mapId, nodeId, options }: { mapId: string; nodeId: string; options: readonly ConnectOption[] }) {
    return (
      <label className="field">
        <span>Connect to…</span>
        <select
          aria-label="Connect to"
          value=""
          onChange={(e) => {
            if (e.target.value) connect(mapId, nodeId, e.target.value);
          }}
        >
          <option value="">Choose a node</option>
          {options.map(([id, text]) => (
            <option key={id} value={id}>{text}</option>
          ))}
        </select>
      </label>
    );
  },
  (a, b) => a.mapId === b.mapId && a.nodeId === b.nodeId && sameOptions(a.options, b.options),
);

function sameOptions(a: readonly ConnectOption[], b: readonly ConnectOption[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}
