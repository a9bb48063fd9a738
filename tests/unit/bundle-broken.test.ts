import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../src/core/model/types';
import { parseBundle, parseBundleText, type BundleIssue, type ParseResult } from '../../src/core/schema/bundle';
import { MAX_DEPTH, MAX_ID_LENGTH, MAX_NOTES_LENGTH, MAX_TEXT_LENGTH } from '../../src/core/schema/limits';
import { MapPreview } from '../../src/ui/history/MapPreview';

// A corpus of broken workspace files, made here from one good file: cut short, wrong types
// everywhere, huge strings, versions we do not know, HTML where text goes. Every one is
// refused as a whole with the place and the reason, or (HTML) read as plain text.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function goodBundle(): Json {
  return {
    format: 'lanemap.workspace',
    schemaVersion: 1,
    exportedAt: '2026-11-22T10:00:00Z',
    workspace: { id: 'ws-1', name: 'Test' },
    departments: [{ id: 'd-adm', name: 'Admissions' }],
    systems: [{ id: 's-sits', name: 'SITS', kind: 'application', integratesWith: [], ownerDepartmentId: 'd-adm' }],
    dataStores: [{ id: 'ds-enq', name: 'Enquiries', kind: 'spreadsheet', systemId: 's-sits', customerFields: ['Name'] }],
    maps: [
      {
        id: 'm-1',
        name: 'Enquiry',
        departmentId: 'd-adm',
        updatedAt: '2026-11-21T09:00:00Z',
        lanes: [{ id: 'l-1', name: 'Officer', departmentId: 'd-adm', y: 0, height: 200 }],
        nodes: [
          { id: 'n1', kind: 'start', laneId: 'l-1', label: 'Start', x: 200, y: 60, width: 48, height: 48 },
          { id: 'n2', kind: 'step', laneId: 'l-1', label: 'Log', manual: true, notes: 'By hand', x: 320, y: 50 },
          { id: 'n3', kind: 'dataStore', laneId: 'l-1', label: 'Sheet', refId: 'ds-enq' },
        ],
        flows: [
          { id: 'f1', kind: 'sequence', from: 'n1', to: 'n2', label: 'then', points: [[248, 84], [320, 84]] },
          { id: 'f2', kind: 'data', from: 'n2', to: 'n3', access: 'write' },
        ],
      },
    ],
  };
}

function errorsOf(r: ParseResult): BundleIssue[] {
  if (r.ok) throw new Error('expected the file to be refused, but it was read');
  return r.errors;
}

/** Every value in a JSON tree with its path, as the parser writes paths: maps[0].nodes[1].label. */
function* walk(v: Json, path: (string | number)[] = []): Generator<[(string | number)[], Json]> {
  yield [path, v];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* walk(v[i], [...path, i]);
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) yield* walk(v[k], [...path, k]);
}
const fmt = (path: (string | number)[]) => path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(root)';
function setAt(root: Json, path: (string | number)[], value: Json): Json {
  const copy = structuredClone(root);
  let o = copy;
  for (const p of path.slice(0, -1)) o = o[p];
  o[path[path.length - 1]!] = value;
  return copy;
}

/** A value of another JSON type than `v`'s. */
function wrongTypeFor(v: Json): Json {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return 'yes';
  if (v === null) return 42;
  if (Array.isArray(v)) return { length: 0 };
  return 'an object was expected';
}

describe('broken files: cut short', () => {
  const text = JSON.stringify(goodBundle(), null, 2);

  it('the uncut file is read', () => {
    expect(parseBundleText(text).ok).toBe(true);
  });

  it('cut anywhere, the file is refused as incomplete, never half read', () => {
    let cuts = 0;
    for (let at = 1; at < text.trimEnd().length; at += 7) {
      const errors = errorsOf(parseBundleText(text.slice(0, at)));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.path).toBe('(root)');
      expect(errors[0]!.message).toMatch(/^The file is not valid JSON/);
      cuts++;
    }
    expect(cuts).toBeGreaterThan(100);
  });

  it('says that a file which stops early was cut off', () => {
    const errors = errorsOf(parseBundleText(text.slice(0, Math.floor(text.length / 2))));
    expect(errors[0]!.message).toContain('ends before the JSON is complete');
  });
});

describe('broken files: wrong types', () => {
  const good = goodBundle();
  const cases = [...walk(good)].filter(([path]) => path.length > 0);

  it(`refuses a wrong type at each of the ${cases.length} places in the file, naming the place`, () => {
    const missed: string[] = [];
    for (const [path, value] of cases) {
      const r = parseBundle(setAt(good, path, wrongTypeFor(value)));
      if (r.ok || !r.errors.some((e) => e.path === fmt(path))) missed.push(`${fmt(path)} → ${r.ok ? 'read' : r.errors.map((e) => e.path).join(', ')}`);
    }
    expect(missed).toEqual([]);
  });

  it('says what was expected and what was found', () => {
    const errors = errorsOf(parseBundle(setAt(good, ['maps', 0, 'nodes', 1, 'label'], 42)));
    expect(errors).toEqual([{ path: 'maps[0].nodes[1].label', message: 'must be text, found 42' }]);
    expect(errorsOf(parseBundle(setAt(good, ['maps', 0, 'nodes', 0, 'x'], '200')))).toEqual([{ path: 'maps[0].nodes[0].x', message: 'must be a number, found the text "200"' }]);
  });

  it('refuses numbers JSON can only write as infinity', () => {
    const errors = errorsOf(parseBundleText(JSON.stringify(good).replace('"x":200', '"x":1e999')));
    expect(errors).toEqual([{ path: 'maps[0].nodes[0].x', message: expect.stringMatching(/Infinity/) }]);
  });

  it('is all or nothing: one bad map among good ones refuses the file', () => {
    const many = structuredClone(good);
    for (let i = 2; i <= 20; i++) many.maps.push({ ...structuredClone(good.maps[0]), id: `m-${i}` });
    many.maps[13].flows[1].to = 'n-gone';
    const errors = errorsOf(parseBundle(many));
    expect(errors).toEqual([{ path: 'maps[13].flows[1].to', message: 'no node in this map with id "n-gone"' }]);
  });
});

describe('broken files: huge strings and deep nesting', () => {
  const good = goodBundle();
  const huge = (n: number) => 'x'.repeat(n);

  it.each([
    [['maps', 0, 'nodes', 1, 'label'], MAX_TEXT_LENGTH],
    [['maps', 0, 'name'], MAX_TEXT_LENGTH],
    [['systems', 0, 'name'], MAX_TEXT_LENGTH],
    [['dataStores', 0, 'customerFields', 0], MAX_TEXT_LENGTH],
    [['maps', 0, 'flows', 0, 'label'], MAX_TEXT_LENGTH],
    [['maps', 0, 'nodes', 1, 'notes'], MAX_NOTES_LENGTH],
    [['maps', 0, 'lanes', 0, 'name'], MAX_TEXT_LENGTH],
  ] as const)('refuses a text at %j longer than %i characters, and says how long it is', (path, max) => {
    expect(parseBundle(setAt(good, [...path], huge(max))).ok).toBe(true);
    const errors = errorsOf(parseBundle(setAt(good, [...path], huge(max + 1))));
    expect(errors).toEqual([{ path: fmt([...path]), message: `is too long: ${(max + 1).toLocaleString('en')} characters, at most ${max.toLocaleString('en')}` }]);
  });

  it('refuses a 5 MB label quickly, with a short message', () => {
    const errors = errorsOf(parseBundle(setAt(good, ['maps', 0, 'nodes', 0, 'label'], huge(5_000_000))));
    expect(errors[0]!.message.length).toBeLessThan(100);
  });

  it('refuses ids longer than the limit', () => {
    const errors = errorsOf(parseBundle(setAt(good, ['departments', 0, 'id'], huge(MAX_ID_LENGTH + 1))));
    expect(errors.map((e) => e.path)).toContain('departments[0].id');
  });

  it('refuses data nested too deeply to be saved, naming where', () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const text = JSON.stringify({ ...good, maps: [{ ...good.maps[0], drawing: 'DEEP' }] }).replace('"DEEP"', deep);
    const errors = errorsOf(parseBundleText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toMatch(/^maps\[0\]\.drawing(\[0\])+$/);
    expect(errors[0]!.message).toBe(`is nested more than ${MAX_DEPTH} levels deep`);
    // Nesting a tool might really write is kept.
    let fine: Json = 1;
    for (let i = 0; i < 20; i++) fine = { inner: fine };
    expect(parseBundle({ ...good, maps: [{ ...good.maps[0], drawing: fine }] }).ok).toBe(true);
  });
});

describe('broken files: versions', () => {
  const good = goodBundle();

  it.each([
    [2, /newer version of Lanemap \(schema 2\)/],
    [99, /newer version of Lanemap \(schema 99\)/],
    [0, /must be 1 or more/],
    [-1, /must be 1 or more/],
    [1.5, /must be a whole number, found 1.5/],
    ['1', /must be a whole number, found the text "1"/],
    [null, /must be a whole number, found null/],
  ])('schemaVersion %j is refused: %s', (v, message) => {
    expect(errorsOf(parseBundle({ ...good, schemaVersion: v }))).toEqual([{ path: 'schemaVersion', message: expect.stringMatching(message) }]);
  });

  it('a file of another format, or none, is refused before anything else is read', () => {
    for (const format of ['lanemap.workspace.v2', 'drawio', undefined, 7]) {
      const errors = errorsOf(parseBundle({ ...good, format, maps: 'not even a list' }));
      expect(errors).toEqual([{ path: 'format', message: expect.stringContaining('This is not a Lanemap workspace file') }]);
    }
  });
});

describe('broken files: HTML in labels', () => {
  const payloads = ['<img src=x onerror="alert(1)">', '<script>alert(1)</script>', '</text><script>alert(2)</script>', '&lt;b&gt; &amp; <b>bold</b>', '"><svg onload=alert(3)>'];

  it('is read as the text it is, character for character', () => {
    const b = goodBundle();
    b.workspace.name = payloads[0];
    b.maps[0].name = payloads[1];
    b.maps[0].lanes[0].name = payloads[2];
    b.maps[0].nodes.forEach((n: Json, i: number) => (n.label = payloads[i % payloads.length]));
    b.maps[0].flows[0].label = payloads[4];
    const r = parseBundle(b);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const map = r.workspace.maps[0]!;
    expect(r.workspace.meta.name).toBe(payloads[0]);
    expect(map.name).toBe(payloads[1]);
    expect(map.lanes[0]!.name).toBe(payloads[2]);
    expect(map.nodes.map((n) => n.label)).toEqual([payloads[0], payloads[1], payloads[2]]);
    expect(map.flows[0]!.label).toBe(payloads[4]);
  });

  it('is drawn as text by the version preview: an image, and no element in it comes from a label', () => {
    const r = parseBundle(goodBundle());
    if (!r.ok) throw new Error('unreadable');
    const map: ProcessMap = { ...r.workspace.maps[0]!, nodes: r.workspace.maps[0]!.nodes.map((n, i) => ({ ...n, label: payloads[i]! })) };
    map.lanes = [{ ...map.lanes[0]!, name: payloads[3]! }];
    const html = renderToStaticMarkup(createElement(MapPreview, { map, departments: [], label: payloads[4]! }));
    // One element, an image: the label goes in its alt text, escaped.
    expect(html).toMatch(/^<img class="map-preview" src="data:image\/svg\+xml;charset=utf-8,[^"]+" alt="&quot;&gt;&lt;svg onload=alert\(3\)&gt;"\/>$/);
    const svg = decodeURIComponent(/src="data:image\/svg\+xml;charset=utf-8,([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
    expect(svg).not.toMatch(/<(img|script|b)[\s>]/);
    expect(svg).toContain('&lt;script&gt;');
  });

  it('no source file puts HTML into the page', () => {
    const files: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) visit(p);
        else if (/\.(ts|tsx)$/.test(name)) files.push(p);
      }
    };
    visit(new URL('../../src', import.meta.url).pathname);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
