import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { generateMap } from '../../src/core/layout/generate';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { pageShape, PAPERS, twipsToPx } from '../../src/core/report/paper';
import { mapPictures } from '../../src/core/report/pictures/mapPictures';
import { chainMap } from './fixtures/chainMap';

// Where the report puts a map: every picture on its page whole, its first page with room for
// the map's heading, facts and findings line above it (a picture that does not leave that room
// is pushed to the next page, and the heading stands alone on a page of its own).

const demo = demoWorkspace('2026-11-22T10:00:00Z');
/** The heading (14 pt), the facts and the findings lines and the part's caption, at the least. */
const HEADING_ROOM = 100;

function checkFits(map: ProcessMap, ws: Workspace): void {
  for (const paper of PAPERS) {
    const { orientation, pictures } = mapPictures(map, ws, paper, new Map());
    const page = pageShape(paper, orientation);
    pictures.forEach((p, i) => {
      const what = `${map.name} on ${paper} ${orientation}, part ${i + 1}`;
      expect(p.shownWidth, what).toBeLessThanOrEqual(twipsToPx(page.textWidth) + 0.5);
      expect(p.shownHeight + (i === 0 ? HEADING_ROOM : 0), what).toBeLessThanOrEqual(twipsToPx(page.textHeight));
      // Shrunk only when the map is taller than any page, and then it says so.
      expect(p.shownWidth / p.width < 0.999, what).toBe(p.note !== undefined);
    });
  }
}

describe('map pictures on the report’s pages', () => {
  it('fit their pages with the map’s heading above the first part, for every demo map', () => {
    for (const map of demo.maps) checkFits(map, demo);
  });

  it('fit their pages for generated maps of 3 to 7 lanes and long chains', () => {
    for (const lanes of [3, 4, 5, 6, 7]) for (const seed of [1, 2, 3]) checkFits(generateMap({ nodes: 16 + 4 * lanes, lanes, seed }), demo);
    for (const steps of [12, 24, 40]) checkFits(chainMap(steps, 4), demo);
  });

  it('shrink a map taller than any page to fit, and say at what size its text prints', () => {
    const tall = generateMap({ nodes: 60, lanes: 14, seed: 4 });
    const { pictures } = mapPictures(tall, demo, 'a4', new Map());
    expect(pictures[0]!.note).toMatch(/^Shrunk to fit the page: its text prints at \d(\.\d)? pt\.$/);
    checkFits(tall, demo);
  });
});
