import type { CSSProperties } from 'react';
import type { CompareModel } from './compareModel';
import { useCompareUi } from './compareStore';
import { entryColour } from './palette';

// What the colours mean. For departments' maps: each shared catalogue entry with its colour
// and number (a button: picking it lights its nodes in every map), then the entries only one
// map uses. For versions: added, removed, changed.

export function Legend({ model }: { model: CompareModel }) {
  const picked = useCompareUi((s) => s.entry);
  if (model.mode === 'versions') {
    return (
      <div className="cmp-legend" role="group" aria-label="Legend">
        <span className="cmp-legend-title">Changes from A to B:</span>
        {(['added', 'removed', 'changed'] as const).map((k) => (
          <span key={k} className="cmp-key"><span className={`cmp-swatch cmp-swatch-${k}`} aria-hidden />{k}</span>
        ))}
        <span className="cmp-key cmp-muted">Point at an element to find it in the other version.</span>
      </div>
    );
  }
  const c = model.catalogue!;
  return (
    <div className="cmp-legend" role="group" aria-label="Legend">
      <span className="cmp-legend-title">Shared systems and stores:</span>
      {c.shared.length === 0 && <span className="cmp-muted">none: these maps use no catalogue entry in common.</span>}
      {c.shared.map((e, i) => {
        const colour = entryColour(i);
        return (
          <button
            key={e.id}
            type="button"
            className="cmp-entry"
            aria-pressed={picked === e.id}
            title="Light it up in every map"
            onClick={() => useCompareUi.getState().pickEntry(picked === e.id ? null : e.id)}
          >
            <span className="cmp-swatch" style={{ '--cmp-stroke': colour.stroke, '--cmp-fill': colour.fill } as CSSProperties} aria-hidden>{i + 1}</span>
            {e.name}
            <span className="cmp-muted"> ({e.kind}; {e.maps.map((m) => model.letters[m]).join(', ')})</span>
          </button>
        );
      })}
      <span className="cmp-key"><span className="cmp-swatch cmp-swatch-only" aria-hidden /> only on one map:</span>
      {c.only.map((list, i) => (
        <span key={i} className="cmp-only-list">
          <strong>{model.letters[i]}</strong> {list.length ? list.map((e) => e.name).join(', ') : 'none'}
        </span>
      ))}
      <span className="cmp-key"><span className="cmp-swatch cmp-swatch-matched" aria-hidden>↔</span> step matched in another map</span>
    </div>
  );
}
