import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { decodeText, detectFormat, importFile } from '../../src/core/importing/importFile';
import { reconcileImport } from '../../src/core/formats/reconcile';
import { emptyMap, emptyWorkspace } from '../../src/core/model/factory';
import { toBundle } from '../../src/core/schema/bundle';

const bytes = (s: string) => new TextEncoder().encode(s);
const NOW = '2026-11-23T10:00:00Z';

describe('detectFormat', () => {
  it('tells formats by content before extension', () => {
    expect(detectFormat('x.xml', bytes('<?xml version="1.0"?><mxfile host="x"><diagram/></mxfile>'))).toBe('drawio');
    expect(detectFormat('x.xml', bytes('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'))).toBe('bpmn');
    expect(detectFormat('renamed.txt', bytes('\uFEFF  {"format":"lanemap.workspace"}'))).toBe('bundle');
    expect(detectFormat('a.bin', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('vsdx');
    expect(detectFormat('map.bpmn', bytes('garbage'))).toBe('bpmn');
    expect(detectFormat('notes.txt', bytes('hello'))).toBeNull();
  });

  it('reads text in the encoding its XML declaration names', () => {
    const latin1 = new Uint8Array([...bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a n="caf'), 0xe9, ...bytes('"/>')]);
    expect(decodeText(latin1)).toContain('café');
    expect(decodeText(bytes('<?xml version="1.0" encoding="UTF-8"?><a n="café"/>'))).toContain('café');
  });
});

describe('importFile', () => {
  it('reads a workspace bundle', async () => {
    const ws = demoWorkspace(NOW);
    const r = await importFile({ name: 'ws.json', bytes: bytes(JSON.stringify(toBundle(ws, NOW))) }, NOW);
    expect(r.ok && r.format === 'bundle' && r.result.workspace.maps.length).toBe(ws.maps.length);
  });

  it('says which formats it reads when a file is none of them, and refuses huge files', async () => {
    const r = await importFile({ name: 'notes.txt', bytes: bytes('hello') }, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/BPMN.*draw\.io.*Visio/);
    const big = await importFile({ name: 'big.bpmn', bytes: new Uint8Array(21 * 1024 * 1024) }, NOW);
    expect(!big.ok && big.errors[0]!.message).toMatch(/20 MB/);
  });

  it('gives the paths of a broken bundle', async () => {
    const r = await importFile({ name: 'bad.json', bytes: bytes('{"format":"lanemap.workspace","schemaVersion":1,"maps":[{"id":3}]}') }, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.path.startsWith('maps'))).toBe(true);
  });
});

describe('reconcileImport', () => {
  it('joins departments, systems and stores of the same name, and keeps new ones', () => {
    const ws = demoWorkspace(NOW);
    const admissions = ws.departments.find((d) => /admissions/i.test(d.name))!;
    const store = ws.dataStores[0]!;
    const incoming = emptyWorkspace('w2', 'Imported');
    incoming.departments = [{ id: 'x-dep', name: `  ${admissions.name.toUpperCase()} ` }, { id: 'x-new', name: 'Estates' }];
    incoming.dataStores = [{ id: 'x-ds', name: store.name, kind: 'database', systemId: null, customerFields: [] }, { id: 'x-ds2', name: 'Room bookings', kind: 'spreadsheet', systemId: null, customerFields: [] }];
    const map = emptyMap({ id: 'mm', name: 'M', departmentId: 'x-dep', lanes: [{ id: 'l', name: 'L' }], now: NOW });
    map.lanes[0]!.departmentId = 'x-new';
    map.nodes = [{ id: 'n1', kind: 'dataStore', laneId: 'l', label: store.name, refId: 'x-ds' }, { id: 'n2', kind: 'dataStore', laneId: 'l', label: 'Rooms', refId: 'x-ds2' }];
    incoming.maps = [map];

    const { incoming: out, reused } = reconcileImport(ws, incoming);
    expect(out.maps[0]!.departmentId).toBe(admissions.id);
    expect(out.maps[0]!.lanes[0]!.departmentId).toBe('x-new');
    expect(out.departments.map((d) => d.name)).toEqual(['Estates']);
    expect(out.maps[0]!.nodes.map((n) => n.refId)).toEqual([store.id, 'x-ds2']);
    expect(out.dataStores.map((d) => d.name)).toEqual(['Room bookings']);
    expect(reused.departments).toEqual([`  ${admissions.name.toUpperCase()} `]);
    expect(reused.dataStores).toEqual([store.name]);
  });
});
