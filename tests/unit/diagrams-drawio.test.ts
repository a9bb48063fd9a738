import { readFileSync } from 'node:fs';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDrawio } from '../../src/core/diagrams/drawio';
import { htmlToText } from '../../src/core/diagrams/drawio/htmlText';
import { ImportError } from '../../src/core/formats/importResult';
import { laneBands } from '../../src/core/model/geometry';
import type { ProcessMap } from '../../src/core/model/types';

const NOW = '2026-11-23T10:00:00Z';
const CORPUS = '../shared/corpus/drawio';
const FILES = ['cross_functional_flowchart_1', 'cross_functional_flowchart_2'];
const read = (name: string) => readFileSync(`${CORPUS}/${name}.drawio`, 'utf8');
const opts = (fileName: string) => ({ fileName, now: NOW });

/** The test's own unpacking of a compressed page: base64, raw inflate, URI decoding. */
function unpack(base64: string): string {
  const inflated = inflateSync(new Uint8Array(Buffer.from(base64.trim(), 'base64')));
  return decodeURIComponent(new TextDecoder().decode(inflated));
}

function plainCopy(file: string): string {
  return file.replace(/(<diagram[^>]*>)([^<]+)(<\/diagram>)/g, (_, open: string, packed: string, close: string) => open + unpack(packed) + close);
}

interface RawCell {
  id: string;
  parent?: string;
  value: string;
  style: string;
  vertex: boolean;
  edge: boolean;
  source?: string;
  target?: string;
}

/** Cells by a plain regular expression over the page XML: no code shared with the importer. */
function rawCells(xml: string): RawCell[] {
  return [...xml.matchAll(/<mxCell ([^>]*?)\/?>/g)].map((m) => {
    const a = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    return { id: a.id!, parent: a.parent, value: a.value ?? '', style: a.style ?? '', vertex: a.vertex === '1', edge: a.edge === '1', source: a.source, target: a.target };
  });
}

/** What each cell should become, read from its style the way the template's author drew it. */
function expectedKind(style: string): string {
  if (/rhombus|flowchart\.decision|background=gateway/.test(style)) return 'decision';
  if (/^ellipse/.test(style)) return /strokeWidth=2/.test(style) ? 'end' : 'start';
  return 'step';
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((t, x) => ({ ...t, [x]: (t[x] ?? 0) + 1 }), {});

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

describe('draw.io corpus files', () => {
  for (const name of FILES) {
    it(`${name}: lanes, nodes by kind and lane, and flows match the cells drawn`, () => {
      const file = read(name);
      const page = unpack(/<diagram[^>]*>([^<]+)<\/diagram>/.exec(file)![1]!);
      const cells = rawCells(page);
      const byId = new Map(cells.map((c) => [c.id, c]));
      const isLane = (c: RawCell) => c.style.startsWith('swimlane');
      const lanes = cells.filter((c) => isLane(c) && byId.get(c.parent ?? '') && isLane(byId.get(c.parent!)!));
      const shapes = cells.filter((c) => c.vertex && !isLane(c));
      const edges = cells.filter((c) => c.edge && c.source && c.target);

      const { workspace } = importDrawio(file, opts(`${name}.drawio`));
      expect(workspace.maps).toHaveLength(1);
      const map = workspace.maps[0]!;
      expect(map.name).toBe(name);
      expect(map.lanes.map((l) => l.name).sort()).toEqual(lanes.map((l) => l.value).sort());
      const laneName = new Map(map.lanes.map((l) => [l.id, l.name]));
      expect(tally(map.nodes.map((n) => `${n.kind} in ${laneName.get(n.laneId)}`))).toEqual(tally(shapes.map((s) => `${expectedKind(s.style)} in ${byId.get(s.parent!)!.value}`)));
      expect(map.flows).toHaveLength(edges.length);
      expect(map.flows.every((f) => f.kind === 'sequence')).toBe(true);
      expect(tally(map.flows.map((f) => f.label ?? ''))).toEqual(tally(edges.map((e) => e.value)));
      expectNodesInBands(map);
    });
  }

  it('reads the lanes of a vertical pool (side by side) as bands from top to bottom, in their left-to-right order', () => {
    const { workspace } = importDrawio(read(FILES[0]!), opts('a.drawio'));
    expect(workspace.maps[0]!.lanes.map((l) => l.name)).toEqual(['Lane 1', 'Lane 2', 'Lane 3', 'Lane 4', 'Lane 5', 'Lane 6']);
  });

  it('reads a plain (uncompressed) copy exactly as the compressed original', () => {
    for (const name of FILES) {
      const packed = importDrawio(read(name), opts(`${name}.drawio`)).workspace;
      const plainText = plainCopy(read(name));
      expect(plainText).toContain('<mxGraphModel');
      const plain = importDrawio(plainText, opts(`${name}.drawio`)).workspace;
      const strip = (ws: typeof plain) => ws.maps.map((m) => ({ lanes: m.lanes.map((l) => l.name), nodes: m.nodes.map((n) => [n.kind, n.label]), flows: m.flows.length, boxes: m.nodes.map((n) => m.view.nodes[n.id]), heights: m.lanes.map((l) => m.view.laneHeights[l.id]) }));
      expect(strip(plain)).toEqual(strip(packed));
      // A bare <mxGraphModel>, as "Export as XML" writes it, reads the same too.
      const bare = /<mxGraphModel[\s\S]*<\/mxGraphModel>/.exec(plainText)![0];
      expect(strip(importDrawio(bare, opts(`${name}.xml`)).workspace)).toEqual(strip(packed));
    }
  });

  it('gives the same ids for the same file, so a second import is recognisable', () => {
    const a = importDrawio(read(FILES[1]!), opts('x.drawio')).workspace;
    const b = importDrawio(read(FILES[1]!), opts('x.drawio')).workspace;
    expect(b.maps[0]!.nodes.map((n) => n.id)).toEqual(a.maps[0]!.nodes.map((n) => n.id));
  });
});

/** A one-page plain draw.io file around the given cells (layer "1" is the drawing). */
const drawio = (cells: string, page = '<diagram id="d1" name="Orders">') =>
  `<mxfile host="test">${page}<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells}</root></mxGraphModel></diagram></mxfile>`;
const geo = (x: number, y: number, w: number, h: number) => `<mxGeometry x="${x}" y="${y}" width="${w}" height="${h}" as="geometry"/>`;
const vertex = (id: string, parent: string, style: string, value: string, g: string) => `<mxCell id="${id}" value="${value}" style="${style}" vertex="1" parent="${parent}">${g}</mxCell>`;
const edge = (id: string, s: string, t: string, style = '', value = '') => `<mxCell id="${id}" value="${value}" style="${style}" edge="1" parent="1" source="${s}" target="${t}"><mxGeometry relative="1" as="geometry"/></mxCell>`;

describe('draw.io shapes, labels and lanes', () => {
  it('reduces HTML labels to text: tags dropped, breaks and blocks as line breaks, entities decoded', () => {
    expect(htmlToText('<div>Check<br>order&nbsp;<b>form</b></div><div>R&amp;D &lt;fast&gt; &#8211; caf&eacute;</div>')).toBe('Check\norder form\nR&D <fast> – café');
    expect(htmlToText('a < b and <i>c</i>\n  d<script>alert(1)</script><br/>e')).toBe('a < b and c d\ne');
    const cells = vertex('s', '1', 'rounded=1;html=1;', '&lt;div&gt;Check&lt;br&gt;&lt;b&gt;order&lt;/b&gt;&amp;nbsp;form&lt;/div&gt;', geo(0, 0, 120, 60)) + vertex('n', '1', 'text;html=1;', 'First line&lt;br&gt;Second line', geo(0, 100, 120, 60)) + vertex('p', '1', 'rounded=1;', '&lt;b&gt;not html&lt;/b&gt;', geo(200, 0, 120, 60));
    const map = importDrawio(drawio(cells), opts('a.drawio')).workspace.maps[0]!;
    const label = (id: string) => map.nodes.find((n) => n.id.endsWith(`-${id}`))!;
    expect(label('s').label).toBe('Check order form');
    expect(label('n')).toMatchObject({ kind: 'note', label: 'First line\nSecond line' });
    expect(label('p').label).toBe('<b>not html</b>');
  });

  it('tells steps, decisions, starts, ends, stores, documents and notes by style', () => {
    const cells = [
      vertex('a', '1', 'ellipse;', 'Enquiry arrives', geo(0, 0, 40, 40)),
      vertex('b', '1', 'rounded=1;', 'Log enquiry', geo(100, 0, 120, 60)),
      vertex('c', '1', 'rhombus;', 'Complete?', geo(300, 0, 80, 80)),
      vertex('d', '1', 'shape=doubleEllipse;', '', geo(450, 0, 40, 40)),
      vertex('e', '1', 'shape=cylinder3;boundedLbl=1;', 'Enquiries DB', geo(100, 120, 60, 80)),
      vertex('f', '1', 'shape=document;', 'Offer letter', geo(300, 120, 100, 60)),
      vertex('g', '1', 'shape=note;', 'Takes 3 days', geo(450, 120, 100, 60)),
      vertex('h', '1', 'shape=mxgraph.flowchart.manual_input;', 'Type in form', geo(600, 0, 100, 60)),
      vertex('i', '1', 'shape=mxgraph.bpmn.shape;outline=end;symbol=terminate;', 'Closed', geo(750, 0, 40, 40)),
      vertex('j', '1', 'shape=image;image=data:image/png,xyz;', '', geo(750, 120, 40, 40)),
      vertex('k', '1', 'shape=mxgraph.aws4.lambda;', '', geo(800, 120, 40, 40)),
      edge('e1', 'a', 'b'),
      edge('e2', 'b', 'c'),
      edge('e3', 'c', 'd', '', 'yes'),
      edge('e4', 'b', 'e'),
      edge('e5', 'f', 'b'),
      edge('e6', 'g', 'b', 'dashed=1;'),
      edge('e7', 'c', 'x-missing'),
    ].join('');
    const { workspace, warnings } = importDrawio(drawio(cells), opts('a.drawio'));
    const map = workspace.maps[0]!;
    const kind = (id: string) => map.nodes.find((n) => n.id.endsWith(`-${id}`));
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) => kind(id)?.kind)).toEqual(['start', 'step', 'decision', 'end', 'dataStore', 'document', 'note', 'step', 'end']);
    expect(kind('h')!.manual).toBe(true);
    expect(kind('j')).toBeUndefined();
    expect(warnings.join(' ')).toMatch(/2 pictures or icons .*left out/);
    expect(warnings.join(' ')).toMatch(/1 connector without a shape at both ends/);
    expect(map.flows.map((f) => f.kind)).toEqual(['sequence', 'sequence', 'sequence', 'data', 'data', 'data']);
    expect(map.flows[2]!.label).toBe('yes');
    // The store is in the catalogue, and the node points at it.
    expect(workspace.dataStores).toEqual([expect.objectContaining({ name: 'Enquiries DB', kind: 'database' })]);
    expect(kind('e')!.refId).toBe(workspace.dataStores[0]!.id);
  });

  it('tells a start from an end drawn with the same ellipse by its words, then its connections', () => {
    const cells = [
      vertex('s', '1', 'ellipse;strokeWidth=2;', '', geo(0, 0, 40, 40)),
      vertex('t', '1', 'rounded=1;', 'Work', geo(100, 0, 120, 60)),
      vertex('u', '1', 'ellipse;', '', geo(300, 0, 40, 40)),
      vertex('v', '1', 'ellipse;', 'Order finished', geo(300, 100, 40, 40)),
      edge('e1', 's', 't'),
      edge('e2', 't', 'u'),
    ].join('');
    const map = importDrawio(drawio(cells), opts('a.drawio')).workspace.maps[0]!;
    expect(map.nodes.map((n) => n.kind)).toEqual(['start', 'step', 'end', 'end']);
  });

  it('makes each pool a department; nested swimlanes become lanes named by their path; a pool without lanes is one lane', () => {
    const cells = [
      vertex('pool', '1', 'swimlane;horizontal=0;', 'Admissions', geo(0, 0, 800, 400)),
      vertex('l1', 'pool', 'swimlane;horizontal=0;', 'Front desk', geo(20, 0, 780, 200)),
      vertex('l2', 'pool', 'swimlane;horizontal=0;', 'Back office', geo(20, 200, 780, 200)),
      vertex('l2a', 'l2', 'swimlane;horizontal=0;', 'Checks', geo(20, 0, 760, 100)),
      vertex('l2b', 'l2', 'swimlane;horizontal=0;', 'Filing', geo(20, 100, 760, 100)),
      vertex('s1', 'l1', 'rounded=1;', 'Greet', geo(100, 60, 120, 60)),
      vertex('s2', 'l2b', 'rounded=1;', 'File it', geo(100, 20, 120, 60)),
      vertex('other', '1', 'swimlane;horizontal=0;', 'Finance', geo(0, 450, 800, 150)),
      vertex('s3', 'other', 'rounded=1;', 'Invoice', geo(100, 40, 120, 60)),
      edge('m', 's2', 's3', 'dashed=1;'),
      edge('q', 's1', 's2', 'dashed=1;'),
    ].join('');
    const { workspace } = importDrawio(drawio(cells), opts('a.drawio'));
    const map = workspace.maps[0]!;
    expect(map.name).toBe('Orders');
    expect(map.lanes.map((l) => l.name)).toEqual(['Front desk', 'Back office / Checks', 'Back office / Filing', 'Finance']);
    expect(workspace.departments.map((d) => d.name)).toEqual(['Admissions', 'Finance']);
    const dep = (name: string) => workspace.departments.find((d) => d.name === name)!.id;
    expect(map.lanes.map((l) => l.departmentId)).toEqual([dep('Admissions'), dep('Admissions'), dep('Admissions'), dep('Finance')]);
    const laneOf = (label: string) => map.lanes.find((l) => l.id === map.nodes.find((n) => n.label === label)!.laneId)!.name;
    expect(['Greet', 'File it', 'Invoice'].map(laneOf)).toEqual(['Front desk', 'Back office / Filing', 'Finance']);
    // Dashed across pools is a message; dashed within one pool stays a sequence flow.
    expect(map.flows.map((f) => f.kind)).toEqual(['message', 'sequence']);
    expectNodesInBands(map);
  });

  it('keeps the shapes of a group, each page as a map, and one catalogue store per name across pages', () => {
    const page1 = vertex('g', '1', 'group', '', geo(100, 100, 300, 100)) + vertex('a', 'g', 'rounded=1;', 'Inside', geo(10, 10, 120, 60)) + vertex('db', '1', 'shape=cylinder;', 'CRM', geo(0, 0, 60, 80));
    const page2 = vertex('db', '1', 'shape=datastore;', 'crm', geo(0, 0, 60, 80));
    const file = `<mxfile><diagram id="p1" name="Intake"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${page1}</root></mxGraphModel></diagram><diagram id="p2" name="Billing"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${page2}</root></mxGraphModel></diagram><diagram id="p3" name="Blank"/></mxfile>`;
    const { workspace, warnings } = importDrawio(file, opts('two.drawio'));
    expect(workspace.maps.map((m) => m.name)).toEqual(['Intake', 'Billing']);
    expect(workspace.dataStores).toHaveLength(1);
    expect(workspace.maps.map((m) => m.nodes.find((n) => n.kind === 'dataStore')!.refId)).toEqual([workspace.dataStores[0]!.id, workspace.dataStores[0]!.id]);
    const inside = workspace.maps[0]!.nodes.find((n) => n.label === 'Inside')!;
    // The group's corner (100, 100) plus the shape's own offset: it lies right of the store.
    expect(workspace.maps[0]!.view.nodes[inside.id]!.x).toBeGreaterThan(workspace.maps[0]!.view.nodes[workspace.maps[0]!.nodes.find((n) => n.kind === 'dataStore')!.id]!.x);
    expect(warnings.join(' ')).toMatch(/1 group on “Intake” dissolved/);
    expect(warnings.join(' ')).toMatch(/“Blank” is empty/);
  });

  it('keeps shapes drawn on or inside another shape visible: a boundary event goes below its task, a sub-process box stands on its edge', () => {
    const cells = [
      vertex('pool', '1', 'swimlane;', 'Office', geo(0, 0, 900, 400)),
      vertex('l1', 'pool', 'swimlane;horizontal=0;', 'Clerk', geo(0, 0, 900, 200)),
      vertex('l2', 'pool', 'swimlane;horizontal=0;', 'Manager', geo(0, 200, 900, 200)),
      vertex('task', 'l1', 'rounded=1;', 'Check claim', geo(100, 120, 120, 60)),
      // A timer on the task's bottom border, its centre on the line.
      vertex('timer', 'l1', 'shape=mxgraph.bpmn.shape;outline=boundInt;symbol=timer;', 'After 3 days', geo(185, 165, 30, 30)),
      vertex('sub', 'l2', 'rounded=1;container=1;', 'Approve', geo(300, 40, 400, 140)),
      vertex('inner', 'sub', 'rounded=1;', 'Sign off', geo(140, 40, 120, 60)),
    ].join('');
    const map = importDrawio(drawio(cells), opts('a.drawio')).workspace.maps[0]!;
    const node = (label: string) => map.nodes.find((n) => n.label === label)!;
    const box = (label: string) => map.view.nodes[node(label).id]!;
    const apart = (a: string, b: string) => {
      const [p, q] = [box(a), box(b)];
      return p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
    };
    expect(node('After 3 days').laneId).toBe(node('Check claim').laneId);
    expect(box('After 3 days').y).toBeGreaterThanOrEqual(box('Check claim').y + box('Check claim').height);
    expect(node('Approve').kind).toBe('step');
    expect(apart('Approve', 'Sign off')).toBe(true);
    expect(node('Approve').laneId).toBe(node('Sign off').laneId);
    expectNodesInBands(map);
  });

  it('takes an edge label drawn as a separate label cell', () => {
    const cells = vertex('a', '1', 'rhombus;', 'OK?', geo(0, 0, 80, 80)) + vertex('b', '1', '', 'Next', geo(200, 0, 120, 60)) + edge('e', 'a', 'b') + `<mxCell id="lbl" value="Yes" style="edgeLabel;html=1;" vertex="1" connectable="0" parent="e"><mxGeometry x="-0.2" relative="1" as="geometry"/></mxCell>`;
    const map = importDrawio(drawio(cells), opts('a.drawio')).workspace.maps[0]!;
    expect(map.nodes).toHaveLength(2);
    expect(map.flows[0]!.label).toBe('Yes');
  });

  it('reads cells wrapped in <UserObject> with their label', () => {
    const cells = `<UserObject label="Approve" owner="Ann" id="u1"><mxCell style="rounded=1;" vertex="1" parent="1">${geo(0, 0, 120, 60)}</mxCell></UserObject>`;
    expect(importDrawio(drawio(cells), opts('a.drawio')).workspace.maps[0]!.nodes[0]!.label).toBe('Approve');
  });
});

describe('broken draw.io files', () => {
  const importError = (text: string, name = 'bad.drawio'): ImportError => {
    try {
      importDrawio(text, opts(name));
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error('expected an ImportError');
  };

  it('refuses a truncated file and says where it breaks', () => {
    const file = read(FILES[0]!);
    const cut = importError(file.slice(0, Math.floor(file.length / 2))).message;
    // In a person's words: where the text stops and what was left open, not the parser's list.
    expect(cut).toMatch(/cannot be read\. The text ends at line \d+ with <mxfile>, <diagram> still open: the file was probably cut short/);
    expect(cut).not.toContain("Invalid '[");
    const plain = plainCopy(file);
    expect(importError(plain.slice(0, Math.floor(plain.length * 0.7))).message).toMatch(/line \d+/);
  });

  it('refuses a compressed page that does not unpack, naming the page', () => {
    expect(importError('<mxfile><diagram name="Main">this is not base64 !!</diagram></mxfile>').message).toMatch(/“Main”.*damaged/);
    expect(importError('<mxfile><diagram name="Main">AAAAAAAA</diagram></mxfile>').message).toMatch(/“Main”/);
    const broken = Buffer.from(encodeURIComponent('<mxGraphModel><root><mxCell id="0">')).toString('base64');
    expect(importError(`<mxfile><diagram name="Main">${broken}</diagram></mxfile>`).message).toMatch(/“Main”/);
  });

  it('refuses a file with nothing drawn, and files that are not draw.io at all', () => {
    expect(importError('<mxfile><diagram id="a" name="Page-1"/></mxfile>', 'empty.drawio').message).toMatch(/“empty\.drawio” has no shapes/);
    expect(importError(drawio(''), 'blank.drawio').message).toMatch(/no shapes/);
    expect(importError('').message).toMatch(/empty/);
    expect(importError('<svg xmlns="http://www.w3.org/2000/svg"/>').message).toMatch(/not a draw\.io diagram/);
  });

  it('refuses a file over 20 MB before reading it', () => {
    const big = `<mxfile>${' '.repeat(21 * 1024 * 1024)}</mxfile>`;
    expect(importError(big, 'big.drawio').message).toMatch(/“big\.drawio” is 21\.0 MB.*20 MB/);
  });

  it('does not go round in circles when a file repeats a cell id as its own child', () => {
    const cells = vertex('a', '1', 'rounded=1;', 'One', geo(0, 0, 100, 60)) + vertex('a', 'a', 'rounded=1;', 'Two', geo(10, 10, 100, 60));
    const map = importDrawio(drawio(cells), opts('a.drawio')).workspace.maps[0]!;
    expect(map.nodes.map((n) => n.label)).toEqual(['One']);
  });
});
