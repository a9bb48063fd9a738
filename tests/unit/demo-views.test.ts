import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { demoMapsUnlaid } from '../../src/core/demo/demoMaps';
import demoViews from '../../src/core/demo/demoViews.json';
import { quickLayout } from '../../src/core/layout/quickLayout';

// A first run shows the demo with views worked out ahead (demoViews.json), not laid out while
// the user waits. They must be what the quick layout makes of the demo as it is now.

describe('the demo’s stored views', () => {
  it('are the quick layout of every demo map as written now (if not: npm run demo:views)', () => {
    const maps = demoMapsUnlaid('2026-01-01T00:00:00.000Z');
    expect(Object.keys(demoViews).sort()).toEqual(maps.map((m) => m.id).sort());
    for (const m of maps) expect(demoViews[m.id as keyof typeof demoViews], m.name).toEqual(quickLayout(m).view);
  });

  it('each demo workspace gets its own copy: moving a step in one changes no other', () => {
    const a = demoWorkspace('2026-01-01T00:00:00.000Z');
    const first = a.maps[0]!;
    const id = first.nodes[0]!.id;
    const x = first.view.nodes[id]!.x;
    first.view.nodes[id]!.x = x + 500;
    expect(demoWorkspace('2026-01-01T00:00:00.000Z').maps[0]!.view.nodes[id]!.x).toBe(x);
  });
});
