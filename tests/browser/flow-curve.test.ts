import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { flowPath } from '../../src/core/drawing/flowPath';
import { stepRoute } from '../../src/core/drawing/stepRoute';
import type { Id, NodeBox, Point, ProcessMap, Workspace } from '../../src/core/model/types';
import { toBundle } from '../../src/core/schema/bundle';
import { APP_URL, centre, openApp, sharedBrowser, waitForCanvas } from './support/browser';

// One curve: every flow of every demo map is drawn on the canvas along the line the SVG export
// draws for it. The canvas's path is read from the page (`d` of React Flow's edge path, in flow
// coordinates, which are the map's own); the export's from the file the Export dialog saves.
// The export moves its whole drawing by a translate on the outer group and leaves each path's
// data in map coordinates, so the two are compared as they are.

const browser = sharedBrowser();
/** How far apart, in px, a point of the two lines may be. */
const TOLERANCE = 0.5;

/** A path as its start and its pieces: straight runs and rounded (quadratic) corners. */
interface Piece {
  kind: 'L' | 'Q';
  points: Point[];
}

/**
 * The absolute M/L/H/V/Q path data both writers use, as pieces. Straight runs that carry on in
 * the same direction are one run, and empty ones are dropped, so "M0,0 L5,0 L10,0" and "M0,0H10"
 * read the same: what is compared is the line, not how it was spelled.
 */
function pieces(d: string): { start: Point; pieces: Piece[] } {
  const tokens = d.match(/[MLHVQ]|-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? [];
  let at: Point = [0, 0];
  let start: Point | null = null;
  const out: Piece[] = [];
  const num = (i: number) => Number(tokens[i]);
  const end = (): Point => out.at(-1)?.points.at(-1) ?? at;
  const line = (to: Point) => {
    const prev = out.at(-1);
    const from = end();
    if (Math.hypot(to[0] - from[0], to[1] - from[1]) < 0.01) return;
    if (prev?.kind === 'L') {
      const before = out.length > 1 ? out[out.length - 2]!.points.at(-1)! : start!;
      const cross = (from[0] - before[0]) * (to[1] - from[1]) - (from[1] - before[1]) * (to[0] - from[0]);
      const dot = (from[0] - before[0]) * (to[0] - from[0]) + (from[1] - before[1]) * (to[1] - from[1]);
      if (Math.abs(cross) < 0.01 && dot > 0) {
        prev.points[0] = to;
        return;
      }
    }
    out.push({ kind: 'L', points: [to] });
  };
  // A corner too small to see is part of the run (React Flow's smooth step rounds a straight run
  // where float noise, 1588.49992 against 1588.5, makes it look bent).
  const corner = (c: Point, to: Point) => {
    const from = end();
    if (Math.hypot(c[0] - from[0], c[1] - from[1]) < 0.01 && Math.hypot(to[0] - c[0], to[1] - c[1]) < 0.01) line(to);
    else out.push({ kind: 'Q', points: [c, to] });
  };
  for (let i = 0; i < tokens.length; ) {
    const cmd = tokens[i++]!;
    if (cmd === 'M') {
      start = [num(i), num(i + 1)];
      at = start;
      i += 2;
    } else if (cmd === 'L') {
      line([num(i), num(i + 1)]);
      i += 2;
    } else if (cmd === 'H' || cmd === 'V') {
      line(cmd === 'H' ? [num(i), end()[1]] : [end()[0], num(i)]);
      i += 1;
    } else if (cmd === 'Q') {
      corner([num(i), num(i + 1)], [num(i + 2), num(i + 3)]);
      i += 4;
    } else throw new Error(`Unexpected path command ${cmd} in ${d}`);
  }
  if (!start) throw new Error(`No start in path ${d}`);
  return { start, pieces: out };
}

const near = (a: Point, b: Point) => Math.abs(a[0] - b[0]) <= TOLERANCE && Math.abs(a[1] - b[1]) <= TOLERANCE;

/** Where two paths part, in words; null when they draw the same line. */
function difference(canvas: string, picture: string): string | null {
  const a = pieces(canvas);
  const b = pieces(picture);
  if (!near(a.start, b.start)) return `starts at ${a.start} on the canvas, ${b.start} in the picture`;
  if (a.pieces.length !== b.pieces.length) return `${a.pieces.length} pieces on the canvas, ${b.pieces.length} in the picture`;
  for (let i = 0; i < a.pieces.length; i++) {
    const [p, q] = [a.pieces[i]!, b.pieces[i]!];
    if (p.kind !== q.kind || p.points.some((pt, k) => !near(pt, q.points[k]!))) return `piece ${i + 1}: ${p.kind} ${p.points.join(' ')} on the canvas, ${q.kind} ${q.points.join(' ')} in the picture`;
  }
  return null;
}

/** The path data of each flow in an exported SVG, in the order the map lists its flows, with its kind. */
function picturePaths(svg: string): { kind: string; d: string }[] {
  return [...svg.matchAll(/<g class="flow flow-(\w+)"[^>]*><path d="([^"]+)"\/>/g)].map((m) => ({ kind: m[1]!, d: m[2]! }));
}

/** Every map exported as SVG through the Export dialog, keyed by the title each file carries. */
async function exportAllSvg(page: Page): Promise<Map<string, string>> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /^SVG picture/ }).check();
  await dialog.getByRole('radio', { name: /^All maps/ }).check();
  const files: Promise<string>[] = [];
  page.on('download', (d) => files.push(d.path().then((p) => readFile(p!, 'utf8'))));
  const count = await page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').count();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => files.length, { timeout: 30_000 }).toBe(count);
  await page.keyboard.press('Escape');
  const byTitle = new Map<string, string>();
  for (const svg of await Promise.all(files)) byTitle.set(/<title>([^<]*)<\/title>/.exec(svg)![1]!, svg);
  return byTitle;
}

/** The canvas's path data of each flow of the open map, once every one is drawn and two reads a frame apart agree. */
async function canvasPaths(page: Page, map: ProcessMap): Promise<Map<string, string>> {
  const ids = map.flows.map((f) => f.id);
  const read = () =>
    page.evaluate(async (ids) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return ids.map((id) => document.querySelector(`[data-testid="rf__edge-${id}"] .react-flow__edge-path`)?.getAttribute('d') ?? null);
    }, ids);
  let seen: (string | null)[] = [];
  await expect
    .poll(async () => {
      const now = await read();
      const steady = now.every(Boolean) && now.join('|') === seen.join('|');
      seen = now;
      return steady;
    }, { timeout: 20_000 })
    .toBe(true);
  return new Map(ids.map((id, i) => [id, seen[i]!]));
}

/** The exported SVG of a map, found by the title the export gives it (its name and department). */
function exportOf(svgs: Map<string, string>, ws: Workspace, map: ProcessMap): string {
  const department = ws.departments.find((d) => d.id === map.departmentId)?.name;
  const svg = svgs.get(department ? `${map.name} (${department})` : map.name);
  expect(svg, `the export of ${map.name}`).toBeDefined();
  return svg!;
}

/** Compares every flow of the open map with its export; returns the flows whose lines differ, with how. */
async function mismatchesOnMap(page: Page, map: ProcessMap, svg: string): Promise<string[]> {
  const picture = picturePaths(svg);
  expect(picture.map((p) => p.kind)).toEqual(map.flows.map((f) => f.kind));
  const canvas = await canvasPaths(page, map);
  return map.flows.flatMap((f, i) => {
    const why = difference(canvas.get(f.id)!, picture[i]!.d);
    return why ? [`${map.id} ${f.id} (${f.kind}): ${why}`] : [];
  });
}

/** Opens each map and compares every flow. */
async function mismatches(page: Page, ws: Workspace, svgs: Map<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const map of ws.maps) {
    await page.goto(`${APP_URL}#/map/${map.id}`);
    await waitForCanvas(page);
    out.push(...(await mismatchesOnMap(page, map, exportOf(svgs, ws, map))));
  }
  return out;
}

const NOW = '2026-01-01T00:00:00.000Z';

test('every flow of the demo maps as they open (routed by the layout): the canvas draws the line the SVG export draws', async () => {
  const { page, context, errors } = await openApp(browser(), { acceptDownloads: true });
  const ws = demoWorkspace(NOW);
  const flows = ws.maps.reduce((n, m) => n + m.flows.length, 0);
  expect(flows).toBeGreaterThan(80);
  const svgs = await exportAllSvg(page);
  expect(await mismatches(page, ws, svgs)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('every flow of the demo maps drawn since the last layout (no routes): the canvas draws the step, detour and rounding the SVG export draws', async () => {
  const { page, context, errors } = await openApp(browser(), { acceptDownloads: true });
  // The demo with its nodes where the layout put them but no flow routed: every line is the
  // step between two boxes or the way round a node, as after drawing flows by hand.
  const demo = demoWorkspace(NOW);
  const ws: Workspace = { ...demo, maps: demo.maps.map((m) => ({ ...m, view: { ...m.view, flowPoints: {} } })) };
  const file = join(tmpdir(), `lanemap-unrouted-demo-${process.pid}.json`);
  await writeFile(file, JSON.stringify(toBundle(ws, NOW)));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog', { name: /^Import / }).getByRole('button', { name: 'Open as a new workspace' }).click();
  await waitForCanvas(page);
  await expect.poll(() => page.getByRole('complementary', { name: 'Maps' }).locator('.map-name').count()).toBe(ws.maps.length);

  const svgs = await exportAllSvg(page);
  // Every one of these is drawn without routed points, so both sides compute the step themselves.
  for (const svg of svgs.values()) expect(svg).toContain('Q');
  const found = await mismatches(page, ws, svgs);
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a flow follows a dragged node as the step the picture draws, while the node moves and once it is dropped', async () => {
  const { page, context, errors } = await openApp(browser(), { path: '#/map/m-adm', acceptDownloads: true });
  const ws = demoWorkspace(NOW);
  const map = ws.maps.find((m) => m.id === 'm-adm')!;
  // A step with flows in and out.
  const node = map.nodes.find((n) => n.kind === 'step' && map.flows.filter((f) => f.from === n.id || f.to === n.id).length >= 3)!;
  const touching = map.flows.filter((f) => f.from === node.id || f.to === node.id);
  const el = page.locator(`.react-flow__node[data-id="${node.id}"]`);
  const before = await canvasPaths(page, { ...map, flows: touching });
  const start = await centre(el);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 13 * i, start.y + 9 * i);

  // Mid-drag: where React Flow has the node now, and the line each of its flows is drawn along.
  const position = async (): Promise<Point> => {
    const t = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((await el.getAttribute('style')) ?? '');
    return [Number(t![1]), Number(t![2])];
  };
  const box = map.view.nodes[node.id]!;
  await expect.poll(async () => (await position())[0]).toBeGreaterThan(box.x + 40);
  const [x, y] = await position();
  const live = (id: Id): NodeBox => (id === node.id ? { ...box, x, y } : map.view.nodes[id]!);
  const canvas = await canvasPaths(page, { ...map, flows: touching });
  await page.screenshot({ path: 'tests/browser/artifacts/flow-curve-drag.png' });
  const during = touching.flatMap((f) => {
    const r = stepRoute(live(f.from), live(f.to));
    const why = difference(canvas.get(f.id)!, flowPath(r.points, r.rounded));
    return why ? [`${f.id}: ${why}`] : [];
  });
  expect(during).toEqual([]);

  // Dropped: the move is stored and the picture of the moved map is what the canvas shows.
  await page.mouse.up();
  await expect.poll(async () => (await page.locator('.react-flow__node.dragging').count())).toBe(0);
  const svg = exportOf(await exportAllSvg(page), ws, map);
  expect(await mismatchesOnMap(page, map, svg)).toEqual([]);
  const after = await canvasPaths(page, { ...map, flows: touching });
  for (const f of touching) expect(after.get(f.id)).not.toBe(before.get(f.id));
  expect(errors).toEqual([]);
  await context.close();
});
