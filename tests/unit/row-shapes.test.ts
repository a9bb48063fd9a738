import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { generateMap } from '../../src/core/layout/generate';
import { quickLayout } from '../../src/core/layout/quickLayout';
import { fastFirst, fullCheckNeeded } from '../../src/core/schema/rowValidator';
import { revisionOf } from '../../src/core/schema/revisionRecords';
import { wellFormedRow } from '../../src/core/schema/rowShapes';
import { fullRows, type StoredTable } from '../../src/core/schema/storedRows';
import { indexRow, orderRow } from '../../src/persistence/writes';

// The fast check (rowShapes.ts) lets a page load skip zod when every stored row is whole. It
// must never pass a row zod would refuse or change: whatever it accepts, zod accepts and hands
// back equal. Checked on the rows the app writes and on thousands of damaged copies of them.

const ws = demoWorkspace('2026-10-01T09:00:00.000Z');
const map = ws.maps[0]!;
const big = { ...quickLayout(generateMap({ nodes: 150, lanes: 6, seed: 7, id: 'g150' })), id: 'g150', name: 'Generated' };
const { row: revision, body: revisionBody } = revisionOf(map, 1_700_000_000_000, 'rev-1');

/** Rows as the app stores them, one or more per table. */
const STORED: [StoredTable, unknown][] = [
  ['meta', { key: 'workspace', ...ws.meta, organisation: 'Uni', status: 'draft', recommendations: { silo: 'Merge' }, requirements: [{ id: 'r1', text: 'One record', priority: 'essential', findingIds: ['f1'] }] }],
  ['meta', orderRow(ws)],
  ['meta', { key: 'schema', version: 3 }],
  ['meta', { key: 'emptied', at: 1_700_000_000_000 }],
  ['meta', { key: 'comments', anything: [1, 2] }],
  ...ws.departments.map((d): [StoredTable, unknown] => ['departments', d]),
  ...ws.systems.map((s): [StoredTable, unknown] => ['systems', s]),
  ...ws.dataStores.map((d): [StoredTable, unknown] => ['dataStores', d]),
  ...ws.maps.map((m): [StoredTable, unknown] => ['maps', m]),
  ['maps', big],
  ['maps', { ...map, review: { state: 'agreed', by: 'Ana Silva', at: '2026-12-06T18:00:00.000Z' } }],
  ['maps', { ...map, review: { state: 'review' } }],
  ['maps', { ...map, nodes: map.nodes.map((n, i) => (i === 1 ? { ...n, commentsResolved: true } : n)), comments: [{ id: 'c1', nodeId: map.nodes[1]!.id, author: 'Ana', text: 'Who checks?', at: '2026-12-06T10:00:00.000Z' }] }],
  ['maps', { ...map, casesPerYear: 1200, extra: { bpmnId: 'x' }, nodes: map.nodes.map((n, i) => (i === 0 ? { ...n, notes: 'n', minutesPerCase: 5, manual: true, newField: 1 } : n)) }],
  ...ws.maps.map((m): [StoredTable, unknown] => ['mapIndex', indexRow(m)]),
  ['revisions', revision],
  ['revisionMaps', revisionBody],
  ['trash', { id: map.id, deletedAt: 1_700_000_000_000, map }],
];

const catalogue = { departmentIds: ws.departments.map((d) => d.id), systemIds: ws.systems.map((s) => s.id), dataStoreIds: ws.dataStores.map((d) => d.id) };
const zod = (table: StoredTable, raw: unknown) => fullRows.validateRow(table, raw, catalogue);
/** The fast check alone: it throws on a row it would hand to zod. */
const fast = fastFirst(null);

describe('the fast row check', () => {
  it.each(STORED.map(([t, r], i) => [`${t} #${i}`, t, r] as const))('passes the stored row %s, which zod passes unchanged', (_label, table, raw) => {
    expect(wellFormedRow(table, raw)).toBe(true);
    const v = zod(table, raw);
    expect(fast.validateRow(table, raw, catalogue)).toStrictEqual(v);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.value).toStrictEqual(raw);
  });

  it('a freshly written demo workspace needs no zod at load', () => {
    const tables = { meta: [{ key: 'workspace', ...ws.meta }, orderRow(ws), { key: 'schema', version: 3 }], departments: ws.departments, systems: ws.systems, dataStores: ws.dataStores, maps: ws.maps, mapIndex: ws.maps.map(indexRow) };
    expect(fullCheckNeeded(tables)).toBe(false);
    expect(fullCheckNeeded({ ...tables, departments: [...ws.departments, { id: 'd-x', name: 42 }] })).toBe(true);
  });

  it('leaves to zod a row zod would fill in or trim: a missing default, a key of a strict object', () => {
    const system = ws.systems[0]!;
    const { integratesWith: _i, ...noList } = system;
    expect(wellFormedRow('systems', noList)).toBe(false);
    expect(zod('systems', noList)).toMatchObject({ ok: true, value: { integratesWith: [] } });
    const trimmed = { ...map, view: { ...map.view, zoom: 2 } };
    expect(wellFormedRow('maps', trimmed)).toBe(false);
    expect(zod('maps', trimmed)).toMatchObject({ ok: true });
  });

  it('never passes a damaged copy that zod refuses or changes (5,000 random damages)', () => {
    let seed = 19;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const ODD: unknown[] = [undefined, null, '', 'x', 'hologram', -1, 0, 1.5, 3, NaN, Infinity, -Infinity, 2 ** 60, true, [], [1, 2], [1, 2, 3], {}, { a: 1 }, [['x', 1]], new Date(0)];
    let passed = 0;
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const [table, original] = pick(STORED);
      const raw = structuredClone(original) as Record<string, unknown>;
      // Walk to a random object or array inside the row and damage one of its entries.
      let at: Record<string, unknown> = raw;
      for (let depth = 0; depth < 4 && random() < 0.7; depth++) {
        const inner = Object.values(at).filter((v) => typeof v === 'object' && v !== null) as Record<string, unknown>[];
        if (inner.length === 0) break;
        at = pick(inner);
      }
      const keys = Object.keys(at);
      const key = random() < 0.15 || keys.length === 0 ? `extra${i % 3}` : pick(keys);
      if (random() < 0.15) delete at[key];
      else at[key] = structuredClone(pick(ODD));
      if (!wellFormedRow(table, raw)) {
        refused++;
        continue;
      }
      passed++;
      // Shape whole: the same answer as zod, references (a map's, a trashed map's id) included.
      const v = zod(table, raw);
      expect(fast.validateRow(table, raw, catalogue), `${table}: ${JSON.stringify(raw).slice(0, 300)}`).toStrictEqual(v);
      if (v.ok) expect(v.value).toStrictEqual(raw);
    }
    // Both answers occur: the damages reach the fields the check looks at, and leave some rows whole.
    expect(passed).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});
