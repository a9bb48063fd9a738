import { describe, expect, it } from 'vitest';
import type { Layered } from '../../src/core/layout/layers';
import { straightenRuns } from '../../src/core/layout/straighten';
import type { LGraph } from '../../src/core/layout/types';

/**
 * One lane 400 high; a long edge from node 0 (column 0) to node 1 (column 5) through dummies
 * 6..9 in columns 1..4. Steps 2 and 3 sit under the edge's first two dummies, steps 4 and 5
 * over its last two: no one level fits the whole run, two levels do.
 */
function scene(): { L: Layered; g: LGraph; y: number[] } {
  const nodes = 6;
  const layers = [[0], [6, 2], [7, 3], [4, 8], [5, 9], [1]];
  const layer: number[] = [];
  layers.forEach((items, c) => items.forEach((i) => (layer[i] = c)));
  const items = layer.length;
  const none = () => Array.from({ length: items }, (): number[] => []);
  const right = none();
  const left = none();
  const chain = [0, 6, 7, 8, 9, 1];
  for (let k = 0; k + 1 < chain.length; k++) {
    right[chain[k]!]!.push(chain[k + 1]!);
    left[chain[k + 1]!]!.push(chain[k]!);
  }
  const L = {
    nodes,
    laneCount: 1,
    layer,
    lane: new Array(items).fill(0),
    edge: [...new Array(nodes).fill(-1), 0, 0, 0, 0],
    owner: new Array(items).fill(-1),
    ownerSide: new Array(items).fill(null),
    glued: new Array(items).fill(0),
    span: new Array(items).fill(0),
    left,
    right,
    leftW: left.map((l) => l.map(() => 1)),
    rightW: right.map((l) => l.map(() => 1)),
    chain: [chain],
    layers,
  } satisfies Layered;
  const g = { nodes: Array.from({ length: nodes }, () => ({ height: 60 })) } as unknown as LGraph;
  // Source port at 100, target port at 350; the dummies where placement left them, stepping down.
  const y = [80, 330, 200, 200, 190, 190, 100, 150, 300, 350];
  return { L, g, y };
}

describe('straightenRuns', () => {
  it('levels a run that cannot keep one level in as few pieces as its neighbours allow', () => {
    const { L, g, y } = scene();
    const ports = { left: L.left.map((l) => l.map(() => 20)), right: L.right.map((l) => l.map(() => 20)) };
    straightenRuns(L, g, y, [0], [400], ports);
    const dummies = [6, 7, 8, 9].map((d) => y[d]);
    // Out of the source's port level, one jog past the steps, into the target's port level.
    expect(dummies).toEqual([100, 100, 350, 350]);
    // The steps around it stay where they were.
    expect(y.slice(0, 6)).toEqual([80, 330, 200, 200, 190, 190]);
  });
});
