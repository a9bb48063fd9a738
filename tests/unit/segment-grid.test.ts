import { describe, expect, it } from 'vitest';
import { countBends } from '../../src/core/drawing/polyline';
import { SegmentGrid } from '../../src/core/drawing/segmentGrid';
import type { Point } from '../../src/core/model/types';

// The checks the shortcut search asks of every candidate route: does it come near a node, how
// many flows does it cross, does it run along one. Scenes span several grid cells (128 px).

const node = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

describe('SegmentGrid', () => {
  // Nodes 0 and 1 are a flow's ends; node 2 stands between them, far from the grid's origin.
  const grid = () => new SegmentGrid([node(0, 0), node(600, 0), node(300, 300)]);

  it('sees a route through a node other than its ends, and a route that only grazes within the clearance', () => {
    const g = grid();
    expect(g.hitsNode([[100, 325], [600, 325]], 0, 1, 6)).toBe(true);
    expect(g.hitsNode([[100, 296], [600, 296]], 0, 1, 6)).toBe(true);
    expect(g.hitsNode([[100, 290], [600, 290]], 0, 1, 6)).toBe(false);
  });

  it('lets a route start and end on the border of its own nodes but not run through them', () => {
    const g = grid();
    expect(g.hitsNode([[100, 25], [600, 25]], 0, 1, 6)).toBe(false);
    expect(g.hitsNode([[50, 25], [600, 25]], 0, 1, 6)).toBe(true);
  });

  it('counts each run of another flow crossed, twice when two runs cross it, and not its own runs', () => {
    const g = grid();
    g.addRoute(1, [[400, 100], [400, 700]]);
    g.addRoute(2, [[900, 100], [900, 700]]);
    expect(g.crossings(0, [[100, 200], [1000, 200]])).toBe(2);
    // Across flow 1, back across it lower down.
    expect(g.crossings(0, [[100, 200], [500, 200], [500, 500], [300, 500]])).toBe(2);
    expect(g.crossings(1, [[100, 200], [500, 200]])).toBe(0);
  });

  it('calls a route that runs along another flow not free, and forgets a removed route', () => {
    const g = grid();
    g.addRoute(1, [[400, 100], [400, 700]]);
    expect(g.crossings(0, [[402, 150], [402, 650]])).toBeNull();
    expect(g.crossings(0, [[420, 150], [420, 650]])).toBe(0);
    g.removeRoute(1);
    expect(g.crossings(0, [[402, 150], [402, 650]])).toBe(0);
  });
});

describe('countBends', () => {
  it('counts changes of direction, a run doubling back as one, and ignores repeated points', () => {
    const z: Point[] = [[0, 0], [50, 0], [50, 80], [120, 80]];
    expect(countBends(z)).toBe(2);
    expect(countBends([[0, 0], [0, 0], [50, 0], [50, 0], [50, 80]])).toBe(1);
    expect(countBends([[0, 0], [50, 0], [20, 0]])).toBe(1);
    expect(countBends([[0, 0], [50, 0], [90, 0]])).toBe(0);
    expect(countBends([[5, 5]])).toBe(0);
  });
});
