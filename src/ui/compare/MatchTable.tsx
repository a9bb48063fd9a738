import { useState } from 'react';
import type { Id, MapNode, ProcessMap } from '../../core/model/types';
import { decideMatch } from '../../state/compareActions';
import type { CompareModel } from './compareModel';
import type { NodeRef } from './compareStore';
import { StepButton } from './StepButton';

// The steps matched between two of the compared maps, with how sure the match is and why;
// the user confirms a match, undoes a wrong one, or matches two steps by hand. What they say
// is kept in the workspace (compareActions) and the matching follows it from then on.

type Matching = CompareModel['matchings'][number];

const name = (n: MapNode) => n.label.trim() || `unlabelled ${n.kind}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;

export function MatchTable({ model, maps, p, reveal }: { model: CompareModel; maps: readonly ProcessMap[]; p: Matching; reveal: (ref: NodeRef) => void }) {
  const [A, B] = [maps[p.i]!, maps[p.j]!];
  const [la, lb] = [model.letters[p.i]!, model.letters[p.j]!];
  const node = (m: ProcessMap, id: Id) => m.nodes.find((n) => n.id === id)!;
  const lane = (m: ProcessMap, id: Id) => m.lanes.find((l) => l.id === node(m, id).laneId)?.name ?? '';
  const decide = (a: Id, b: Id, verdict: Parameters<typeof decideMatch>[4]) => decideMatch(A.id, a, B.id, b, verdict);
  return (
    <section className="cmp-list cmp-matches" aria-label={`Matched steps, ${la} and ${lb}`}>
      <h2>Same step in {la} and {lb} <span className="count">{p.matches.length}</span></h2>
      {p.matches.length === 0 ? (
        <p className="cmp-muted">No step of {la} reads like one of {lb}.</p>
      ) : (
        <table className="cmp-table">
          <thead><tr><th scope="col">{la}</th><th scope="col">{lb}</th><th scope="col">Match</th><th scope="col"><span className="visually-hidden">Decide</span></th></tr></thead>
          <tbody>
            {p.matches.map((x) => {
              const pairName = `“${name(node(A, x.a))}” and “${name(node(B, x.b))}”`;
              return (
                <tr key={x.a} data-pair={`${x.a} ${x.b}`}>
                  <td><StepButton map={p.i} node={node(A, x.a)} onPick={reveal} /> <span className="cmp-names">{lane(A, x.a)}</span></td>
                  <td><StepButton map={p.j} node={node(B, x.b)} onPick={reveal} /> <span className="cmp-names">{lane(B, x.b)}</span></td>
                  <td className="cmp-why">
                    {x.decided === 'manual' ? <strong>By hand</strong> : x.decided === 'confirmed' ? <strong>Confirmed</strong> : <span className="cmp-confidence">{percent(x.score)} sure</span>}
                    {!x.decided && <span className="cmp-names">{x.why}</span>}
                  </td>
                  <td className="cmp-decide">
                    {!x.decided && <button type="button" aria-label={`Confirm the match of ${pairName}`} onClick={() => decide(x.a, x.b, 'confirmed')}>Confirm</button>}
                    <button type="button" aria-label={`Unmatch ${pairName}`} onClick={() => decide(x.a, x.b, 'rejected')}>Unmatch</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ManualMatch p={p} A={A} B={B} la={la} lb={lb} onMatch={(a, b) => decide(a, b, 'manual')} />
      {p.rejected.length > 0 && (
        <>
          <h3>Not the same <span className="count">{p.rejected.length}</span></h3>
          <ul>
            {p.rejected.map(([a, b]) => (
              <li key={`${a} ${b}`}>
                {name(node(A, a))} ≠ {name(node(B, b))}{' '}
                <button type="button" aria-label={`Let the matcher decide again on “${name(node(A, a))}” and “${name(node(B, b))}”`} onClick={() => decide(a, b, null)}>Undo</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Two lists of the steps left unmatched, and a button that pairs the chosen two. */
function ManualMatch({ p, A, B, la, lb, onMatch }: { p: Matching; A: ProcessMap; B: ProcessMap; la: string; lb: string; onMatch: (a: Id, b: Id) => void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const options = (m: ProcessMap, ids: Id[]) => ids.map((id) => m.nodes.find((n) => n.id === id)!).map((n) => <option key={n.id} value={n.id}>{name(n)}</option>);
  if (p.onlyA.length === 0 || p.onlyB.length === 0) return null;
  const ready = p.onlyA.includes(a) && p.onlyB.includes(b);
  return (
    <form className="cmp-manual" aria-label={`Match two steps of ${la} and ${lb} by hand`} onSubmit={(e) => {
      e.preventDefault();
      if (!ready) return;
      onMatch(a, b);
      setA('');
      setB('');
    }}>
      <label>Step of {la} <select value={a} onChange={(e) => setA(e.target.value)}><option value="">Choose…</option>{options(A, p.onlyA)}</select></label>
      <label>is the same as {lb}’s <select value={b} onChange={(e) => setB(e.target.value)}><option value="">Choose…</option>{options(B, p.onlyB)}</select></label>
      <button type="submit" disabled={!ready}>Match by hand</button>
    </form>
  );
}
