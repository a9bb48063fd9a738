import { describe, expect, it } from 'vitest';
import { updateNode, type NodePatch } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { drawsFlowsAlike, flowRoutes } from '../../src/core/drawing/flowRoutes';
import { generateMap, withBranchLabels } from '../../src/core/layout/generate';
import { quickLayout } from '../../src/core/layout/quickLayout';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { ctx, NOW } from './fixtures/maps';

// The editor keeps a map's last drawing when drawsFlowsAlike says an edit changed nothing it
// draws. That must never be wrong: wherever it says alike, routing anew gives the same drawing.

const drawn = (map: ProcessMap) => flowRoutes(map).map(({ flow, route }) => [flow.id, route]);

const PATCHES: NodePatch[] = [{ label: 'P1' }, { label: 'A much longer name that no longer fits on one line of the box' }, { manual: true }, { notes: 'Said in the room' }, { kind: 'decision' }];

function maps(): ProcessMap[] {
  const generated = [7, 23, 51].map((seed) => quickLayout(withBranchLabels(generateMap({ nodes: 80, lanes: 4, seed, id: `g${seed}` }))));
  return [...demoWorkspace(NOW).maps, ...generated];
}

describe('drawsFlowsAlike', () => {
  it('says alike only where routing the edited map again draws every flow and label the same', () => {
    let alike = 0;
    let differ = 0;
    for (const map of maps()) {
      const ws: Workspace = { meta: { id: 'w', name: 'W' }, departments: [], systems: [], dataStores: [], maps: [map] };
      // Up to four nodes of every kind, each edited every way.
      const perKind = new Map<string, number>();
      const some = map.nodes.filter((n) => perKind.set(n.kind, (perKind.get(n.kind) ?? 0) + 1).get(n.kind)! <= 4);
      for (const node of some) {
        for (const patch of PATCHES) {
          const after = updateNode.run(ws, { mapId: map.id, nodeId: node.id, patch }, ctx).maps[0]!;
          if (after === map) continue;
          if (!drawsFlowsAlike(map, after)) {
            differ++;
            continue;
          }
          alike++;
          expect(drawn(after), `${map.id}: ${node.kind} ${node.id} ${JSON.stringify(patch)}`).toEqual(drawn(map));
        }
      }
    }
    // Both answers were given, so the check above was not empty.
    expect(alike).toBeGreaterThan(10);
    expect(differ).toBeGreaterThan(10);
  });

  it('tells a renamed step from a renamed decision, whose words change where its branches leave', () => {
    const map = maps().at(-1)!;
    const step = map.nodes.find((n) => n.kind === 'step')!;
    const decision = map.nodes.find((n) => n.kind === 'decision')!;
    const ws: Workspace = { meta: { id: 'w', name: 'W' }, departments: [], systems: [], dataStores: [], maps: [map] };
    const rename = (id: string) => updateNode.run(ws, { mapId: map.id, nodeId: id, patch: { label: 'Ok?' } }, ctx).maps[0]!;
    expect(drawsFlowsAlike(map, rename(step.id))).toBe(true);
    expect(drawsFlowsAlike(map, rename(decision.id))).toBe(false);
  });
});
