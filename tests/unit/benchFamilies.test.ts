import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../src/core/model/types';
import { FAMILY_LANES, FAMILY_SIZES, familyMaps, longChain, randomLaneGraph } from '../bench/families';

// The benchmark's independent families must be the graphs issue 15 describes, or their
// figures say nothing: these check the shapes, not the layout.

const index = (map: ProcessMap) => new Map(map.nodes.map((n, i) => [n.id, i]));
const lane = (map: ProcessMap) => new Map(map.nodes.map((n) => [n.id, n.laneId]));
const outgoing = (map: ProcessMap, id: string) => map.flows.filter((f) => f.from === id).length;

describe('benchmark graph families', () => {
  it('gives the same map for the same options and another for another seed', () => {
    expect(randomLaneGraph({ nodes: 150, lanes: 8, seed: 1 })).toEqual(randomLaneGraph({ nodes: 150, lanes: 8, seed: 1 }));
    expect(longChain({ nodes: 150, lanes: 8, seed: 2 })).toEqual(longChain({ nodes: 150, lanes: 8, seed: 2 }));
    expect(randomLaneGraph({ nodes: 150, lanes: 8, seed: 2 }).flows).not.toEqual(randomLaneGraph({ nodes: 150, lanes: 8, seed: 1 }).flows);
    expect(longChain({ nodes: 150, lanes: 8, seed: 1 }).nodes).not.toEqual(longChain({ nodes: 150, lanes: 8, seed: 2 }).nodes);
  });

  it('has every size, lane count and seed of both families, with exactly the nodes asked for and valid flows', () => {
    const maps = familyMaps();
    expect(maps).toHaveLength(2 * FAMILY_SIZES.length * FAMILY_LANES.length * 2);
    expect(new Set(maps.map((m) => m.map.name)).size).toBe(maps.length);
    for (const { map } of maps) {
      const at = index(map);
      expect(map.nodes.length, map.name).toBe(Number(/ (\d+)\//.exec(map.name)![1]));
      const broken = map.flows.filter((f) => !at.has(f.from) || !at.has(f.to) || f.from === f.to);
      expect(broken, map.name).toEqual([]);
      expect(new Set(map.flows.map((f) => `${f.from}>${f.to}`)).size).toBe(map.flows.length);
    }
  });

  it('random lane graphs: a path through every node, a quarter of the extra flows back, half across lanes, decisions with 2 or 3 ways out', () => {
    for (const lanes of FAMILY_LANES) {
      const map = randomLaneGraph({ nodes: 1000, lanes, seed: 1 });
      const at = index(map);
      const laneOf = lane(map);
      const onPath = (from: string, to: string) => at.get(to)! === at.get(from)! + 1;
      for (let i = 0; i + 1 < map.nodes.length; i++) expect(map.flows.some((f) => f.from === map.nodes[i]!.id && f.to === map.nodes[i + 1]!.id)).toBe(true);
      const extra = map.flows.filter((f) => !onPath(f.from, f.to));
      expect(extra.length).toBeGreaterThanOrEqual(300);
      const back = extra.filter((f) => at.get(f.to)! < at.get(f.from)!).length / extra.length;
      const cross = extra.filter((f) => laneOf.get(f.to) !== laneOf.get(f.from)).length / extra.length;
      expect(back).toBeGreaterThan(0.15);
      expect(back).toBeLessThan(0.35);
      expect(cross).toBeGreaterThan(0.4);
      expect(cross).toBeLessThan(0.6);
      const decisions = map.nodes.filter((n) => n.kind === 'decision');
      expect(decisions.length).toBeGreaterThan(80);
      for (const d of decisions) expect([2, 3]).toContain(outgoing(map, d.id));
      expect(new Set(map.nodes.map((n) => n.laneId)).size).toBe(lanes);
      expect(map.flows.some((f) => f.to === map.nodes[0]!.id)).toBe(false);
      expect(outgoing(map, map.nodes.at(-1)!.id)).toBe(0);
    }
  });

  it('long chains: lane changes every 2 to 5 steps, one side branch per lane in its lane that rejoins further on', () => {
    for (const lanes of FAMILY_LANES) {
      const map = longChain({ nodes: 500, lanes, seed: 2 });
      const at = index(map);
      const laneOf = lane(map);
      const decisions = map.nodes.filter((n) => n.kind === 'decision');
      expect(new Set(decisions.map((d) => d.laneId)).size).toBe(lanes);
      expect(decisions).toHaveLength(lanes);
      // The chain is the nodes before the first branch step: each flows to the next.
      const chainEnd = map.nodes.findIndex((n) => n.kind === 'end');
      let run = 1;
      for (let i = 1; i <= chainEnd; i++) {
        expect(map.flows.some((f) => f.from === map.nodes[i - 1]!.id && f.to === map.nodes[i]!.id)).toBe(true);
        run = map.nodes[i]!.laneId === map.nodes[i - 1]!.laneId ? run + 1 : 1;
        expect(run).toBeLessThanOrEqual(5);
      }
      for (const d of decisions) {
        // Follow the branch: its steps lie after the chain, in the decision's lane, and it
        // comes back to a chain node after the decision.
        let cur = map.flows.find((f) => f.from === d.id && at.get(f.to)! > chainEnd)!.to;
        while (at.get(cur)! > chainEnd) {
          expect(laneOf.get(cur)).toBe(d.laneId);
          cur = map.flows.find((f) => f.from === cur)!.to;
        }
        expect(at.get(cur)!).toBeGreaterThan(at.get(d.id)! + 2);
      }
    }
  });
});
