import { describe, expect, it } from 'vitest';
import { restoreDamagedRecord } from '../../src/core/commands/restoreRecord';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { STORAGE_VERSION } from '../../src/core/schema/migrations';
import { planRestore } from '../../src/core/schema/restoreDamaged';
import { DAMAGED_NAME } from '../../src/core/schema/storedWorkspace';
import { defaultRetryDelay } from '../../src/persistence/repository';

// "Try to restore" a row set aside as damaged: checked again as this version reads it, then
// back into the document by an undoable command, or refused with the reason.

const map = (id: string, departmentId: string | null): ProcessMap => ({
  id,
  name: `Map ${id}`,
  departmentId,
  lanes: [{ id: 'l1', name: 'Officer' }],
  nodes: [{ id: 'n1', kind: 'step', laneId: 'l1', label: 'Log' }],
  flows: [],
  view: { nodes: {}, laneHeights: {}, flowPoints: {} },
  updatedAt: '2026-10-01T09:00:00.000Z',
});

const ws = (): Workspace => ({
  meta: { id: 'ws-1', name: 'Workspace' },
  departments: [{ id: 'd1', name: DAMAGED_NAME }, { id: 'd2', name: 'Finance' }],
  systems: [],
  dataStores: [],
  maps: [map('m1', 'd1')],
});
const ctx = { now: () => '2026-12-05T10:00:00.000Z' };

describe('planRestore', () => {
  it('a department that reads whole now replaces its stand-in, by the undoable command', () => {
    const plan = planRestore({ table: 'departments', id: 'd1', row: { id: 'd1', name: 'Admissions' }, version: STORAGE_VERSION }, ws());
    expect(plan).toEqual({ ok: true, into: 'document', change: { table: 'departments', record: { id: 'd1', name: 'Admissions' } } });
    if (!plan.ok || plan.into !== 'document') return;
    const next = restoreDamagedRecord.run(ws(), plan.change, ctx);
    expect(next.departments).toEqual([{ id: 'd1', name: 'Admissions' }, { id: 'd2', name: 'Finance' }]);
    expect(restoreDamagedRecord.scope(plan.change)).toEqual({ kind: 'workspace' });
  });

  it('a row still damaged is refused with what is wrong', () => {
    expect(planRestore({ table: 'departments', id: 'd1', row: { id: 'd1', name: 42 }, version: 2 }, ws())).toEqual({ ok: false, reason: 'Still damaged: “name” must be text, found 42.' });
  });

  it('a row set aside by a newer version is refused until Lanemap is updated', () => {
    const plan = planRestore({ table: 'departments', id: 'd1', row: { id: 'd1', name: 'Admissions' }, version: STORAGE_VERSION + 1 }, ws());
    expect(plan).toEqual({ ok: false, reason: expect.stringContaining('newer version of Lanemap') });
  });

  it('a map comes back when what it points at is there, and is refused with the reason when not', () => {
    expect(planRestore({ table: 'maps', id: 'm2', row: map('m2', 'd2') }, ws())).toMatchObject({ ok: true, into: 'document', change: { table: 'maps' } });
    expect(planRestore({ table: 'maps', id: 'm3', row: map('m3', 'd-gone') }, ws())).toEqual({ ok: false, reason: 'Still damaged: “departmentId” no department with id "d-gone".' });
    expect(planRestore({ table: 'maps', id: 'm1', row: map('m1', 'd2') }, ws())).toEqual({ ok: false, reason: 'A map with the id “m1” is already in the workspace.' });
  });

  it('the workspace row comes back into the document; history and trash rows into their own tables', () => {
    expect(planRestore({ table: 'meta', id: 'workspace', row: { key: 'workspace', id: 'ws-1', name: 'CRM as-is' } }, ws())).toEqual({
      ok: true,
      into: 'document',
      change: { table: 'meta', record: { id: 'ws-1', name: 'CRM as-is' } },
    });
    const revision = { id: 'r1', mapId: 'm1', at: 5, size: 1, summary: { name: 'x', lanes: 1, nodes: 1, flows: 0, hash: 'a', textHash: 'b' } };
    expect(planRestore({ table: 'revisions', id: 'r1', row: revision }, ws())).toEqual({ ok: true, into: 'table', table: 'revisions', row: revision });
    expect(planRestore({ table: 'comments', id: 'c1', row: {} }, ws())).toEqual({ ok: false, reason: 'Lanemap does not keep records in “comments”.' });
  });

  it('the command refuses a map whose id is taken, and appends a catalogue record that has no stand-in', () => {
    expect(() => restoreDamagedRecord.run(ws(), { table: 'maps', record: map('m1', null) }, ctx)).toThrow('already in the workspace');
    expect(restoreDamagedRecord.run(ws(), { table: 'systems', record: { id: 's1', name: 'CRM', kind: 'application', integratesWith: [] } as never }, ctx).systems).toHaveLength(1);
  });
});

describe('saving after storage is lost: retries', () => {
  it('come sooner first, then every 10 s at most, and never stop', () => {
    expect([1, 2, 3, 4, 5, 6].map(defaultRetryDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(defaultRetryDelay(10_000)).toBe(10_000);
  });
});
