import { describe, expect, it } from 'vitest';
import { analyzeWorkspace, costWords, type Finding, rankByCost } from '../../src/core/analysis';
import { CommandError, setMapVolume, updateNode } from '../../src/core/commands';
import type { DataStore, MapNode, ProcessMap, Workspace } from '../../src/core/model/types';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';
import { expectNoOp, expectUndoable, getMap, getNode, runCmd, workspace as fixture } from './fixtures/maps';

// The yearly cost of findings from the steps' measures: minutes per case x cases a year (the
// step's, else its map's), hours = minutes / 60. Missing measures are named, never guessed.

const store = (id: string, name: string, fields: string[], systemId: string | null = null): DataStore =>
  ({ id, name, kind: 'spreadsheet', systemId, customerFields: fields });

/** Admissions: a mailbox read and a sheet written by hand (re-keying); Registry writes a copy of the sheet. */
function workspace(measures: { log?: Partial<MapNode>; reg?: Partial<MapNode>; mapCases?: number } = {}): Workspace {
  const node = (id: string, kind: MapNode['kind'], laneId: string, label: string, extra: Partial<MapNode> = {}): MapNode => ({ id, kind, laneId, label, ...extra });
  const map: ProcessMap = {
    id: 'm1', name: 'Admissions map', departmentId: 'adm',
    lanes: [{ id: 'l1', name: 'Officer' }, { id: 'l2', name: 'Registry clerk', departmentId: 'reg' }],
    nodes: [
      node('s', 'start', 'l1', 'Enquiry'),
      node('log', 'step', 'l1', 'Log enquiry', { manual: true, ...measures.log }),
      node('reg', 'step', 'l2', 'Register applicant', measures.reg),
      node('e', 'end', 'l2', 'Done'),
      node('mbx', 'dataStore', 'l1', 'Mailbox', { refId: 'mbx' }),
      node('sheet', 'dataStore', 'l1', 'Sheet', { refId: 'sheet' }),
      node('copy', 'dataStore', 'l2', 'Copy', { refId: 'copy' }),
    ],
    flows: [
      { id: 'f1', kind: 'sequence', from: 's', to: 'log' },
      { id: 'f2', kind: 'sequence', from: 'log', to: 'reg' },
      { id: 'f3', kind: 'sequence', from: 'reg', to: 'e' },
      { id: 'd1', kind: 'data', from: 'mbx', to: 'log' },
      { id: 'd2', kind: 'data', from: 'log', to: 'sheet' },
      { id: 'd3', kind: 'data', from: 'reg', to: 'copy' },
    ],
    view: { nodes: {}, laneHeights: {}, flowPoints: {} },
    updatedAt: '2026-01-01T00:00:00Z',
    ...(measures.mapCases !== undefined ? { casesPerYear: measures.mapCases } : {}),
  };
  return {
    meta: { id: 'ws', name: 'Costs' },
    departments: [{ id: 'adm', name: 'Admissions' }, { id: 'reg', name: 'Registry' }],
    systems: [],
    dataStores: [
      store('mbx', 'Mailbox', ['Name', 'Email']),
      store('sheet', 'Sheet', ['Name', 'Email', 'Course of interest']),
      store('copy', 'Copy', ['Full name', 'E-mail', 'Course of interest']),
    ],
    maps: [map],
  };
}

const find = (fs: Finding[], kind: Finding['kind']) => fs.find((f) => f.kind === kind)!;

describe('yearly cost of findings', () => {
  it('names the missing measures and gives no hours while any is missing', () => {
    const fs = analyzeWorkspace(workspace());
    expect(find(fs, 'manual-rekeying').cost).toEqual({
      hoursPerYear: null,
      basis: 're-keying every case; measures missing',
      missing: ['minutes per case and cases a year at “Log enquiry” on “Admissions map”'],
    });
    expect(costWords(find(fs, 'manual-rekeying').cost)).toBe('Cost not known: missing minutes per case and cases a year at “Log enquiry” on “Admissions map”');
    // Minutes without a volume are still not a cost.
    expect(find(analyzeWorkspace(workspace({ log: { minutesPerCase: 6 } })), 'manual-rekeying').cost!.missing).toEqual(['cases a year at “Log enquiry” on “Admissions map”']);
  });

  it('re-keying: minutes x cases, the step’s cases before the map’s', () => {
    const mapVolume = find(analyzeWorkspace(workspace({ log: { minutesPerCase: 6 }, mapCases: 1800 })), 'manual-rekeying');
    expect(mapVolume.cost).toEqual({ hoursPerYear: 180, basis: 're-keying every case: 6 min × 1,800 cases at “Log enquiry”', missing: [] });
    expect(costWords(mapVolume.cost)).toBe('180 hours a year');
    const own = find(analyzeWorkspace(workspace({ log: { minutesPerCase: 6, casesPerYear: 500 }, mapCases: 1800 })), 'manual-rekeying');
    expect(own.cost!.hoursPerYear).toBe(50);
  });

  it('duplicates: the writes to the copies beside the store kept; silos: the look-ups', () => {
    const fs = analyzeWorkspace(workspace({ log: { minutesPerCase: 6 }, reg: { minutesPerCase: 3 }, mapCases: 1200 }));
    const dup = find(fs, 'duplicate-data');
    expect(dup.subjects).toEqual(['sheet', 'copy']);
    // One step writes each store: the sheet (first) is kept, Registry's copy is the cost.
    expect(dup.cost).toEqual({ hoursPerYear: 60, basis: 'writing the copies beside Sheet: 3 min × 1,200 cases at “Register applicant”', missing: [] });
    // The mailbox is Admissions' alone and read at "Log enquiry".
    const silo = fs.find((f) => f.id === 'silo-system:mbx')!;
    expect(silo.cost).toEqual({ hoursPerYear: 120, basis: 'looking customers up in Mailbox: 6 min × 1,200 cases at “Log enquiry”', missing: [] });
    // A silo nobody reads has no look-ups to count: no cost rather than a guess.
    expect(fs.find((f) => f.id === 'silo-system:copy')!.cost).toBeUndefined();
    // Lint findings cost nothing the maps can measure.
    for (const f of fs.filter((x) => !['silo-system', 'duplicate-data', 'manual-rekeying'].includes(x.kind))) expect(f.cost).toBeUndefined();
  });

  it('ranks dearest first, then findings with measures missing, then the rest, each in the analysis order', () => {
    const c = (h: number | null) => ({ hoursPerYear: h, basis: '', missing: h === null ? ['x'] : [] });
    const fs = [{ id: 'a' }, { id: 'b', cost: c(null) }, { id: 'c', cost: c(10) }, { id: 'd', cost: c(300) }, { id: 'e', cost: c(10) }];
    expect(rankByCost(fs).map((f) => f.id)).toEqual(['d', 'c', 'e', 'b', 'a']);
  });
});

describe('measures in the model', () => {
  it('a step takes minutes per case and cases a year, undoably; clearing removes the field; bad numbers are refused', () => {
    const ws = fixture();
    const next = expectUndoable(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { minutesPerCase: 12.5, casesPerYear: 0 } });
    expect(getNode(getMap(next), 'quote')).toMatchObject({ minutesPerCase: 12.5, casesPerYear: 0 });
    const cleared = runCmd(updateNode, next, { mapId: 'map-a', nodeId: 'quote', patch: { minutesPerCase: undefined } });
    expect('minutesPerCase' in getNode(getMap(cleared), 'quote')).toBe(false);
    expectNoOp(updateNode, next, { mapId: 'map-a', nodeId: 'quote', patch: { casesPerYear: 0 } });
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => runCmd(updateNode, ws, { mapId: 'map-a', nodeId: 'quote', patch: { minutesPerCase: bad } })).toThrow(CommandError);
    }
  });

  it('a map takes a default volume, undoably, and refuses a negative one', () => {
    const ws = fixture();
    const next = expectUndoable(setMapVolume, ws, { mapId: 'map-a', casesPerYear: 2400 });
    expect(getMap(next).casesPerYear).toBe(2400);
    expectNoOp(setMapVolume, next, { mapId: 'map-a', casesPerYear: 2400 });
    expect('casesPerYear' in getMap(runCmd(setMapVolume, next, { mapId: 'map-a', casesPerYear: undefined }))).toBe(false);
    expect(() => runCmd(setMapVolume, ws, { mapId: 'map-a', casesPerYear: -5 })).toThrow('Cases a year must be a number of 0 or more');
  });

  it('keeps the measures through the bundle, and refuses negative ones naming the field', () => {
    const ws = workspace({ log: { minutesPerCase: 6, casesPerYear: 40 }, mapCases: 1800 });
    const text = JSON.stringify(toBundle(ws, '2026-01-01T00:00:00Z'));
    const back = parseBundleText(text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.workspace.maps[0]!.casesPerYear).toBe(1800);
    expect(back.workspace.maps[0]!.extra).toBeUndefined();
    expect(back.workspace.maps[0]!.nodes.find((n) => n.id === 'log')).toMatchObject({ minutesPerCase: 6, casesPerYear: 40 });
    expect(analyzeWorkspace(back.workspace)).toEqual(analyzeWorkspace(ws));
    const bad = JSON.parse(text);
    bad.maps[0].nodes[1].minutesPerCase = -3;
    bad.maps[0].casesPerYear = 'lots';
    const refused = parseBundleText(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => e.path)).toEqual(['maps[0].casesPerYear', 'maps[0].nodes[1].minutesPerCase']);
  });
});
