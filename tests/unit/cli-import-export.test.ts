import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';
import { memoryCli } from './fixtures/memoryCli';

const NOW = '2026-11-23T10:00:00Z';
const demo = demoWorkspace(NOW);
const BUNDLE = JSON.stringify(toBundle(demo, NOW));
const SLOW = 60_000;

const pngSize = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};

describe('lanemap import', () => {
  it('prints a BPMN file as a workspace bundle with every node placed', async () => {
    const bytes = new Uint8Array(await readFile('../shared/corpus/bpmn-miwg/reference/C.1.0.bpmn'));
    const r = await memoryCli({ 'C.1.0.bpmn': bytes }).run(['import', 'C.1.0.bpmn', '--json']);
    expect(r.code).toBe(0);
    const parsed = parseBundleText(r.stdout);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const map = parsed.workspace.maps[0]!;
    expect(map.lanes.length).toBeGreaterThan(1);
    expect(map.nodes.every((n) => map.view.nodes[n.id])).toBe(true);
  }, SLOW);

  it('lays out a chain of 10,000 tasks without positions, where ELK runs out of stack, the quick way, and says so', async () => {
    const n = 10_000;
    const tasks = Array.from({ length: n }, (_, i) => `<task id="t${i}" name="Task ${i}"/>`).join('');
    const flows = Array.from({ length: n - 1 }, (_, i) => `<sequenceFlow id="f${i}" sourceRef="t${i}" targetRef="t${i + 1}"/>`).join('');
    const bpmn = `<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" name="Long">${tasks}${flows}</process></definitions>`;
    const r = await memoryCli({ 'long.bpmn': bpmn }).run(['import', 'long.bpmn', '--json']);
    expect(r.code).toBe(0);
    const parsed = parseBundleText(r.stdout);
    if (!parsed.ok) throw new Error('not a bundle');
    const map = parsed.workspace.maps[0]!;
    expect(map.nodes).toHaveLength(n);
    expect(map.nodes.every((x) => map.view.nodes[x.id])).toBe(true);
    expect(map.flows.every((f) => (map.view.flowPoints[f.id]?.length ?? 0) >= 2)).toBe(true);
    // The fallback is never silent.
    expect(r.stderr).toMatch(/"Long": the full layout failed \(Maximum call stack size exceeded\); it was laid out the quick way instead/);
  }, SLOW);

  it('refuses a truncated file and a missing one with exit code 2 and a reason', async () => {
    const text = await readFile('../shared/corpus/bpmn-miwg/reference/B.1.0.bpmn', 'latin1');
    const cli = memoryCli({ 'cut.bpmn': text.slice(0, 3000) });
    const cut = await cli.run(['import', 'cut.bpmn', '--json']);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/lanemap import: .*line \d+/);
    expect(cut.stdout).toBe('');
    const missing = await memoryCli({}).run(['import', 'nope.bpmn']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read nope\.bpmn: no such file/);
  });
});

describe('lanemap export', () => {
  const first = demo.maps[0]!;

  it('writes one SVG of a map with its name and lanes as text', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    const r = await cli.run(['export', 'ws.json', '--format', 'svg', '--map', first.id, '--out', 'out/map.svg']);
    expect(r.code).toBe(0);
    const svg = String(cli.written.get('out/map.svg'));
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    // Wrapped labels are lines (tspans) of one text: read them back as a person would.
    const text = svg.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(first.name);
    for (const lane of first.lanes) expect(text).toContain(lane.name.replace(/&/g, '&amp;'));
  });

  it('writes one file per map into a folder when no map is named', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    const r = await cli.run(['export', 'ws.json', '--format', 'bpmn', '--out', 'out']);
    expect(r.code).toBe(0);
    expect([...cli.written.keys()]).toHaveLength(demo.maps.length);
    for (const [path, data] of cli.written) {
      expect(path).toMatch(/^out\/[\w.-]+\.bpmn$/);
      expect(String(data)).toContain('http://www.omg.org/spec/BPMN/20100524/MODEL');
    }
  });

  it('draws a PNG at the scale asked', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    const one = await cli.run(['export', 'ws.json', '--format', 'png', '--map', first.id, '--scale', '1', '--out', 'a.png']);
    const two = await cli.run(['export', 'ws.json', '--format', 'png', '--map', first.id, '--scale', '2', '--out', 'b.png']);
    expect([one.code, two.code]).toEqual([0, 0]);
    const a = pngSize(cli.written.get('a.png') as Uint8Array);
    const b = pngSize(cli.written.get('b.png') as Uint8Array);
    expect(Array.from((cli.written.get('a.png') as Uint8Array).subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
    expect(Math.abs(b.width - 2 * a.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(b.height - 2 * a.height)).toBeLessThanOrEqual(2);
  }, SLOW);

  it('writes the report as .docx and as .html', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    expect((await cli.run(['export', 'ws.json', '--format', 'docx', '--out', 'r.docx'])).code).toBe(0);
    expect((await cli.run(['export', 'ws.json', '--format', 'html', '--out', 'r.html'])).code).toBe(0);
    expect(Array.from((cli.written.get('r.docx') as Uint8Array).subarray(0, 2))).toEqual([0x50, 0x4b]);
    const html = String(cli.written.get('r.html'));
    expect(html).toMatch(/<html/i);
    for (const m of demo.maps) expect(html).toContain(m.name.replace(/&/g, '&amp;'));
  }, SLOW);

  it('says what is wrong with the command line', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    const bad = await cli.run(['export', 'ws.json', '--format', 'gif', '--out', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown format "gif".*svg, png, docx, html, pdf, bpmn/);
    expect((await cli.run(['export', 'ws.json', '--format', 'svg'])).stderr).toMatch(/Missing --out/);
    expect((await cli.run(['export', 'ws.json', '--format', 'svg', '--map', 'nope', '--out', 'x.svg'])).stderr).toMatch(/No map with id "nope"/);
    expect(cli.written.size).toBe(0);
  });
});

describe('lanemap report', () => {
  it('writes the policy document for the chosen maps on the paper asked, the same as export does', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    const run = await cli.run(['report', 'ws.json', '--format', 'html', '--maps', 'm-reg,m-alu', '--paper', 'letter', '--out', 'r.html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('r.html\n');
    const html = String(cli.written.get('r.html'));
    expect(html).toContain('size: letter landscape');
    expect(html).toContain('Registry: change of address (draft)</h3>');
    expect(html).not.toContain('Admissions: enquiry to offer</h3>');
    expect((await cli.run(['report', 'ws.json', '--format', 'docx', '--out', 'r.docx'])).code).toBe(0);
    expect(Array.from((cli.written.get('r.docx') as Uint8Array).subarray(0, 2))).toEqual([0x50, 0x4b]);
  }, SLOW);

  it('says which map ids and which paper it does not know, and writes nothing', async () => {
    const cli = memoryCli({ 'ws.json': BUNDLE });
    const map = await cli.run(['report', 'ws.json', '--format', 'docx', '--maps', 'm-reg,nope', '--out', 'r.docx']);
    expect(map.code).toBe(2);
    expect(map.stderr).toMatch(/No map with id "nope".*m-adm/);
    const paper = await cli.run(['report', 'ws.json', '--format', 'docx', '--paper', 'a3', '--out', 'r.docx']);
    expect(paper.stderr).toMatch(/--paper must be a4 or letter/);
    expect((await cli.run(['report', 'ws.json', '--format', 'odt', '--out', 'r.odt'])).stderr).toMatch(/Unknown format "odt": use one of docx, html, pdf/);
    expect(cli.written.size).toBe(0);
  });
});
