import type { Change, VersionDiff } from '../../core/compare';
import type { Flow, MapNode, ProcessMap } from '../../core/model/types';
import type { NodeRef } from './compareStore';
import { StepButton } from './StepButton';

// For two versions of one map: what was added, removed and changed, in words, with the
// elements as buttons that light them in both canvases.

const FIELD: Record<string, string> = { kind: 'kind', laneId: 'lane', label: 'label', manual: 'done by hand', refId: 'catalogue link', notes: 'notes', from: 'from', to: 'to', access: 'access', name: 'name', departmentId: 'department', order: 'order' };

interface Props {
  diff: VersionDiff;
  older: ProcessMap;
  newer: ProcessMap;
  reveal: (ref: NodeRef) => void;
}

export function VersionChanges({ diff, older, newer, reveal }: Props) {
  const laneName = (m: ProcessMap, id: string) => m.lanes.find((l) => l.id === id)?.name ?? id;
  const label = (m: ProcessMap, id: string) => m.nodes.find((n) => n.id === id)?.label.trim() || id;
  const flowText = (m: ProcessMap, f: Flow) => `${f.kind} flow${f.label ? ` “${f.label}”` : ''} from “${label(m, f.from)}” to “${label(m, f.to)}”`;
  const nodeChange = (c: Change<MapNode>) =>
    c.fields.map((f) => (f === 'label' ? `label was “${c.before.label}”` : f === 'laneId' ? `moved from lane ${laneName(older, c.before.laneId)} to ${laneName(newer, c.after.laneId)}` : `${FIELD[f] ?? f} changed`)).join('; ');
  const total = (['added', 'removed', 'changed'] as const).reduce((s, k) => s + diff.nodes[k].length + diff.flows[k].length + diff.lanes[k].length, 0) + diff.map.length;
  return (
    <section className="cmp-changes" aria-label="Changes between the versions">
      <h2>Changes from A to B <span className="count">{total}</span></h2>
      {total === 0 && <p className="cmp-muted">The two versions say the same; {diff.moved.length ? `${diff.moved.length} nodes only moved.` : 'nothing moved either.'}</p>}
      {diff.map.length > 0 && <p>Map {diff.map.map((f) => FIELD[f] ?? f).join(' and ')} changed: “{older.name}” → “{newer.name}”.</p>}
      <div className="cmp-change-cols">
        {(['added', 'removed', 'changed'] as const).map((k) => {
          const side = k === 'removed' ? 0 : 1;
          const m = side === 0 ? older : newer;
          const items = [
            ...diff.lanes[k].map((x) => { const l = 'after' in x ? x.after : x; return <li key={`l${l.id}`}>lane “{l.name}”{'fields' in x && ` (${x.fields.map((f) => FIELD[f] ?? f).join(', ')})`}</li>; }),
            ...diff.nodes[k].map((x) => {
              const n = 'after' in x ? x.after : x;
              return <li key={`n${n.id}`}><StepButton map={side} node={n} onPick={reveal} />{'fields' in x && <span className="cmp-names">{nodeChange(x)}</span>}</li>;
            }),
            ...diff.flows[k].map((x) => { const f = 'after' in x ? x.after : x; return <li key={`f${f.id}`}>{flowText(m, f)}{'fields' in x && <span className="cmp-names">{x.fields.map((q) => FIELD[q] ?? q).join(', ')} changed</span>}</li>; }),
          ];
          return (
            <section key={k} className={`cmp-list cmp-list-${k}`} aria-label={k}>
              <h3><span className={`cmp-swatch cmp-swatch-${k}`} aria-hidden /> {k[0]!.toUpperCase() + k.slice(1)} <span className="count">{items.length}</span></h3>
              {items.length ? <ul>{items}</ul> : <p className="cmp-muted">Nothing.</p>}
            </section>
          );
        })}
      </div>
    </section>
  );
}
