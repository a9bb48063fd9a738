import { describe, expect, it } from 'vitest';
import { alignNodes } from '../../src/core/layout/alignNodes';
import { straightenRuns } from '../../src/core/layout/straighten';
import { layeredScene } from './fixtures/layeredScene';

describe('straightenRuns', () => {
  it('levels a run that cannot keep one level in as few pieces as its neighbours allow', () => {
    // A long edge from node 0 (column 0) to node 1 (column 5) through dummies 6..9 in columns
    // 1..4. Steps 2 and 3 sit under its first two dummies, steps 4 and 5 over its last two: no
    // one level fits the whole run, two levels do.
    const { L, g, ports } = layeredScene(6, [[0], [6, 2], [7, 3], [4, 8], [5, 9], [1]], [[0, 6, 7, 8, 9, 1]]);
    // Source port at 100, target port at 350; the dummies where placement left them, stepping down.
    const y = [80, 330, 200, 200, 190, 190, 100, 150, 300, 350];
    straightenRuns(L, g, y, [0], [400], ports);
    // Out of the source's port level, one jog past the steps, into the target's port level.
    expect([6, 7, 8, 9].map((d) => y[d])).toEqual([100, 100, 350, 350]);
    expect(y.slice(0, 6)).toEqual([80, 330, 200, 200, 190, 190]);
  });
});

describe('alignNodes', () => {
  // Step 0 hands on to step 1 in the next column. Step 3 under step 0 keeps it from coming
  // down; step 2 sits under step 1.
  it('moves a step level with the one handing on to it when its column has room', () => {
    const { L, g, ports } = layeredScene(4, [[0, 3], [1, 2]], [[0, 1]]);
    const y = [100, 180, 300, 190];
    alignNodes(L, g, y, [0], [400], ports);
    expect(y).toEqual([100, 100, 300, 190]);
  });

  it('moves a step only as far as its neighbours in the column let it', () => {
    // Step 4 above step 1 (ending at 150) leaves it no room to come up to 100.
    const { L, g, ports } = layeredScene(5, [[0, 3], [4, 1, 2]], [[0, 1]]);
    const y = [100, 180, 300, 190, 90];
    alignNodes(L, g, y, [0], [400], ports);
    expect(y).toEqual([100, 180, 300, 190, 90]);
  });

  it('neither moves a decision nor lines a step up with one: its flows leave by its vertices', () => {
    const { L, g, ports } = layeredScene(4, [[0, 3], [1, 2]], [[0, 1]]);
    (g.nodes[0] as { kind: string }).kind = 'decision';
    const y = [100, 180, 300, 190];
    alignNodes(L, g, y, [0], [400], ports);
    expect(y).toEqual([100, 180, 300, 190]);
  });

  it('leaves a step carrying a loop where it is', () => {
    const { L, g, ports } = layeredScene(4, [[0, 3], [1, 2]], [[0, 1]], [1]);
    const y = [100, 180, 300, 190];
    alignNodes(L, g, y, [0], [400], ports);
    expect(y).toEqual([100, 180, 300, 190]);
  });
});
