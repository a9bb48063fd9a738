import type { Id, ProcessMap } from '../../core/model/types';
import type { CompareModel } from './compareModel';
import type { NodeRef } from './compareStore';
import { MatchTable } from './MatchTable';
import { StepButton } from './StepButton';

// Below the canvases: the steps matched between each two maps (MatchTable), and the steps only
// one map has ("where do we do the same thing differently" starts here).

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
      {model.matchings.map((p) => <MatchTable key={`${p.i}-${p.j}`} model={model} maps={maps} p={p} reveal={reveal} />)}
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
