import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { BUNDLE_FORMAT, parseBundle, parseBundleText, SCHEMA_VERSION, toBundle, validateMapRecord, type BundleIssue, type ParseResult } from '../../src/core/schema/bundle';

// --- helpers

/** The jsonc example from shared/FORMAT.md, comments removed (strings are left alone). */
function formatMdExample(): Record<string, unknown> {
  const md = readFileSync(new URL('../../../shared/FORMAT.md', import.meta.url), 'utf8');
  const block = /```jsonc\n([\s\S]*?)```/.exec(md)![1]!;
  let out = '';
  let inString = false;
  for (let i = 0; i < block.length; i++) {
    const ch = block[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += block[++i];
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && block[i + 1] === '/') {
      while (i < block.length && block[i] !== '\n') i++;
      out += '\n';
    } else out += ch;
  }
  return JSON.parse(out);
}

function errorsOf(r: ParseResult): BundleIssue[] {
  if (r.ok) throw new Error(`expected errors, got a workspace (warnings: ${r.warnings.join('; ')})`);
  return r.errors;
}

function workspaceOf(r: ParseResult): Workspace {
  if (!r.ok) throw new Error(`expected a workspace, got errors: ${JSON.stringify(r.errors)}`);
  return r.workspace;
}

// Test input is deliberately loose JSON, edited freely to break one thing at a time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

/** A small valid bundle; tests break one thing at a time. */
function baseBundle(): LooseJson {
  return {
    format: 'lanemap.workspace',
    schemaVersion: 1,
    exportedAt: '2026-11-22T10:00:00Z',
    workspace: { id: 'ws-1', name: 'Test' },
    departments: [
      { id: 'd-adm', name: 'Admissions' },
      { id: 'd-reg', name: 'Registry' },
    ],
    systems: [
      { id: 's-sits', name: 'SITS', kind: 'application', integratesWith: ['s-fin'] },
      { id: 's-fin', name: 'Finance', kind: 'application', integratesWith: [] },
    ],
    dataStores: [{ id: 'ds-enq', name: 'Enquiries', kind: 'spreadsheet', systemId: null, customerFields: ['Name'] }],
    maps: [
      {
        id: 'm-1',
        name: 'Enquiry',
        departmentId: 'd-adm',
        lanes: [
          { id: 'l-1', name: 'Officer', departmentId: 'd-adm' },
          { id: 'l-2', name: 'Registry', departmentId: 'd-reg' },
        ],
        nodes: [
          { id: 'n1', kind: 'start', laneId: 'l-1', label: 'Start' },
          { id: 'n2', kind: 'step', laneId: 'l-2', label: 'Log' },
          { id: 'n3', kind: 'dataStore', laneId: 'l-1', label: 'Sheet', refId: 'ds-enq' },
          { id: 'n4', kind: 'system', laneId: 'l-1', label: 'SITS', refId: 's-sits' },
        ],
        flows: [
          { id: 'f1', kind: 'sequence', from: 'n1', to: 'n2' },
          { id: 'f2', kind: 'data', from: 'n2', to: 'n3', access: 'write' },
        ],
      },
    ],
  };
}

const paths = (errors: BundleIssue[]) => errors.map((e) => e.path).sort();

// --- tests

describe('parseBundle: valid input', () => {
  it('reads the example in FORMAT.md once its catalogue is complete', () => {
    const json = formatMdExample();
    // The example refers to a department and a system it does not list; a real file would list them.
    (json.departments as unknown[]).push({ id: 'd-reg', name: 'Registry' });
    (json.systems as unknown[]).push({ id: 's-fin', name: 'Finance', kind: 'application', integratesWith: [] });

    const r = parseBundle(json);
    const ws = workspaceOf(r);
    expect(r.ok && r.warnings).toEqual([]);
    expect(ws.meta).toEqual({ id: 'ws-1', name: 'University CRM as-is' });
    expect(ws.systems[0]).toEqual({ id: 's-sits', name: 'Student records (SITS)', kind: 'application', integratesWith: ['s-fin'], ownerDepartmentId: 'd-reg' });
    expect(ws.dataStores[0]!.customerFields).toEqual(['Name', 'E-mail address', 'Telephone', 'Course of interest']);

    const map = ws.maps[0]!;
    expect(map.departmentId).toBe('d-adm');
    expect(map.updatedAt).toBe('2026-11-22T10:00:00Z'); // no updatedAt of its own: the export time
    expect(map.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(map.nodes[1]).toEqual({ id: 'n2', kind: 'step', laneId: 'l-off', label: 'Log enquiry', manual: true });
    expect(map.nodes[2]!.refId).toBe('ds-enq');
    // Geometry moved off the record into the view; the end node gets its kind's default size.
    expect(map.nodes[3]).toEqual({ id: 'n4', kind: 'end', laneId: 'l-off', label: 'Enquiry logged' });
    expect(map.view.nodes).toEqual({ n4: { x: 640, y: 40, width: 48, height: 48 } });
    expect(map.view.laneHeights).toEqual({ 'l-off': 200 });
    expect(map.view.flowPoints).toEqual({});
    expect(map.flows[2]).toEqual({ id: 'f3', kind: 'sequence', from: 'n2', to: 'n4', label: 'done' });
    expect(map.extra).toBeUndefined();
  });

  it('reports the dangling references of the FORMAT.md example exactly as written', () => {
    const errors = errorsOf(parseBundle(formatMdExample()));
    expect(errors).toEqual([
      { path: 'systems[0].ownerDepartmentId', message: 'no department with id "d-reg"' },
      { path: 'systems[0].integratesWith[0]', message: 'no system with id "s-fin"' },
    ]);
  });

  it('moves geometry into the view: node boxes, lane heights, flow points', () => {
    const b = baseBundle();
    Object.assign(b.maps[0].nodes[0], { x: 10, y: 20 });
    Object.assign(b.maps[0].nodes[1], { x: 100, y: 220, width: 180, height: 70 });
    Object.assign(b.maps[0].lanes[0], { y: 999, height: 150 }); // y is derived, so ignored
    b.maps[0].flows[0].points = [[58, 44], [100, 44], [100, 255]];
    const map = workspaceOf(parseBundle(b)).maps[0]!;
    expect(map.view.nodes).toEqual({ n1: { x: 10, y: 20, width: 48, height: 48 }, n2: { x: 100, y: 220, width: 180, height: 70 } });
    expect(map.view.laneHeights).toEqual({ 'l-1': 150, 'l-2': 200 });
    expect(map.view.flowPoints).toEqual({ f1: [[58, 44], [100, 44], [100, 255]] });
    expect(map.nodes[1]).toEqual({ id: 'n2', kind: 'step', laneId: 'l-2', label: 'Log' });
    expect(map.lanes[0]).toEqual({ id: 'l-1', name: 'Officer', departmentId: 'd-adm' });
    expect(map.flows[0]).toEqual({ id: 'f1', kind: 'sequence', from: 'n1', to: 'n2' });
  });

  it('lays out a node with only x, with a warning', () => {
    const b = baseBundle();
    b.maps[0].nodes[1].x = 50;
    const r = parseBundle(b);
    expect(workspaceOf(r).maps[0]!.view.nodes).toEqual({});
    expect(r.ok && r.warnings).toEqual(['maps[0].nodes[1]: has x but not y; the node will be laid out']);
  });

  it('fills optional catalogue fields and lists', () => {
    const b = baseBundle();
    b.systems[1] = { id: 's-fin', name: 'Finance', kind: 'application' };
    b.dataStores[0] = { id: 'ds-enq', name: 'Enquiries', kind: 'paper' };
    b.maps[0].departmentId = undefined;
    const ws = workspaceOf(parseBundle(b));
    expect(ws.systems[1]!.integratesWith).toEqual([]);
    expect(ws.dataStores[0]).toEqual({ id: 'ds-enq', name: 'Enquiries', kind: 'paper', systemId: null, customerFields: [] });
    expect(ws.maps[0]!.departmentId).toBeNull();

    const bare = workspaceOf(parseBundle({ format: 'lanemap.workspace', schemaVersion: 1, workspace: { id: 'w', name: 'Empty' } }));
    expect(bare).toEqual({ meta: { id: 'w', name: 'Empty' }, departments: [], systems: [], dataStores: [], maps: [] });
  });

  it("takes a map's updatedAt from the map, else exportedAt, else now", () => {
    const b = baseBundle();
    b.maps.push({ ...structuredClone(b.maps[0]), id: 'm-2', updatedAt: '2025-01-01T00:00:00Z' });
    const ws = workspaceOf(parseBundle(b));
    expect(ws.maps.map((m) => m.updatedAt)).toEqual(['2026-11-22T10:00:00Z', '2025-01-01T00:00:00Z']);

    delete b.exportedAt;
    const later = workspaceOf(parseBundle(b, { now: () => '2030-05-05T05:05:05Z' }));
    expect(later.maps.map((m) => m.updatedAt)).toEqual(['2030-05-05T05:05:05Z', '2025-01-01T00:00:00Z']);
  });

  it('allows the same node, lane and flow ids in different maps', () => {
    const b = baseBundle();
    b.maps.push({ ...structuredClone(b.maps[0]), id: 'm-2' });
    expect(workspaceOf(parseBundle(b)).maps).toHaveLength(2);
  });
});

describe('parseBundle: errors', () => {
  it('refuses a file that is not a workspace bundle', () => {
    expect(errorsOf(parseBundle([1, 2]))).toEqual([{ path: '(root)', message: expect.stringContaining('expected a JSON object, found a list') }]);
    expect(errorsOf(parseBundle({ schemaVersion: 1 }))).toEqual([{ path: 'format', message: expect.stringContaining('not a Lanemap workspace file') }]);
    expect(errorsOf(parseBundle({ ...baseBundle(), format: 'drawio' }))[0]!.message).toContain('"format" is the text "drawio"');
  });

  it('requires an integer schemaVersion', () => {
    const b = baseBundle();
    delete b.schemaVersion;
    expect(errorsOf(parseBundle(b))).toEqual([{ path: 'schemaVersion', message: 'is required (a whole number)' }]);
    expect(errorsOf(parseBundle({ ...b, schemaVersion: 1.5 }))).toEqual([{ path: 'schemaVersion', message: 'must be a whole number, found 1.5' }]);
    expect(errorsOf(parseBundle({ ...b, schemaVersion: '1' }))[0]!.path).toBe('schemaVersion');
    expect(errorsOf(parseBundle({ ...b, schemaVersion: 0 }))[0]!.path).toBe('schemaVersion');
  });

  it('refuses a newer schema with a clear message', () => {
    expect(SCHEMA_VERSION).toBe(1);
    const errors = errorsOf(parseBundle({ ...baseBundle(), schemaVersion: 3, maps: 'whatever a newer version writes' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('schemaVersion');
    expect(errors[0]!.message).toContain('made by a newer version of Lanemap (schema 3); this version reads up to 1');
  });

  it('reports every problem at once, each with its path', () => {
    const b = baseBundle();
    const map = b.maps[0];
    b.departments.push({ id: 'd-adm', name: 'Twice' }); // departments[2].id duplicate
    b.departments.push({ id: 'd-x' }); // departments[3].name missing
    b.systems[0].integratesWith = ['s-fin', 's-gone']; // systems[0].integratesWith[1]
    b.dataStores[0].kind = 'cloud'; // dataStores[0].kind enum
    b.dataStores[0].systemId = 's-gone'; // dataStores[0].systemId dangling
    map.departmentId = 'd-gone'; // maps[0].departmentId
    map.lanes[1].departmentId = 'd-gone'; // maps[0].lanes[1].departmentId
    map.lanes.push({ id: '', name: 'Blank' }); // maps[0].lanes[2].id empty
    map.nodes[1].laneId = 'l-gone'; // maps[0].nodes[1].laneId
    map.nodes[2].refId = 'ds-gone'; // maps[0].nodes[2].refId (data store)
    map.nodes[3].refId = 's-gone'; // maps[0].nodes[3].refId (system)
    map.nodes.push({ id: 'n1', kind: 'note', laneId: 'l-1', label: 'dup' }); // maps[0].nodes[4].id duplicate
    map.nodes.push({ id: 'n6', kind: 'cloud', laneId: 'l-1', label: 'odd', x: 'left' }); // kind enum + x type
    map.flows[0].to = 'n-gone'; // maps[0].flows[0].to
    map.flows[1].access = 'delete'; // maps[0].flows[1].access enum
    map.flows.push({ id: 'f3', kind: 'sequence', from: 'n6', to: 'n1' }); // n6 exists, though malformed: no error

    const errors = errorsOf(parseBundle(b));
    expect(paths(errors)).toEqual(
      [
        'departments[2].id',
        'departments[3].name',
        'systems[0].integratesWith[1]',
        'dataStores[0].kind',
        'dataStores[0].systemId',
        'maps[0].departmentId',
        'maps[0].lanes[1].departmentId',
        'maps[0].lanes[2].id',
        'maps[0].nodes[1].laneId',
        'maps[0].nodes[2].refId',
        'maps[0].nodes[3].refId',
        'maps[0].nodes[4].id',
        'maps[0].nodes[5].kind',
        'maps[0].nodes[5].x',
        'maps[0].flows[0].to',
        'maps[0].flows[1].access',
      ].sort(),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath['departments[2].id']).toBe('duplicate id "d-adm" (already used by departments[0])');
    expect(byPath['departments[3].name']).toBe('is required');
    expect(byPath['dataStores[0].kind']).toBe('must be one of "database", "spreadsheet", "paper", "email", "document", "other"; found the text "cloud"');
    expect(byPath['maps[0].lanes[2].id']).toBe('must not be empty');
    expect(byPath['maps[0].nodes[1].laneId']).toBe('no lane in this map with id "l-gone"');
    expect(byPath['maps[0].nodes[2].refId']).toBe('no data store with id "ds-gone"');
    expect(byPath['maps[0].nodes[3].refId']).toBe('no system with id "s-gone"');
    expect(byPath['maps[0].nodes[5].x']).toBe('must be a number, found the text "left"');
    expect(byPath['maps[0].flows[0].to']).toBe('no node in this map with id "n-gone"');
  });

  it('checks flow kinds, ids of maps and sizes', () => {
    const b = baseBundle();
    b.maps.push({ ...structuredClone(b.maps[0]) }); // maps[1].id duplicate
    b.maps[0].flows[0].kind = 'jump';
    b.maps[0].nodes[0].width = -5;
    b.maps[0].flows[1].points = [[1, 2], [3]];
    const errors = errorsOf(parseBundle(b));
    expect(paths(errors)).toEqual(['maps[0].flows[0].kind', 'maps[0].flows[1].points[1]', 'maps[0].nodes[0].width', 'maps[1].id']);
    expect(errors.find((e) => e.path === 'maps[0].flows[0].kind')!.message).toBe('must be one of "sequence", "message", "data"; found the text "jump"');
    expect(errors.find((e) => e.path === 'maps[0].nodes[0].width')!.message).toBe('must be greater than 0, found -5');
  });

  it('refuses a comment without an author, with its path', () => {
    const b = baseBundle();
    b.maps[0].comments = [{ id: 'c1', nodeId: 'n1', text: 'Hello', at: '2026-11-20T15:30:00.000Z' }];
    expect(paths(errorsOf(parseBundle(b)))).toEqual(['maps[0].comments[0].author']);
  });

  it("refuses a map's review status that is not draft, for review or agreed, with its path", () => {
    const b = baseBundle();
    b.maps[0].review = { state: 'signed off', by: 'Ana' };
    const errors = errorsOf(parseBundle(b));
    expect(paths(errors)).toEqual(['maps[0].review.state']);
    expect(errors[0]!.message).toBe('must be one of "draft", "review", "agreed"; found the text "signed off"');
  });

  it('stops listing after 50 problems and says how many more', () => {
    const b = baseBundle();
    for (let i = 0; i < 120; i++) b.maps[0].nodes.push({ id: `x${i}`, kind: 'step', laneId: 'nowhere', label: '' });
    const errors = errorsOf(parseBundle(b));
    expect(errors).toHaveLength(50);
    expect(errors[48]!.path).toMatch(/^maps\[0\]\.nodes\[\d+\]\.laneId$/);
    expect(errors[49]).toEqual({ path: '(root)', message: '…and 71 more problems not listed' });
  });
});

describe('parseBundleText', () => {
  it('parses text, a BOM included', () => {
    const text = '\uFEFF' + JSON.stringify(baseBundle());
    expect(workspaceOf(parseBundleText(text)).maps[0]!.id).toBe('m-1');
  });

  it('says the file is not valid JSON, with the line and column', () => {
    const errors = errorsOf(parseBundleText('{\n  "format": "lanemap.workspace",\n  oops\n}'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('(root)');
    expect(errors[0]!.message).toMatch(/^The file is not valid JSON \(line 3, column 3\): /);
  });

  it('never throws on broken or empty text', () => {
    for (const text of ['', '   ', '{"a": }', '[1,]', 'null', '"text"', '{"format":']) {
      const r = parseBundleText(text);
      expect(r.ok).toBe(false);
    }
    expect(errorsOf(parseBundleText('{"a": }'))[0]!.message).toContain('not valid JSON');
    expect(errorsOf(parseBundleText(''))[0]!.message).toContain('empty');
  });
});

// --- writing and round trips

function sampleWorkspace(): Workspace {
  const map: ProcessMap = {
    id: 'm-b',
    name: 'Enquiry to offer',
    departmentId: 'd-adm',
    lanes: [
      { id: 'l-1', name: 'Officer' },
      { id: 'l-2', name: 'Registry', departmentId: 'd-reg' },
    ],
    nodes: [
      { id: 'n1', kind: 'start', laneId: 'l-1', label: 'Start' },
      { id: 'n2', kind: 'step', laneId: 'l-1', label: 'Log', manual: true, notes: 're-keyed', commentsResolved: true },
      { id: 'n3', kind: 'dataStore', laneId: 'l-2', label: 'Sheet', refId: 'ds-1' },
      { id: 'n4', kind: 'note', laneId: 'l-2', label: 'Pain point' },
    ],
    comments: [
      { id: 'c1', nodeId: 'n2', author: 'Ana Silva', text: 'Who keys this in twice?', at: '2026-11-20T15:30:00.000Z' },
      { id: 'c2', nodeId: 'n2', author: 'Ben', text: 'Nobody now: settled.', at: '2026-11-21T09:00:00.000Z' },
    ],
    flows: [
      { id: 'f1', kind: 'sequence', from: 'n1', to: 'n2', label: 'go' },
      { id: 'f2', kind: 'data', from: 'n2', to: 'n3', access: 'readwrite' },
    ],
    view: {
      nodes: {
        n1: { x: 190, y: 76, width: 48, height: 48 },
        n2: { x: 300, y: 68, width: 150, height: 64 },
        n3: { x: 320, y: 244, width: 110, height: 72 },
      },
      laneHeights: { 'l-1': 200, 'l-2': 160 },
      flowPoints: { f2: [[375, 132], [375, 244]] },
    },
    updatedAt: '2026-10-01T09:00:00.000Z',
    review: { state: 'agreed', by: 'Ana Silva', at: '2026-11-20T15:30:00.000Z' },
  };
  const other: ProcessMap = {
    id: 'm-a',
    name: 'Empty map',
    departmentId: null,
    lanes: [{ id: 'l-1', name: 'Only lane' }],
    nodes: [],
    flows: [],
    view: { nodes: {}, laneHeights: { 'l-1': 200 }, flowPoints: {} },
    updatedAt: '2026-10-02T09:00:00.000Z',
  };
  return {
    meta: { id: 'ws-1', name: 'CRM as-is' },
    departments: [
      { id: 'd-adm', name: 'Admissions' },
      { id: 'd-reg', name: 'Registry' },
    ],
    systems: [
      { id: 's-1', name: 'SITS', kind: 'application', integratesWith: ['s-2'], ownerDepartmentId: 'd-reg' },
      { id: 's-2', name: 'Finance', kind: 'service', integratesWith: [] },
    ],
    dataStores: [{ id: 'ds-1', name: 'Sheet', kind: 'spreadsheet', systemId: 's-1', ownerDepartmentId: null, customerFields: ['Name', 'E-mail'] }],
    maps: [map, other],
  };
}

describe('toBundle', () => {
  it('writes FORMAT.md v1 with the view fields inline', () => {
    const b = toBundle(sampleWorkspace(), '2026-11-22T10:00:00Z');
    expect(b.format).toBe(BUNDLE_FORMAT);
    expect(b.schemaVersion).toBe(1);
    expect(b.exportedAt).toBe('2026-11-22T10:00:00Z');
    const map = b.maps[0]!;
    expect(map.lanes).toEqual([
      { id: 'l-1', name: 'Officer', y: 0, height: 200 },
      { id: 'l-2', name: 'Registry', departmentId: 'd-reg', y: 200, height: 160 },
    ]);
    expect(map.nodes[1]).toEqual({ id: 'n2', kind: 'step', laneId: 'l-1', label: 'Log', manual: true, notes: 're-keyed', commentsResolved: true, x: 300, y: 68, width: 150, height: 64 });
    expect(map.comments?.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(map.nodes[3]).toEqual({ id: 'n4', kind: 'note', laneId: 'l-2', label: 'Pain point' });
    expect(map.flows[0]).not.toHaveProperty('points');
    expect(map.flows[1]!.points).toEqual([[375, 132], [375, 244]]);
    expect(map).not.toHaveProperty('view');
  });

  it('round-trips: parseBundle(toBundle(ws)) gives back the workspace', () => {
    const ws = sampleWorkspace();
    expect(workspaceOf(parseBundle(toBundle(ws, '2026-11-22T10:00:00Z')))).toEqual(ws);
    const text = JSON.stringify(toBundle(ws, '2026-11-22T10:00:00Z'));
    const r = parseBundleText(text);
    expect(workspaceOf(r)).toEqual(ws);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('keeps unknown fields through a read and a write', () => {
    const b = baseBundle();
    b.workspace.colour = 'teal';
    b.departments[0].costCentre = 'CC-12';
    b.systems[0].vendor = { name: 'Tribal' };
    b.dataStores[0].retention = '6 years';
    b.maps[0].lanes[0].colour = '#ccf';
    b.maps[0].nodes[1].owner = 'Jane';
    b.maps[0].flows[0].channel = 'email';
    b.maps[0].workshopDate = '2026-09-30';
    b.maps[0].tags = ['as-is'];

    const ws = workspaceOf(parseBundle(b));
    const map = ws.maps[0]!;
    expect(map.extra).toEqual({ workshopDate: '2026-09-30', tags: ['as-is'] });
    expect((map.nodes[1] as unknown as Record<string, unknown>).owner).toBe('Jane');

    const again = JSON.parse(JSON.stringify(toBundle(ws, 'later')));
    expect(again.workspace.colour).toBe('teal');
    expect(again.departments[0].costCentre).toBe('CC-12');
    expect(again.systems[0].vendor).toEqual({ name: 'Tribal' });
    expect(again.dataStores[0].retention).toBe('6 years');
    expect(again.maps[0].lanes[0].colour).toBe('#ccf');
    expect(again.maps[0].nodes[1].owner).toBe('Jane');
    expect(again.maps[0].flows[0].channel).toBe('email');
    expect(again.maps[0].workshopDate).toBe('2026-09-30');
    expect(again.maps[0].tags).toEqual(['as-is']);
    expect(again.maps[0]).not.toHaveProperty('extra');
    expect(workspaceOf(parseBundle(again))).toEqual(ws);
  });

  it('never lets an extra field overwrite a known one', () => {
    const ws = sampleWorkspace();
    ws.maps[1] = { ...ws.maps[1]!, extra: { name: 'Impostor', source: 'visio' } };
    const out = toBundle(ws, 'now').maps[1]!;
    expect(out.name).toBe('Empty map');
    expect(out.source).toBe('visio');
  });

  it('warns that unknown top-level fields are not kept', () => {
    const r = parseBundle({ ...baseBundle(), generator: 'other-tool 2.0' });
    expect(r.ok && r.warnings).toEqual(['Top-level field "generator" not kept by this version of Lanemap']);
  });
});

describe('validateMapRecord', () => {
  const ws = sampleWorkspace();
  const ctx = {
    departmentIds: ws.departments.map((d) => d.id),
    systemIds: new Set(ws.systems.map((s) => s.id)),
    dataStoreIds: ws.dataStores.map((d) => d.id),
  };

  it('accepts a stored map and keeps unknown fields', () => {
    const stored = { ...structuredClone(ws.maps[0]!), extra: { a: 1 }, futureField: true };
    const r = validateMapRecord(stored, ctx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.map).toEqual(stored);
  });

  it('reports shape, view and reference problems with their paths', () => {
    const bad = structuredClone(ws.maps[0]!) as LooseJson;
    bad.nodes[0].laneId = 'l-gone';
    bad.nodes[2].refId = 'ds-gone';
    bad.view.nodes.n2.width = 0;
    bad.view.laneHeights['l 2'] = 'tall';
    delete bad.updatedAt;
    const r = validateMapRecord(bad, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(paths(r.errors)).toEqual(['nodes[0].laneId', 'nodes[2].refId', 'updatedAt', 'view.laneHeights["l 2"]', 'view.nodes.n2.width']);
  });

  it('checks departments against the given catalogue', () => {
    const r = validateMapRecord(ws.maps[0], { ...ctx, departmentIds: [] });
    expect(r.ok ? [] : paths(r.errors)).toEqual(['departmentId', 'lanes[1].departmentId']);
    expect(validateMapRecord('not a map', ctx).ok).toBe(false);
  });
});
