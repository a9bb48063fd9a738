import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDrawio } from '../../src/core/diagrams/drawio';
import { ClearStack } from '../../src/core/formats/clearStack';
import { clipText, MAX_IMPORTED_NOTES, MAX_IMPORTED_TEXT } from '../../src/core/formats/fitText';
import { MAX_NOTES_LENGTH, MAX_TEXT_LENGTH } from '../../src/core/schema/limits';
import { MAX_SHAPES_PER_MAP, ZIP_LIMITS } from '../../src/core/formats/importLimits';
import { ImportError } from '../../src/core/formats/importResult';
import { MapBuilder } from '../../src/core/formats/mapBuilder';
import { parseXml, XmlError } from '../../src/core/formats/xml';
import { ZipArchive } from '../../src/core/formats/zipArchive';
import { importFile } from '../../src/core/importing/importFile';
import { maxOf, minOf } from '../../src/core/model/numbers';
import type { NodeBox } from '../../src/core/model/types';
import { HOSTILE_ARCHIVES, HUGE_DRAWINGS, vsdxFrame, vsdxShapesPage, vsdxWithShapes } from './fixtures/hostileFiles';
import { zipParts } from './fixtures/zipWriter';

const NOW = '2026-11-23T10:00:00Z';
const KIND = { what: '.vsdx file', remedy: 'Save it again.' };

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const outcome = await importFile({ name, bytes }, NOW);
  if (outcome.ok) throw new Error(`${name} was imported`);
  // Refused by a reader's own check, not by a reader's bug caught on the way out.
  expect(outcome.unexpected).toBeUndefined();
  return outcome.errors[0]!.message;
}

describe('hostile archives are refused, each with its reason', () => {
  const expected: Record<string, RegExp> = {
    'lying-size.vsdx': /“lying-size\.vsdx” lies about its contents: the part “visio\/pages\/page1\.xml” claims 2,048 bytes but unpacks to more/,
    'overlapping.vsdx': /parts “visio\/pages\/page1\.xml” and “visio\/pages\/page2\.xml” share the same bytes \(a “zip bomb”\)/,
    'duplicate-entry.vsdx': /lists “visio\/pages\/page1\.xml” twice/,
    'ratio-bomb.vsdx': /the part “visio\/pages\/page1\.xml” grows more than 100 times \(a “zip bomb”\)/,
    'many-files.vsdx': /holds 20,004 files; Lanemap reads archives of up to 5,000/,
    'huge-claim.vsdx': /unpacks to more than 200 MB of drawing/,
  };
  for (const f of HOSTILE_ARCHIVES) {
    it(`${f.name}: ${f.what}`, async () => {
      expect(await refusal(f.name, f.bytes())).toMatch(expected[f.name]!);
    }, 60_000);
  }

  it('refuses entries that differ only in case (Office names parts case-insensitively)', () => {
    const bytes = zipParts([...vsdxFrame(1), { name: 'visio/pages/page1.xml', data: strToU8(vsdxShapesPage(2)) }, { name: 'VISIO/pages/Page1.xml', data: strToU8(vsdxShapesPage(2)) }]);
    expect(() => ZipArchive.open(bytes, 'x.vsdx', KIND)).toThrow(/lists “VISIO\/pages\/Page1\.xml” twice/);
  });

  it('refuses a part that holds less than it claims, and a directory that points outside the file', () => {
    const short = zipParts([{ name: 'a.xml', data: strToU8('<a/>'), claim: 400 }]);
    expect(() => ZipArchive.open(short, 'x.vsdx', KIND).extract(() => true)).toThrow(/cut short: the part “a\.xml” claims 400 bytes and holds 4/);
    const bytes = zipParts([{ name: 'a.xml', data: strToU8('<a/>') }]);
    const view = new DataView(bytes.buffer);
    view.setUint32(bytes.length - 22 + 16, bytes.length, true); // the directory "starts" past the end
    expect(() => ZipArchive.open(bytes, 'x.vsdx', KIND)).toThrow(/not a readable \.vsdx file: its table of contents points past the end/);
  });

  it('reads an honest zip, stored or deflated, made by another writer, and unpacks only the parts asked for', () => {
    const bytes = zipSync({ 'visio/a.xml': strToU8('<a>é</a>'), 'visio/b.xml': [strToU8('<b/>'), { level: 0 }], 'media/x.png': new Uint8Array(1000) });
    const zip = ZipArchive.open(bytes, 'x.vsdx', KIND);
    expect(zip.names().sort()).toEqual(['media/x.png', 'visio/a.xml', 'visio/b.xml']);
    const parts = zip.extract((n) => n.startsWith('visio/'));
    expect([...parts.keys()].sort()).toEqual(['visio/a.xml', 'visio/b.xml']);
    expect(new TextDecoder().decode(parts.get('visio/a.xml'))).toBe('<a>é</a>');
  });

  it('counts the running total against the cap as parts unpack', () => {
    const tight = { ...ZIP_LIMITS, totalBytes: 3000 };
    const bytes = zipParts([1, 2].map((i) => ({ name: `p${i}.xml`, data: strToU8(`<p>${'x'.repeat(2000)}</p>`) })));
    expect(() => ZipArchive.open(bytes, 'x.vsdx', KIND, tight).extract(() => true)).toThrow(/unpacks to more than 0 MB of drawing/);
  });
});

describe('drawings past the caps', () => {
  for (const f of HUGE_DRAWINGS) {
    it(`${f.name}: refused with a count of shapes, not a crash`, async () => {
      expect(await refusal(f.name, f.bytes())).toMatch(/(has more than 20,000 shapes|has [\d,]+ shapes|of \d+ MB once unpacked).*Lanemap reads/);
    }, 60_000);
  }

  it('a Visio page of 25,000 shapes (under every size cap) is refused on its count, before it is parsed', async () => {
    expect(await refusal('big.vsdx', vsdxWithShapes(25_000))).toMatch(/The page “Page 1” has 25,000 shapes; Lanemap reads up to 20,000 on one map\. Split the drawing/);
  }, 60_000);

  it('the map builder takes 20,000 shapes and refuses the next, for every reader alike', () => {
    const b = new MapBuilder({ id: 'm', name: 'Intake', departmentId: null, now: NOW });
    for (let i = 0; i < MAX_SHAPES_PER_MAP; i++) b.node({ id: `n${i}`, kind: 'step', label: '' });
    expect(() => b.node({ id: 'one-more', kind: 'step', label: '' })).toThrow(new ImportError('“Intake” has more than 20,000 shapes; Lanemap reads up to 20,000 on one map. Split the drawing into smaller pages, then import it again.'));
  });

  it('a draw.io drawing nesting shapes 80 deep is refused with that reason', () => {
    const cells = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
    for (let i = 0; i < 80; i++) cells.push(`<mxCell id="g${i}" value="" style="group" vertex="1" parent="${i === 0 ? '1' : `g${i - 1}`}"><mxGeometry x="1" y="1" width="10" height="10" as="geometry"/></mxCell>`);
    const text = `<mxGraphModel><root>${cells.join('')}</root></mxGraphModel>`;
    expect(() => importDrawio(text, { fileName: 'deep.drawio', now: NOW })).toThrow(/nests shapes inside one another more than 64 deep/);
  });

  it('XML nested past 100 levels is an XmlError saying so', () => {
    try {
      parseXml(`${'<a>'.repeat(150)}${'</a>'.repeat(150)}`);
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(XmlError);
      expect((e as XmlError).tooDeep).toBe(true);
    }
  });
});

describe('imported text fits a bundle', () => {
  it('the import limits are the bundle\'s own', () => {
    expect([MAX_IMPORTED_TEXT, MAX_IMPORTED_NOTES]).toEqual([MAX_TEXT_LENGTH, MAX_NOTES_LENGTH]);
  });

  it('a 50,000-character label is cut to 10,000 with an ellipsis, never halving an emoji, and the user is told', async () => {
    expect(clipText(`${'a'.repeat(9998)}😀tail`, 10_000)).toBe(`${'a'.repeat(9998)}…`);
    const drawio = `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="a" value="${'word '.repeat(10_000)}" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell></root></mxGraphModel>`;
    const outcome = await importFile({ name: 'long.drawio', bytes: new TextEncoder().encode(drawio) }, NOW);
    if (!outcome.ok) throw new Error(outcome.errors[0]!.message);
    expect(outcome.result.workspace.maps[0]!.nodes[0]!.label).toHaveLength(10_000);
    expect(outcome.result.warnings).toContain('1 label or name was longer than 10,000 characters and cut short.');
  });

  it('shapes and connectors that repeat an id, or whose ids differ only in characters ids cannot hold, each keep an id of their own', async () => {
    const cell = (id: string, more: string) => `<mxCell id="${id}" ${more} parent="1"><mxGeometry x="${id.length * 200}" y="0" width="120" height="60" as="geometry"/></mxCell>`;
    const drawio = `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cell('a b', 'value="One" vertex="1"')}${cell('a_b', 'value="Two" vertex="1"')}${cell('e', 'edge="1" source="a b" target="a_b"')}${cell('e', 'edge="1" source="a_b" target="a b"')}</root></mxGraphModel>`;
    const outcome = await importFile({ name: 'ids.drawio', bytes: new TextEncoder().encode(drawio) }, NOW);
    if (!outcome.ok) throw new Error(outcome.errors[0]!.message);
    const map = outcome.result.workspace.maps[0]!;
    expect(new Set(map.nodes.map((n) => n.id)).size).toBe(2);
    expect(new Set(map.flows.map((f) => f.id)).size).toBe(2);
  });
});

describe('no stack or time blow-up on long lists', () => {
  it('minOf and maxOf take half a million values (a spread into Math.min overflows the stack)', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(() => Math.min(...values)).toThrow(RangeError);
    expect([minOf(values), maxOf(values), minOf([]), maxOf([], 0)]).toEqual([0, 499_999, Infinity, 0]);
  });

  it('20,000 shapes drawn on one spot are spread so that none covers another', () => {
    const stack = new ClearStack(12);
    const boxes: NodeBox[] = Array.from({ length: 20_000 }, (_, i) => ({ x: 100 + (i % 3), y: 50, width: 120, height: 60 }));
    for (const b of boxes) stack.place(b);
    const sorted = [...boxes].sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + 60);
  });

  it('steps a shape down past the first it covers, as before, while few are in the way', () => {
    const stack = new ClearStack(12);
    const a = { x: 0, y: 0, width: 100, height: 50 };
    const b = { x: 50, y: 100, width: 100, height: 50 };
    const c = { x: 20, y: 20, width: 100, height: 50 };
    for (const box of [a, b, c]) stack.place(box);
    // c covers a: moved to a's bottom + gap (62), where it covers b: moved to b's bottom + gap.
    expect(c.y).toBe(162);
  });
});
