import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  importGraph,
  keyListeners,
  packageImports,
  readSources,
  roomSizes,
  type SourceFiles,
  windowGlobals,
} from './support/sourceTree';

// The house rules that a reader of one file cannot see: no import cycles, rooms of a readable
// size, no side doors on window, one keyboard listener, and a package list that says what
// the app really needs at run time. Each detector is first shown to catch what it looks for.

const ROOT = join(__dirname, '..', '..');
const sources = readSources(ROOT);
const MAX_ROOM_LINES = 2500;

/**
 * Which rooms each room may import (docs/ARCHITECTURE.md says why). A room of src/core is
 * `core/<folder>`, or `core/<file>` for a file directly in src/core; the other layers count as
 * one room each. A room not listed here fails: add it, and its paragraph, deliberately.
 */
const MAY_IMPORT: Record<string, string[]> = {
  'core/model': [],
  'core/text': [],
  'core/schema': ['core/model'],
  'core/catalogue': ['core/model'],
  'core/commands': ['core/model', 'core/catalogue', 'core/drawing'],
  'core/analysis': ['core/model'],
  'core/compare': ['core/model', 'core/analysis', 'core/catalogue'],
  'core/drawing': ['core/model'],
  'core/layout': ['core/model', 'core/drawing'],
  'core/picture': ['core/model', 'core/drawing', 'core/layout', 'core/analysis', 'core/text'],
  'core/report': ['core/model', 'core/analysis', 'core/catalogue', 'core/layout', 'core/drawing', 'core/picture', 'core/text'],
  'core/formats': ['core/model', 'core/text'],
  'core/bpmn': ['core/model', 'core/formats', 'core/layout', 'core/text'],
  'core/diagrams': ['core/model', 'core/formats'],
  'core/importing': ['core/model', 'core/schema', 'core/formats', 'core/bpmn', 'core/diagrams'],
  'core/demo': ['core/model', 'core/layout'],
  'core/steplist': ['core/model', 'core/catalogue', 'core/commands', 'core/layout'],
  'core/sync': ['core/model', 'core/schema', 'core/commands'],
  workers: ['core'],
  persistence: ['core'],
  state: ['core', 'workers', 'persistence'],
  live: ['core', 'persistence', 'state'],
  ui: ['core', 'workers', 'persistence', 'state', 'live'],
  pwa: ['persistence', 'state', 'ui'],
  cli: ['core'],
  server: ['core'],
  bootstrap: ['core', 'workers', 'persistence', 'state', 'live'],
  main: ['bootstrap', 'pwa', 'ui'],
};

/** The room of a file under src, as MAY_IMPORT names them. */
function roomOf(file: string): string {
  const parts = file.replace(/\.tsx?$/, '').split('/');
  return parts[1] === 'core' ? `core/${parts[2]}` : parts[1]!;
}

const allowed = (from: string, to: string): boolean =>
  from === to || (MAY_IMPORT[from] ?? []).some((r) => r === to || (r === 'core' && to.startsWith('core/')));

const files = (entries: Record<string, string>): SourceFiles => new Map(Object.entries(entries));

describe('the detectors', () => {
  it('find a loop of imports, type-only and dynamic ones included, and nothing in a chain', () => {
    const loop = files({
      'src/a/x.ts': "import { y } from './y';",
      'src/a/y.ts': "import type { Z } from '../b/z';",
      'src/b/z.ts': "export const z = () => import('../a/x');",
      'src/b/w.ts': "import { z } from './z';",
    });
    expect(importCycles(importGraph(loop))).toEqual([['src/a/x.ts', 'src/a/y.ts', 'src/b/z.ts']]);
    const chain = files({ 'src/a/x.ts': "import { y } from './y';", 'src/a/y.ts': "export { z } from '../b';", 'src/b/index.ts': 'export const z = 1;' });
    expect(importCycles(importGraph(chain))).toEqual([]);
  });

  it('count a package file resolved at run time as a package the code needs', () => {
    expect(packageImports("const dir = dirname(createRequire(import.meta.url).resolve('some-fonts/ttf/A.ttf'));")).toEqual(['some-fonts']);
    expect(packageImports("path.resolve('./local/file')")).toEqual([]);
  });

  it('count a room with everything under it', () => {
    const sizes = roomSizes(files({ 'src/core/a/x.ts': '1\n2\n3', 'src/core/a/deep/y.ts': '1\n2', 'src/ui/b.tsx': '1' }));
    expect(Object.fromEntries(sizes)).toEqual({ 'src/core/a': 5, 'src/ui/b.tsx': 1 });
  });

  it('see things hung on window, and not reads of it', () => {
    expect(windowGlobals("(window as unknown as { __x?: number }).__x = 1;")).toHaveLength(1);
    expect(windowGlobals('globalThis.__hook = hook;')).toHaveLength(1);
    expect(windowGlobals("Object.assign(window, { __a: 1 });")).toHaveLength(1);
    expect(windowGlobals("window['lanemap'] = {};")).toHaveLength(1);
    expect(windowGlobals('if (window.__x === 1) window.location.reload();')).toEqual([]);
  });

  it('count key listeners on any target', () => {
    expect(keyListeners("window.addEventListener('keydown', f); document.addEventListener(\"keyup\", g); el.addEventListener('click', h);")).toBe(2);
  });
});

describe('src', () => {
  it('has no import cycle', () => {
    expect(importCycles(importGraph(sources))).toEqual([]);
  });

  it('imports across rooms only downwards, as docs/ARCHITECTURE.md lists', () => {
    const rooms = new Set([...sources.keys()].map(roomOf));
    expect([...rooms].filter((r) => !(r in MAY_IMPORT)), 'rooms missing from the table').toEqual([]);
    const wrong = new Set<string>();
    for (const [file, deps] of importGraph(sources)) {
      for (const dep of deps) if (!allowed(roomOf(file), roomOf(dep))) wrong.add(`${roomOf(file)} -> ${roomOf(dep)} (${file} imports ${dep})`);
    }
    expect([...wrong]).toEqual([]);
  });

  it(`has no room (src/<layer>/<room>) over ${MAX_ROOM_LINES} lines`, () => {
    const big = [...roomSizes(sources)].filter(([, n]) => n > MAX_ROOM_LINES).map(([room, n]) => `${room}: ${n} lines`);
    expect(big).toEqual([]);
  });

  it('hangs nothing on window: test and benchmark hooks are in tests/, loaded by e2e builds only', () => {
    const found = [...sources].flatMap(([file, text]) => windowGlobals(text).map((g) => `${file}: ${g}`));
    expect(found).toEqual([]);
  });

  it('has one keyboard listener for the whole app', () => {
    const counts = [...sources].map(([file, text]) => [file, keyListeners(text)] as const).filter(([, n]) => n > 0);
    expect(counts.reduce((sum, [, n]) => sum + n, 0), counts.map(([f, n]) => `${f}: ${n}`).join(', ')).toBeLessThanOrEqual(1);
  });

  it('gives no two files one name, so a name says which file it is (index.ts and types.ts aside)', () => {
    const byName = new Map<string, string[]>();
    for (const file of sources.keys()) {
      const name = basename(file);
      if (name === 'index.ts' || name === 'types.ts') continue;
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    expect([...byName.values()].filter((list) => list.length > 1)).toEqual([]);
  });

  it('lists in dependencies exactly the packages it imports at run time', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set([...sources.values()].flatMap(packageImports));
    // Types only come from packages at build time; type-only imports of a package do not need it at run time.
    const runtime = new Set([...sources.values()].flatMap((text) => packageImports(text.replace(/^\s*import\s+type\b.*$/gm, ''))));
    const declared = new Set(Object.keys(pkg.dependencies));
    expect([...runtime].filter((p) => !declared.has(p)).sort(), 'imported by src but not in dependencies').toEqual([]);
    expect([...declared].filter((p) => !imported.has(p)).sort(), 'in dependencies but not imported by src').toEqual([]);
  });
});
