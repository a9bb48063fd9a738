import { describe, expect, it } from 'vitest';
import { laneBands } from '../../src/core/model/geometry';
import { checkSize, ImportError, importIds, MAX_IMPORT_BYTES } from '../../src/core/formats/importResult';
import { MapBuilder } from '../../src/core/formats/mapBuilder';
import { childrenNamed, descendants, parseXml, textOf, XmlError } from '../../src/core/formats/xml';

describe('parseXml', () => {
  it('gives elements by local name, attributes and decoded text', () => {
    const root = parseXml('<?xml version="1.0"?><b:defs xmlns:b="u"><b:task id="t1" name="Check &amp; log">x<b:doc>d</b:doc></b:task><!-- note --></b:defs>');
    expect(root.local).toBe('defs');
    const [task] = childrenNamed(root, 'task');
    expect(task!.attrs.name).toBe('Check & log');
    expect(textOf(task!)).toBe('xd');
    expect(descendants(root, 'doc')).toHaveLength(1);
  });

  it('says where malformed XML breaks, and refuses empty input', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/line 1/);
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('   ')).toThrow(/empty/);
    expect(() => parseXml('just text')).toThrow(XmlError);
  });
});

describe('import ids and size limit', () => {
  it('gives the same ids for the same file and different ones for another', () => {
    const a = importIds('bpmn', '<x/>');
    expect(a('Task_1')).toBe(importIds('bpmn', '<x/>')('Task_1'));
    expect(a('Task_1')).not.toBe(importIds('bpmn', '<y/>')('Task_1'));
    expect(a('a b/c')).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('refuses files over the limit with the size and the limit in the message', () => {
    expect(() => checkSize(MAX_IMPORT_BYTES, 'ok.bpmn')).not.toThrow();
    expect(() => checkSize(MAX_IMPORT_BYTES + 1, 'big.bpmn')).toThrow(ImportError);
    expect(() => checkSize(25 * 1024 * 1024, 'big.bpmn')).toThrow(/big\.bpmn.*25\.0 MB.*20 MB/);
  });
});

const meta = { id: 'm', name: 'Imported', departmentId: null, now: '2026-11-23T10:00:00Z' };

function nodeInsideItsBand(map: ReturnType<MapBuilder['build']>['map']) {
  const bands = laneBands(map);
  return map.nodes.every((n) => {
    const b = map.view.nodes[n.id]!;
    const band = bands.find((x) => x.laneId === n.laneId)!;
    return b.y >= band.y && b.y + b.height <= band.y + band.height;
  });
}

describe('MapBuilder', () => {
  it('puts nodes in the lane they sit in, lanes top to bottom as drawn, left-to-right order kept', () => {
    const b = new MapBuilder(meta);
    b.lane({ id: 'lo', name: 'Lower', rect: { x: 0, y: 200, width: 800, height: 150 } });
    b.lane({ id: 'up', name: 'Upper', rect: { x: 0, y: 0, width: 800, height: 200 } });
    b.node({ id: 'a', kind: 'start', label: 'A', rect: { x: 50, y: 80, width: 36, height: 36 } });
    b.node({ id: 'b', kind: 'step', label: 'B', rect: { x: 150, y: 240, width: 100, height: 80 } });
    b.node({ id: 'c', kind: 'step', label: 'C', rect: { x: 300, y: 240, width: 100, height: 80 } });
    b.flow({ id: 'f1', kind: 'sequence', from: 'a', to: 'b' });
    b.flow({ id: 'f2', kind: 'sequence', from: 'b', to: 'missing' });
    const { map, warnings } = b.build();
    expect(map.lanes.map((l) => l.name)).toEqual(['Upper', 'Lower']);
    expect(map.nodes.map((n) => n.laneId)).toEqual(['up', 'lo', 'lo']);
    expect(map.view.nodes.b!.x).toBeLessThan(map.view.nodes.c!.x);
    // Our steps are wider than the source's: they are spread so they do not overlap.
    expect(map.view.nodes.b!.x + map.view.nodes.b!.width).toBeLessThanOrEqual(map.view.nodes.c!.x);
    expect(nodeInsideItsBand(map)).toBe(true);
    expect(map.flows.map((f) => f.id)).toEqual(['f1']);
    expect(warnings.join(' ')).toMatch(/1 connector/);
  });

  it('turns vertical pools into horizontal bands', () => {
    const b = new MapBuilder(meta);
    b.lane({ id: 'l', name: 'Left', rect: { x: 0, y: 0, width: 200, height: 900 } });
    b.lane({ id: 'r', name: 'Right', rect: { x: 200, y: 0, width: 200, height: 900 } });
    b.node({ id: 'a', kind: 'step', label: 'A', rect: { x: 50, y: 100, width: 100, height: 80 } });
    b.node({ id: 'b', kind: 'step', label: 'B', rect: { x: 250, y: 400, width: 100, height: 80 } });
    const { map } = b.build();
    expect(map.lanes.map((l) => l.name)).toEqual(['Left', 'Right']);
    expect(map.nodes.find((n) => n.id === 'b')!.laneId).toBe('r');
    // What came first going down now comes first going right.
    expect(map.view.nodes.a!.x).toBeLessThan(map.view.nodes.b!.x);
    expect(nodeInsideItsBand(map)).toBe(true);
  });

  it('moves a shape that would cover another (a note on a step) below it, inside the lane', () => {
    const b = new MapBuilder(meta);
    b.lane({ id: 'l', name: 'L', rect: { x: 0, y: 0, width: 600, height: 120 } });
    b.node({ id: 's', kind: 'step', label: 'Step', rect: { x: 100, y: 20, width: 100, height: 80 } });
    b.node({ id: 'n', kind: 'note', label: 'Note', rect: { x: 110, y: 30, width: 100, height: 40 } });
    const { map } = b.build();
    const [s, n] = [map.view.nodes.s!, map.view.nodes.n!];
    expect(n.y).toBeGreaterThanOrEqual(s.y + s.height);
    expect(nodeInsideItsBand(map)).toBe(true);
  });

  it('leaves a map with unplaced shapes to the layout, and gives a map without lanes one lane', () => {
    const b = new MapBuilder(meta);
    b.node({ id: 'a', kind: 'step', label: 'A' });
    const { map, warnings } = b.build();
    expect(map.lanes).toHaveLength(1);
    expect(map.nodes[0]!.laneId).toBe(map.lanes[0]!.id);
    expect(map.view.nodes).toEqual({});
    expect(warnings.join(' ')).toMatch(/laid out automatically/);
  });
});
