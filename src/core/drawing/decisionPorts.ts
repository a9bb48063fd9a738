import type { Flow, Id, NodeBox, ProcessMap } from '../model/types';
import { placeLabel } from './nodeLabels';
import { flowSides, type Side } from './stepRoute';

// A decision's branches leave by different vertices. Drawn between two boxes, a Yes and a No
// both heading right would leave by the same corner and share their first run, so neither
// could be clicked or read apart. The first keeps its side; the others take the vertices no
// other flow of the decision uses, the lowest-going the bottom one (the top one when the
// decision's text hangs underneath), so the lines fan out the way they are going.

const centreY = (b: NodeBox) => b.y + b.height / 2;

/** The source side of every unrouted decision branch that must leave elsewhere than flowSides says. */
export function decisionSourceSides(map: Pick<ProcessMap, 'nodes' | 'flows' | 'view'>, unrouted: readonly Flow[]): Map<Id, Side> {
  const out = new Map<Id, Side>();
  const decisions = new Map(map.nodes.filter((n) => n.kind === 'decision').map((n) => [n.id, n]));
  if (decisions.size === 0) return out;
  const taken = new Map<Id, Set<Side>>();
  const take = (id: Id, side: Side) => (taken.get(id) ?? taken.set(id, new Set()).get(id)!).add(side);
  const bySide = new Map<string, Flow[]>();
  for (const f of unrouted) {
    const a = map.view.nodes[f.from];
    const b = map.view.nodes[f.to];
    if (!a || !b || f.from === f.to) continue;
    const sides = flowSides(a, b);
    if (decisions.has(f.to)) take(f.to, sides.target);
    if (!decisions.has(f.from)) continue;
    take(f.from, sides.source);
    const key = `${f.from} ${sides.source}`;
    bySide.set(key, [...(bySide.get(key) ?? []), f]);
  }
  for (const [key, flows] of bySide) {
    if (flows.length < 2) continue;
    const id = key.split(' ')[0]!;
    const box = map.view.nodes[id]!;
    const node = decisions.get(id)!;
    const used = taken.get(id)!;
    // Highest target first. One branch keeps the side: the highest, or the lowest when the
    // decision's text hangs underneath; the others take free vertices, nearest first.
    const ordered = [...flows].sort((p, q) => centreY(map.view.nodes[p.to]!) - centreY(map.view.nodes[q.to]!));
    const captionBelow = placeLabel('decision', node.label, box.width, box.height)?.below === true;
    const movers = captionBelow ? ordered.slice(0, -1) : ordered.slice(1).reverse();
    const free = ((captionBelow ? ['t', 'l', 'r'] : ['b', 't', 'l', 'r']) as Side[]).filter((s) => !used.has(s));
    movers.forEach((f, i) => {
      if (free[i]) out.set(f.id, free[i]);
    });
  }
  return out;
}
