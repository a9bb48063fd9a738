// Hand-made layered graphs for the placement passes: items by column, chains of links, every
// node 60 high, one lane. Nodes are the items below `nodes`; the rest are dummies.

import type { Layered } from '../../src/core/layout/layers';
import type { PortOffsets } from '../../src/core/layout/portOffsets';
import type { LGraph } from '../../src/core/layout/types';

export function layeredScene(nodes: number, layers: number[][], chains: number[][], glued: number[] = []): { L: Layered; g: LGraph; ports: PortOffsets } {
  const layer: number[] = [];
  layers.forEach((items, c) => items.forEach((i) => (layer[i] = c)));
  const items = layer.length;
  const none = () => Array.from({ length: items }, (): number[] => []);
  const right = none();
  const left = none();
  for (const chain of chains)
    for (let k = 0; k + 1 < chain.length; k++) {
      right[chain[k]!]!.push(chain[k + 1]!);
      left[chain[k + 1]!]!.push(chain[k]!);
    }
  const L = {
    nodes,
    laneCount: 1,
    layer,
    lane: new Array<number>(items).fill(0),
    edge: Array.from({ length: items }, (_, i) => (i < nodes ? -1 : chains.findIndex((c) => c.includes(i)))),
    owner: new Array<number>(items).fill(-1),
    ownerSide: new Array<'N' | 'S' | null>(items).fill(null),
    glued: Array.from({ length: items }, (_, i) => (glued.includes(i) ? 1 : 0)),
    span: new Array<number>(items).fill(0),
    left,
    right,
    leftW: left.map((l) => l.map(() => 1)),
    rightW: right.map((l) => l.map(() => 1)),
    chain: chains,
    layers,
  } satisfies Layered;
  const g = { nodes: Array.from({ length: nodes }, () => ({ height: 60 })) } as unknown as LGraph;
  // Every link meets a node 20 below its top (a dummy: at its own level).
  const ports = { left: left.map((l, i) => l.map(() => (i < nodes ? 20 : 0))), right: right.map((l, i) => l.map(() => (i < nodes ? 20 : 0))) };
  return { L, g, ports };
}
