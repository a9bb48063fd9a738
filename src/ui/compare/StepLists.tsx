import type { Id, ProcessMap } from '../../core/model/types';
import type { CompareModel } from './compareModel';
import type { NodeRef } from './compareStore';
import { StepButton } from './StepButton';

// Below the canvases: the steps matched between each two maps, and the steps only one map
// has ("where do we do the same thing differently" starts here).

export function StepLists({ model, maps, reveal }: { model: CompareModel; maps: readonly ProcessMap[]; reveal: (ref: NodeRef) => void }) {
  const node = (m: number, id: Id) => maps[m]!.nodes.find((n) => n.id === id)!;
  const lane = (m: number, id: Id) => maps[m]!.lanes.find((l) => l.id === node(m, id).laneId)?.name ?? '';
  const matched = maps.map(() => new Set<Id>());
  for (const p of model.matchings) {
    for (const x of p.matches) {
      matched[p.i]!.add(x.a);
      matched[p.j]!.add(x.b);
    }
  }
  return (
    <div className="cmp-lists">
      {model.matchings.map((p) => (
        <section key={`${p.i}-${p.j}`} className="cmp-list" aria-label={`Matched steps, ${model.letters[p.i]} and ${model.letters[p.j]}`}>
          <h2>Same step in {model.letters[p.i]} and {model.letters[p.j]} <span className="count">{p.matches.length}</span></h2>
          {p.matches.length === 0 ? (
            <p className="cmp-muted">No step of {model.letters[p.i]} reads like one of {model.letters[p.j]}.</p>
          ) : (
            <table className="cmp-table">
              <thead><tr><th scope="col">{model.letters[p.i]}</th><th scope="col">{model.letters[p.j]}</th></tr></thead>
              <tbody>
                {p.matches.map((x) => (
                  <tr key={x.a}>
                    <td><StepButton map={p.i} node={node(p.i, x.a)} onPick={reveal} /> <span className="cmp-names">{lane(p.i, x.a)}</span></td>
                    <td><StepButton map={p.j} node={node(p.j, x.b)} onPick={reveal} /> <span className="cmp-names">{lane(p.j, x.b)}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {maps.map((m, i) => {
        const only = m.nodes.filter((n) => ['start', 'step', 'decision', 'end'].includes(n.kind) && !matched[i]!.has(n.id));
        return (
          <section key={i} className="cmp-list" aria-label={`Only in ${model.letters[i]}`}>
            <h2>Only in {model.letters[i]} <span className="count">{only.length}</span></h2>
            <ul>
              {only.map((n) => <li key={n.id}><StepButton map={i} node={n} onPick={reveal} /> <span className="cmp-names">{lane(i, n.id)}</span></li>)}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
