import { describe, expect, it } from 'vitest';
import { memoryCli } from './fixtures/memoryCli';
import { demoWorkspace } from '../../src/core/demo';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';
import { layoutProblems } from './layout-helpers';

const BUNDLE = JSON.stringify(toBundle(demoWorkspace('2026-11-22T10:00:00Z'), '2026-11-22T10:00:00Z'));

async function cli(args: string[], files: Record<string, string> = { 'ws.json': BUNDLE }) {
  return memoryCli(files).run(args);
}

describe('lanemap layout', () => {
  // Laying out the five demo maps takes a moment on a busy machine.
  const SLOW = 60_000;

  it('prints the bundle with every node box, lane band and flow polyline (--json)', async () => {
    const r = await cli(['layout', 'ws.json', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.exportedAt).toBe('2026-11-22T10:00:00Z');
    for (const m of json.maps) {
      for (const n of m.nodes) expect(n).toMatchObject({ x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) });
      let y = 0;
      for (const l of m.lanes) {
        expect(l.y).toBe(y);
        y += l.height;
      }
      for (const f of m.flows) expect(f.points.length).toBeGreaterThanOrEqual(2);
    }
    // It reads back as a valid bundle, and the drawing keeps every invariant.
    const back = parseBundleText(r.stdout);
    expect(back.ok).toBe(true);
    if (back.ok) for (const m of back.workspace.maps) expect(layoutProblems(m), m.id).toEqual([]);
  }, SLOW);

  it('is deterministic', async () => {
    const a = await cli(['layout', 'ws.json', '--json']);
    const b = await cli(['layout', 'ws.json', '--json']);
    expect(a.stdout).toBe(b.stdout);
  }, SLOW);

  it('lays out one map with --map, and summarises without --json', async () => {
    const one = JSON.parse((await cli(['layout', 'ws.json', '--map', 'm-adm', '--json'])).stdout);
    expect(one.maps.map((m: { id: string }) => m.id)).toEqual(['m-adm']);
    const text = await cli(['layout', 'ws.json', '--map=m-adm']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^m-adm "Admissions: enquiry to offer": \d+ nodes, 4 lanes, \d+ flows, \d+ crossings?, \d+ x \d+ px\n$/);
  }, SLOW);

  it('fails with exit code 2 and a message on stderr for bad input', async () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['layout', 'missing.json'], /Cannot read missing\.json: no such file/],
      [['layout', 'bad.json'], /bad\.json is not a valid Lanemap workspace bundle:\n {2}\(root\): The file is not valid JSON/, { 'bad.json': '{ nope' }],
      [['layout', 'old.json'], /format/, { 'old.json': '{"format":"other"}' }],
      [['layout', 'ws.json', '--map', 'm-none'], /No map with id "m-none" in ws\.json \(maps: m-adm, /],
      [['layout', 'ws.json', '--frobnicate'], /Unknown option --frobnicate/],
      [['layout', 'ws.json', '--map'], /--map needs a value/],
      [['layout'], /Missing the bundle file/],
      [['paint'], /Unknown command "paint"/],
      [[], /Usage: lanemap <command>/],
    ];
    for (const [args, message, files] of cases) {
      const r = await cli(args, files ?? { 'ws.json': BUNDLE });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('prints help on stdout', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/layout +lay out the maps/);
    expect((await cli(['layout', '--help'])).stdout).toMatch(/Usage: lanemap layout <bundle.json> \[--map ID\] \[--json\]/);
  });
});
