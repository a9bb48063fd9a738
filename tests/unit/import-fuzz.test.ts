import { describe, expect, it } from 'vitest';
import { MAX_FLOWS_PER_MAP, MAX_LANES_PER_MAP, MAX_SHAPES_PER_MAP } from '../../src/core/formats/importLimits';
import { importFile } from '../../src/core/importing/importFile';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';
import { fuzzCases } from './fixtures/fuzzFiles';

// Every importer against generated files: cut short, bytes flipped, values of the wrong type,
// far too large, nested far too deep, one format under another's name. A fixed seed and count,
// so CI runs the same cases every time. Each must end as a workspace that is itself valid (it
// would be saved and exported) within the caps, or as a plain refusal from the reader's own
// checks: never a crash of the reader caught on the way out, never a hang.

const SEED = 20_261_205;
const COUNT = 150;
const NOW = '2026-12-05T10:00:00Z';

describe(`import fuzz: ${COUNT} generated files (seed ${SEED})`, () => {
  const cases = fuzzCases(SEED, COUNT);
  const tally = { imported: 0, refused: 0 };

  for (const c of cases) {
    it(c.id, async () => {
      const outcome = await importFile({ name: c.name, bytes: c.bytes }, NOW);
      if (!outcome.ok) {
        expect(outcome.unexpected, outcome.errors[0]?.message).toBeUndefined();
        expect(outcome.errors.length).toBeGreaterThan(0);
        for (const e of outcome.errors) expect(e.message.length).toBeGreaterThan(10);
        tally.refused++;
        return;
      }
      const ws = outcome.result.workspace;
      for (const m of ws.maps) {
        expect(m.nodes.length).toBeLessThanOrEqual(MAX_SHAPES_PER_MAP);
        expect(m.lanes.length).toBeLessThanOrEqual(MAX_LANES_PER_MAP);
        expect(m.flows.length).toBeLessThanOrEqual(MAX_FLOWS_PER_MAP);
      }
      // What was read can be kept: as a bundle it reads back, unchanged in its maps.
      const again = parseBundleText(JSON.stringify(toBundle(ws, NOW)));
      expect(again.ok ? [] : again.errors.slice(0, 3)).toEqual([]);
      if (again.ok) expect(again.workspace.maps.map((m) => m.nodes.length)).toEqual(ws.maps.map((m) => m.nodes.length));
      tally.imported++;
    }, 60_000);
  }

  it('reached both ends: some files were read, some refused', () => {
    expect(tally.imported).toBeGreaterThan(10);
    expect(tally.refused).toBeGreaterThan(10);
  });
});
