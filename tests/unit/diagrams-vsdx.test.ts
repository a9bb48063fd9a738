import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/core/formats/importResult';
import { importVsdx } from '../../src/core/diagrams/vsdx';
import { laneBands } from '../../src/core/model/geometry';
import type { ProcessMap, Workspace } from '../../src/core/model/types';

const NOW = '2026-11-23T10:00:00Z';
const CORPUS = '../shared/corpus/bpmn-miwg';
const PROCESSES = ['B.1.0', 'B.2.0', 'C.1.0'];
const opts = (fileName: string) => ({ fileName, now: NOW });
const vsdxBytes = (name: string) => new Uint8Array(readFileSync(`${CORPUS}/visio/${name}.vsdx`));

// ---- What the BPMN reference of the same process holds, by regular expressions over its text.

const STEP = 'task|userTask|serviceTask|sendTask|receiveTask|manualTask|scriptTask|businessRuleTask|callActivity|subProcess|transaction|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent';
const KIND_OF: [RegExp, string][] = [
  [new RegExp(`^(${STEP})$`), 'step'],
  [/^startEvent$/, 'start'],
  [/^endEvent$/, 'end'],
  [/Gateway$/, 'decision'],
  [/^dataStoreReference$/, 'dataStore'],
  [/^dataObjectReference$/, 'document'],
  [/^textAnnotation$/, 'note'],
];

interface Reference {
  nodes: { id: string; kind: string; name: string }[];
  flows: { kind: string; from: string; to: string }[];
  lanes: string[];
}

const decodeXml = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
};
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A reference file in the encoding its declaration names (B.* are ISO-8859-1, C.1.0 is UTF-8). */
function bpmnText(name: string): string {
  const raw = readFileSync(`${CORPUS}/reference/${name}.bpmn`);
  return new TextDecoder(/encoding="([\w-]+)"/.exec(raw.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8').decode(raw);
}

function reference(name: string): Reference {
  const text = bpmnText(name);
  const tags = [...text.matchAll(/<(?:[\w-]+:)?(\w+)(\s[^>]*)?>/g)].map((m) => ({ local: m[1]!, tag: m[2] ?? '', at: m.index }));
  const nodes: (Reference['nodes'][number] & { at: number })[] = [];
  const flows: Reference['flows'] = [];
  for (const { local, tag, at } of tags) {
    const kind = KIND_OF.find(([re]) => re.test(local))?.[1];
    if (kind) nodes.push({ id: attr(tag, 'id')!, kind, name: words(attr(tag, 'name') ?? ''), at });
    const flowKind = local === 'sequenceFlow' ? 'sequence' : local === 'messageFlow' ? 'message' : local === 'association' ? 'data' : undefined;
    if (flowKind) flows.push({ kind: flowKind, from: attr(tag, 'sourceRef')!, to: attr(tag, 'targetRef')! });
    // A boundary event is reached from the activity it sits on (it would otherwise be unreachable).
    if (local === 'boundaryEvent') flows.push({ kind: 'sequence', from: attr(tag, 'attachedToRef')!, to: attr(tag, 'id')! });
  }
  // A data association sits inside its activity and names the data at its other end: the
  // source of an input, the target of an output.
  for (const m of text.matchAll(/<(?:[\w-]+:)?data(Input|Output)Association[\s>][\s\S]*?<\/(?:[\w-]+:)?data\1Association>/g)) {
    const activity = nodes.filter((n) => n.kind === 'step' && n.at < m.index).pop()!;
    const ref = (which: string) => new RegExp(`<(?:[\\w-]+:)?${which}Ref>\\s*([^<\\s]+)`).exec(m[0])![1]!;
    flows.push(m[1] === 'Input' ? { kind: 'data', from: ref('source'), to: activity.id } : { kind: 'data', from: activity.id, to: ref('target') });
  }
  // Lanes: every named lane, and each pool whose process has no named lane is a lane itself.
  const lanes = [...text.matchAll(/<(?:[\w-]+:)?lane\s[^>]*name="([^"]+)"/g)].map((m) => words(decodeXml(m[1]!)));
  for (const m of text.matchAll(/<(?:[\w-]+:)?participant\s([^>]*)>/g)) {
    const processRef = attr(` ${m[1]}`, 'processRef');
    const process = new RegExp(`<(?:[\\w-]+:)?process\\s[^>]*id="${processRef}"[\\s\\S]*?</(?:[\\w-]+:)?process>`).exec(text)?.[0] ?? '';
    if (!/<(?:[\w-]+:)?lane\s[^>]*name="[^"]+"/.test(process)) lanes.push(words(attr(` ${m[1]}`, 'name') ?? ''));
  }
  return { nodes, flows, lanes };
}

/** Top-level shapes of the Visio file whose master's name matches, by regular expressions over its XML. */
function visioShapesByMaster(name: string, master: RegExp): number {
  const parts = unzipSync(vsdxBytes(name), { filter: (f) => /^visio\/(masters\/masters|pages\/page\d+)\.xml$/.test(f.name) });
  const ids = new Set([...strFromU8(parts['visio/masters/masters.xml']!).matchAll(/<Master ID='(\d+)' NameU='([^']*)'/g)].filter((m) => master.test(m[2]!)).map((m) => m[1]));
  const pages = Object.entries(parts).filter(([p]) => p.startsWith('visio/pages/')).map(([, b]) => strFromU8(b));
  return pages.reduce((n, xml) => n + [...xml.matchAll(/<Shape [^>]*\bMaster='(\d+)'/g)].filter((m) => ids.has(m[1])).length, 0);
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((t, x) => ({ ...t, [x]: (t[x] ?? 0) + 1 }), {});
const allNodes = (ws: Workspace) => ws.maps.flatMap((m) => m.nodes);

function expectNodesInBands(map: ProcessMap) {
  const bands = new Map(laneBands(map).map((b) => [b.laneId, b]));
  for (const n of map.nodes) {
    const box = map.view.nodes[n.id]!;
    const band = bands.get(n.laneId)!;
    expect(box, n.label || n.id).toBeDefined();
    expect(box.y).toBeGreaterThanOrEqual(band.y);
    expect(box.y + box.height).toBeLessThanOrEqual(band.y + band.height);
  }
}

describe('Visio files of the BPMN MIWG processes, against the BPMN reference of the same process', () => {
  for (const name of PROCESSES) {
    it(`${name}: the same lanes, nodes by kind, and flows by kind between the same kinds of node`, async () => {
      const ref = reference(name);
      const { workspace } = await importVsdx(vsdxBytes(name), opts(`${name}.vsdx`));
      const nodes = allNodes(workspace);
      expect(tally(nodes.map((n) => n.kind))).toEqual(tally(ref.nodes.map((n) => n.kind)));

      // Flows compared by the kinds of node at their ends: a connector glued to the wrong shape shows.
      // Sequence and message flows have a direction; associations do not (Visio draws them from
      // either end), so they are compared as pairs.
      const refKind = new Map(ref.nodes.map((n) => [n.id, n.kind]));
      const ourKind = new Map(nodes.map((n) => [n.id, n.kind]));
      const ends = (kind: string, a: string | undefined, b: string | undefined) => (kind === 'data' ? `data: ${[a, b].sort().join(' – ')}` : `${kind}: ${a} → ${b}`);
      const ours = workspace.maps.flatMap((m) => m.flows).map((f) => ends(f.kind, ourKind.get(f.from), ourKind.get(f.to)));
      const theirs = ref.flows.map((f) => ends(f.kind, refKind.get(f.from), refKind.get(f.to)));
      expect(tally(ours.filter((f) => !f.startsWith('data')))).toEqual(tally(theirs.filter((f) => !f.startsWith('data'))));
      // Every association of the reference is drawn; the drawing may hold more (B.2.0 links its
      // data store to a task, which the reference does not): as many as association shapes.
      for (const [pair, n] of Object.entries(tally(theirs.filter((f) => f.startsWith('data'))))) expect(tally(ours)[pair], pair).toBeGreaterThanOrEqual(n);
      expect(ours.filter((f) => f.startsWith('data'))).toHaveLength(visioShapesByMaster(name, /association/i));

      // Lanes: the reference's, plus one plain lane named after each page drawn without pools.
      const lanes = workspace.maps.flatMap((m) => m.lanes.map((l) => ({ lane: l.name, map: m.name })));
      expect(lanes.filter((l) => l.lane !== l.map).map((l) => l.lane).sort()).toEqual([...ref.lanes].sort());
      for (const map of workspace.maps) expectNodesInBands(map);
    });
  }

  it('C.1.0: every task, event and gateway keeps its name, and sits in the lane the reference puts it in', async () => {
    const ref = reference('C.1.0');
    const { workspace } = await importVsdx(vsdxBytes('C.1.0'), opts('C.1.0.vsdx'));
    const map = workspace.maps[0]!;
    expect(tally(map.nodes.map((n) => `${n.kind} ${n.label}`))).toEqual(tally(ref.nodes.map((n) => `${n.kind} ${n.name}`)));
    const text = bpmnText('C.1.0');
    for (const lane of map.lanes) {
      const block = new RegExp(`<lane[^>]*name="${lane.name}"[\\s\\S]*?</lane>`).exec(text)?.[0];
      if (!block) continue;
      const members = [...block.matchAll(/<flowNodeRef>([^<]+)</g)].map((m) => ref.nodes.find((n) => n.id === m[1])!).filter(Boolean);
      expect(tally(map.nodes.filter((n) => n.laneId === lane.id).map((n) => `${n.kind} ${n.label}`)), lane.name).toEqual(tally(members.map((n) => `${n.kind} ${n.name}`)));
    }
  });

  it('B.1.0 and B.2.0 each give one map per page, named after the page, with the same pools as departments', async () => {
    for (const name of ['B.1.0', 'B.2.0']) {
      const { workspace, warnings } = await importVsdx(vsdxBytes(name), opts(`${name}.vsdx`));
      const pagesXml = strFromU8(unzipSync(vsdxBytes(name), { filter: (f) => f.name === 'visio/pages/pages.xml' })['visio/pages/pages.xml']!);
      const pageNames = [...pagesXml.matchAll(/<Page [^>]*?\bName='([^']*)'/g)].map((m) => m[1]);
      expect(pageNames).toHaveLength(2);
      expect(workspace.maps.map((m) => m.name)).toEqual(pageNames);
      const participants = [...bpmnText(name).matchAll(/<(?:[\w-]+:)?participant\s[^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(workspace.departments.map((d) => d.name).sort()).toEqual(participants.sort());
      expect(warnings.join(' ')).toMatch(/1 “Group” shape in the drawing left out/);
    }
  });
});

// ---- Small .vsdx files made here, for the flowchart stencils and for broken input.

const NS = 'xmlns="http://schemas.microsoft.com/office/visio/2012/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rels = (targets: string[]) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="x" Target="${t}"/>`).join('')}</Relationships>`;
const cells = (c: Record<string, number | string>) => Object.entries(c).map(([n, v]) => `<Cell N="${n}" V="${v}"/>`).join('');

interface TestShape {
  id: number;
  master?: number;
  text?: string;
  cells?: Record<string, number | string>;
  type?: string;
  inner?: string;
}
const shape = (s: TestShape) => `<Shape ID="${s.id}" Type="${s.type ?? 'Shape'}"${s.master ? ` Master="${s.master}"` : ''}>${cells(s.cells ?? {})}${s.inner ?? ''}${s.text !== undefined ? `<Text><cp IX="0"/>${s.text}</Text>` : ''}</Shape>`;

function vsdx(pages: { name: string; shapes: TestShape[]; connects?: [number, 'BeginX' | 'EndX', number][] }[], masters: Record<number, [string, Record<string, number>]>): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'visio/document.xml': strToU8(`<VisioDocument ${NS}/>`),
    'visio/pages/pages.xml': strToU8(`<Pages ${NS}>${pages.map((p, i) => `<Page ID="${i}" Name="${p.name}"><Rel r:id="rId${i + 1}"/></Page>`).join('')}</Pages>`),
    'visio/pages/_rels/pages.xml.rels': strToU8(rels(pages.map((_, i) => `page${i + 1}.xml`))),
    'visio/masters/masters.xml': strToU8(`<Masters ${NS}>${Object.entries(masters).map(([id, [nameU]], i) => `<Master ID="${id}" NameU="${nameU}" Name="${nameU}"><Rel r:id="rId${i + 1}"/></Master>`).join('')}</Masters>`),
    'visio/masters/_rels/masters.xml.rels': strToU8(rels(Object.keys(masters).map((_, i) => `master${i + 1}.xml`))),
  };
  Object.values(masters).forEach(([, c], i) => {
    files[`visio/masters/master${i + 1}.xml`] = strToU8(`<MasterContents ${NS}><Shapes><Shape ID="5" Type="Shape">${cells(c)}</Shape></Shapes></MasterContents>`);
  });
  pages.forEach((p, i) => {
    const connects = (p.connects ?? []).map(([from, cell, to]) => `<Connect FromSheet="${from}" FromCell="${cell}" ToSheet="${to}"/>`).join('');
    files[`visio/pages/page${i + 1}.xml`] = strToU8(`<PageContents ${NS}><Shapes>${p.shapes.map(shape).join('')}</Shapes><Connects>${connects}</Connects></PageContents>`);
  });
  return zipSync(files);
}

const BOX = { Width: 1, Height: 0.75 };
const LINE = { BeginX: 0, BeginY: 0, EndX: 1, EndY: 0 };
const FLOWCHART: Record<number, [string, Record<string, number>]> = {
  1: ['Process', BOX],
  2: ['Decision', { Width: 1, Height: 1 }],
  3: ['Start/End', BOX],
  4: ['Swimlane', { Width: 10, Height: 2 }],
  5: ['Dynamic connector', LINE],
  6: ['Document', BOX],
  7: ['Database', BOX],
  8: ['Manual operation', BOX],
  9: ['Phase', { Width: 3, Height: 4 }],
  10: ['CFF Container', { Width: 10.5, Height: 4.5 }],
};
const at = (x: number, y: number, more: Record<string, number> = {}) => ({ PinX: x, PinY: y, ...more });

/** A cross-functional flowchart: two swimlanes in a container, drawn with Visio's flowchart masters. */
function crossFunctional(): Uint8Array {
  const conn = (id: number, begin: [number, number], end: [number, number], text?: string): TestShape => ({ id, master: 5, cells: { PinX: 0, PinY: 0, BeginX: begin[0], BeginY: begin[1], EndX: end[0], EndY: end[1] }, ...(text ? { text } : {}) });
  return vsdx(
    [
      {
        name: 'Order to cash',
        shapes: [
          { id: 1, master: 10, text: 'Sales team', cells: at(5.25, 5) },
          { id: 2, master: 4, text: 'Customer', cells: at(5.5, 6) },
          { id: 3, master: 4, text: 'Sales', cells: at(5.5, 4) },
          { id: 4, master: 3, text: 'Wants a quote', cells: at(1.5, 6) },
          { id: 5, master: 1, text: 'Place\norder', cells: at(3, 6) },
          { id: 6, master: 2, text: 'In stock?', cells: at(5, 4) },
          { id: 7, master: 8, text: 'Pack goods', cells: at(7, 4) },
          { id: 8, master: 3, cells: at(9, 4) },
          { id: 9, master: 6, text: 'Invoice', cells: at(7, 6) },
          { id: 10, master: 7, type: 'Group', text: 'Orders DB', cells: at(5, 3.3), inner: `<Shapes>${shape({ id: 11, cells: at(0.5, 0.2, { Width: 0.5, Height: 0.2 }) })}</Shapes>` },
          { id: 12, master: 9, text: 'Phase 1', cells: at(3, 5) },
          { id: 13, type: 'Foreign', cells: at(9, 6, { Width: 0.5, Height: 0.5 }) },
          conn(20, [2, 6], [2.5, 6]),
          conn(21, [3, 5.6], [5, 4.5]),
          conn(22, [5.5, 4], [6.5, 4], 'Yes'),
          conn(23, [7.5, 4], [8.5, 4]),
          conn(24, [7, 4.4], [7, 5.6]),
          conn(25, [5, 3.6], [5, 3.4]),
          // Not glued: its ends lie on "Invoice" and "Place order".
          conn(26, [6.9, 6.1], [3.1, 6.1]),
        ],
        connects: [
          [20, 'BeginX', 4],
          [20, 'EndX', 5],
          [21, 'BeginX', 5],
          [21, 'EndX', 6],
          [22, 'BeginX', 6],
          [22, 'EndX', 7],
          [23, 'BeginX', 7],
          [23, 'EndX', 8],
          [24, 'BeginX', 7],
          [24, 'EndX', 9],
          [25, 'BeginX', 6],
          [25, 'EndX', 11],
        ],
      },
    ],
    FLOWCHART,
  );
}

describe('Visio flowchart stencils', () => {
  it('reads a cross-functional flowchart: swimlanes, process, decision, start/end, document, database and connectors', async () => {
    const { workspace, warnings } = await importVsdx(crossFunctional(), opts('order.vsdx'));
    const map = workspace.maps[0]!;
    expect(map.name).toBe('Order to cash');
    // Visio's y grows upwards: the lane drawn higher on the page comes first.
    expect(map.lanes.map((l) => l.name)).toEqual(['Customer', 'Sales']);
    expect(workspace.departments.map((d) => d.name)).toEqual(['Sales team']);
    expect(map.departmentId).toBe(workspace.departments[0]!.id);
    const laneOf = (label: string) => map.lanes.find((l) => l.id === map.nodes.find((n) => n.label === label)!.laneId)!.name;
    expect(map.nodes.map((n) => [n.kind, n.label, laneOf(n.label)])).toEqual([
      ['start', 'Wants a quote', 'Customer'],
      ['step', 'Place order', 'Customer'],
      ['decision', 'In stock?', 'Sales'],
      ['step', 'Pack goods', 'Sales'],
      ['end', '', 'Sales'],
      ['document', 'Invoice', 'Customer'],
      ['dataStore', 'Orders DB', 'Sales'],
    ]);
    expect(map.nodes.find((n) => n.label === 'Pack goods')!.manual).toBe(true);
    const label = (id: string) => map.nodes.find((n) => n.id === id)!.label;
    expect(map.flows.map((f) => [f.kind, label(f.from), label(f.to), f.label ?? ''])).toEqual([
      ['sequence', 'Wants a quote', 'Place order', ''],
      ['sequence', 'Place order', 'In stock?', ''],
      ['sequence', 'In stock?', 'Pack goods', 'Yes'],
      ['sequence', 'Pack goods', '', ''],
      ['data', 'Pack goods', 'Invoice', ''],
      ['data', 'In stock?', 'Orders DB', ''],
      ['data', 'Invoice', 'Place order', ''],
    ]);
    expect(workspace.dataStores.map((s) => s.name)).toEqual(['Orders DB']);
    expect(warnings.join(' ')).toMatch(/1 “Phase” shape .*left out/);
    expect(warnings.join(' ')).toMatch(/1 picture .*left out/);
    expectNodesInBands(map);
  });
});

describe('broken Visio files', () => {
  const importError = async (bytes: Uint8Array, name = 'bad.vsdx'): Promise<ImportError> => {
    try {
      await importVsdx(bytes, opts(name));
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error('expected an ImportError');
  };
  const flowchartPage = (xml: string) => {
    const files = { 'visio/pages/pages.xml': strToU8(`<Pages ${NS}><Page ID="0" Name="P"><Rel r:id="rId1"/></Page></Pages>`), 'visio/pages/_rels/pages.xml.rels': strToU8(rels(['page1.xml'])), 'visio/pages/page1.xml': strToU8(xml) };
    return zipSync(files);
  };

  it('refuses a truncated file, and bytes that are not a zip', async () => {
    const whole = vsdxBytes('B.1.0');
    expect((await importError(whole.slice(0, whole.length >> 1))).message).toMatch(/not a readable \.vsdx.*damaged or cut short/);
    expect((await importError(strToU8('just some text, not a drawing'))).message).toMatch(/not a readable \.vsdx/);
    expect((await importError(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).message).toMatch(/older binary Visio file \(\.vsd\).*save it as/);
  });

  it('refuses a zip that is not a Visio drawing, and one missing its page list', async () => {
    expect((await importError(zipSync({ 'word/document.xml': strToU8('<w/>') }), 'letter.vsdx')).message).toMatch(/“letter\.vsdx” is a zip file but not a Visio drawing/);
    expect((await importError(zipSync({ 'visio/document.xml': strToU8('<VisioDocument/>') }))).message).toMatch(/missing visio\/pages\/pages\.xml/);
  });

  it('refuses malformed XML inside, naming the part', async () => {
    expect((await importError(flowchartPage(`<PageContents ${NS}><Shapes><Shape ID="1">`))).message).toMatch(/visio\/pages\/page1\.xml is not well-formed XML/);
  });

  it('refuses a drawing with no shapes', async () => {
    expect((await importError(flowchartPage(`<PageContents ${NS}><Shapes/></PageContents>`), 'blank.vsdx')).message).toMatch(/“blank\.vsdx” has no shapes/);
  });

  it('refuses a zip whose parts claim to unpack to more than 50 MB each, before unpacking them', async () => {
    const bomb = crossFunctional().slice();
    const view = new DataView(bomb.buffer);
    // Every central directory entry (signature PK\1\2) claims 60 MB uncompressed.
    for (let i = 0; i + 4 < bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 60 * 1024 * 1024, true);
    expect((await importError(bomb)).message).toMatch(/a part \(“visio\/[\w/]+\.xml”\) of 60 MB once unpacked; Lanemap reads parts of up to 50 MB/);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    expect((await importError(new Uint8Array(21 * 1024 * 1024), 'huge.vsdx')).message).toMatch(/“huge\.vsdx” is 21\.0 MB.*20 MB/);
  });
});
