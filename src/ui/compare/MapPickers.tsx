import type { ProcessMap } from '../../core/model/types';
import { type CompareSlot, MAX_COMPARED, openCompare } from './compareRoute';

// Which maps are compared: a list box per slot (A, B, up to D), a way to add a slot and to
// take one away. Each change rewrites the address, so the back button undoes it.

interface Props {
  slots: CompareSlot[];
  maps: (ProcessMap | undefined)[];
  all: readonly ProcessMap[];
  letters: readonly string[];
}

export function MapPickers({ slots, maps, all, letters }: Props) {
  const sorted = [...all].sort((a, b) => a.name.localeCompare(b.name));
  const shown: (CompareSlot | null)[] = slots.length >= 2 ? slots : [...slots, ...Array<null>(2 - slots.length).fill(null)];
  const set = (i: number, mapId: string) => {
    const next = shown.map((s, j) => (j === i ? (mapId ? { mapId } : null) : s));
    openCompare(next.filter((s): s is CompareSlot => s !== null));
  };
  const unused = sorted.find((m) => !slots.some((s) => s.mapId === m.id));
  return (
    <div className="cmp-pickers" role="group" aria-label="Maps to compare">
      {shown.map((s, i) => (
        <div key={i} className="cmp-picker">
          <span className="cmp-letter" aria-hidden>{letters[i]}</span>
          {s?.revision !== undefined ? (
            <span className="cmp-fixed">{maps[i]?.name ?? s.mapId} <span className="cmp-muted">(earlier version)</span></span>
          ) : (
            <select aria-label={`Map ${letters[i]}`} value={s?.mapId ?? ''} onChange={(e) => set(i, e.target.value)}>
              <option value="" disabled>Choose a map…</option>
              {sorted.map((m) => (
                <option key={m.id} value={m.id} disabled={m.id !== s?.mapId && slots.some((o) => o.mapId === m.id && o.revision === undefined)}>{m.name}</option>
              ))}
            </select>
          )}
          {slots.length > 2 && (
            <button type="button" className="cmp-remove" aria-label={`Stop comparing map ${letters[i]}`} title="Remove from the comparison" onClick={() => openCompare(slots.filter((_, j) => j !== i))}>✕</button>
          )}
        </div>
      ))}
      {slots.length >= 2 && slots.length < MAX_COMPARED && unused && !slots.some((s) => s.revision !== undefined) && (
        <button type="button" onClick={() => openCompare([...slots, { mapId: unused.id }])}>Add a map</button>
      )}
    </div>
  );
}
