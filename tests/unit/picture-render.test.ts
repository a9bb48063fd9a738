import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { nodeBadges } from '../../src/core/analysis/focus';
import { demoWorkspace } from '../../src/core/demo';
import { renderMapSvg } from '../../src/core/picture';
import { fitNodeSize } from '../../src/core/drawing/nodeSize';
import { textWidth } from '../../src/core/drawing/textMetrics';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { type El, parseXmlTree } from './fixtures/xmlTree';

const NOW = '2026-11-22T10:00:00Z';
const ws = demoWorkspace(NOW);
const findings = analyzeWorkspace(ws);
const alumni = ws.maps.find((m) => m.id === 'm-alu')!;

// ---- A small reader for the SVG: an ordered tree, with each element's place on the page. ----

const parseSvg = (svg: string): El => parseXmlTree(svg, 'svg');

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** What a reader sees of a <text>: its lines joined by spaces. */
const textOf = (el: El): string => unescape([el.text, ...el.children.map((c) => c.text)].filter(Boolean).join(' '));
const texts = (root: El) => all(root).filter((e) => e.name === 'text').map(textOf);

/** Every point the drawing uses, in the picture's coordinates (translate() applied). */
function drawnPoints(root: El): { x: number; y: number; what: string }[] {
  const out: { x: number; y: number; what: string }[] = [];
  const walk = (el: El, ox: number, oy: number, size: number, anchor: string) => {
    const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(el.attrs.transform ?? '');
    if (t) {
      ox += Number(t[1]);
      oy += Number(t[2]);
    }
    size = Number(el.attrs['font-size'] ?? size);
    anchor = el.attrs['text-anchor'] ?? anchor;
    const a = (k: string) => Number(el.attrs[k] ?? 0);
    const add = (x: number, y: number) => out.push({ x: x + ox, y: y + oy, what: `${el.name} ${JSON.stringify(el.attrs).slice(0, 80)}` });
    if (el.name === 'rect') {
      add(a('x'), a('y'));
      add(a('x') + a('width'), a('y') + a('height'));
    } else if (el.name === 'circle') {
      add(a('cx') - a('r'), a('cy') - a('r'));
      add(a('cx') + a('r'), a('cy') + a('r'));
    } else if (el.name === 'polygon' || el.name === 'polyline') {
      for (const p of el.attrs.points!.trim().split(/\s+/)) {
        const [x, y] = p.split(',').map(Number);
        add(x!, y!);
      }
    } else if (el.name === 'path') {
      for (const [x, y] of pathPoints(el.attrs.d!)) add(x, y);
    } else if ((el.name === 'text' || el.name === 'tspan') && el.attrs.x !== undefined) {
      const line = unescape(el.text);
      const w = textWidth(line, size, el.attrs['font-weight'] === '700');
      const left = anchor === 'middle' ? a('x') - w / 2 : a('x');
      // DejaVu Sans, the widest usual face, reaches 0.93 em above the baseline and 0.24 below.
      add(left, a('y') - size * 0.93);
      add(left + w, a('y') + size * 0.24);
    }
    for (const c of el.children) walk(c, ox, oy, size, anchor);
  };
  walk(root, 0, 0, 16, 'start');
  return out;
}

/** End and control points of path data (M L H V Q A, absolute; a, relative). */
function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVQAZmlhvqaz])([^MLHVQAZmlhvqaz]*)/g)) {
    const n = (args!.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
    const step = { M: 2, L: 2, H: 1, V: 1, Q: 4, A: 7, a: 7, Z: 0, z: 0 }[cmd!] ?? 2;
    for (let i = 0; step > 0 && i < n.length; i += step) {
      if (cmd === 'H') x = n[i]!;
      else if (cmd === 'V') y = n[i]!;
      else if (cmd === 'Q') {
        out.push([n[i]!, n[i + 1]!]);
        [x, y] = [n[i + 2]!, n[i + 3]!];
      } else if (cmd === 'A') [x, y] = [n[i + 5]!, n[i + 6]!];
      else if (cmd === 'a') [x, y] = [x + n[i + 5]!, y + n[i + 6]!];
      else [x, y] = [n[i]!, n[i + 1]!];
      out.push([x, y]);
    }
  }
  return out;
}

function expectInsideViewBox(svg: string): void {
  const root = parseSvg(svg);
  const [vx, vy, vw, vh] = root.attrs.viewBox!.split(' ').map(Number);
  expect([vx, vy]).toEqual([0, 0]);
  expect(root.attrs.width).toBe(String(vw));
  const outside = drawnPoints(root).filter((p) => p.x < -0.1 || p.y < -0.1 || p.x > vw! + 0.1 || p.y > vh! + 0.1);
  expect(outside.slice(0, 5)).toEqual([]);
}

// ---- The tests ----

describe('SVG of a whole map', () => {
  it('is well-formed XML for every demo map, with and without badges and title', () => {
    for (const map of ws.maps) {
      for (const opts of [{}, { findings, title: true, date: '2026-11-23' }]) {
        const { svg, width, height } = renderMapSvg(map, ws, opts);
        expect(XMLValidator.validate(svg)).toBe(true);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(width).toBeGreaterThan(900);
        expect(height).toBeGreaterThan(200);
      }
    }
  });

  it('has every lane name, node label and flow label of a demo map as real text', () => {
    const root = parseSvg(renderMapSvg(alumni, ws).svg);
    const shown = texts(root);
    for (const lane of alumni.lanes) expect(shown).toContain(lane.name);
    for (const node of alumni.nodes) expect(shown).toContain(node.label.replace(/\s+/g, ' '));
    for (const flow of alumni.flows.filter((f) => f.label)) expect(shown).toContain(flow.label);
    // A department lent to a lane is named in its header, as in the editor.
    const lent = alumni.lanes.find((l) => l.departmentId && l.departmentId !== alumni.departmentId)!;
    expect(shown).toContain(ws.departments.find((d) => d.id === lent.departmentId)!.name);
  });

  it('draws every node with the shared outline and each flow with an arrowhead', () => {
    const root = parseSvg(renderMapSvg(alumni, ws).svg);
    const groups = all(root).filter((e) => e.name === 'g');
    expect(groups.filter((g) => /\bnode\b/.test(g.attrs.class ?? ''))).toHaveLength(alumni.nodes.length);
    const flows = groups.filter((g) => /^flow flow-/.test(g.attrs.class ?? ''));
    expect(flows).toHaveLength(alumni.flows.length);
    for (const f of flows) expect(f.children.some((c) => c.name === 'polygon' || c.name === 'polyline')).toBe(true);
    // Message flows start with a small circle, data flows are dashed: as the editor draws them.
    expect(flows.filter((f) => f.attrs.class === 'flow flow-message').every((f) => f.children.some((c) => c.name === 'circle'))).toBe(true);
    expect(flows.filter((f) => f.attrs.class === 'flow flow-data').every((f) => f.attrs['stroke-dasharray'] === '6 4')).toBe(true);
  });

  it('keeps everything it draws inside its viewBox, with title, badges and no padding too', () => {
    for (const map of ws.maps) {
      expectInsideViewBox(renderMapSvg(map, ws).svg);
      expectInsideViewBox(renderMapSvg(map, ws, { findings, title: true, date: '2026-11-23', padding: 0 }).svg);
    }
  });

  it('follows a routed flow through its points', () => {
    const flow = alumni.flows[0]!;
    const from = alumni.view.nodes[flow.from]!;
    const to = alumni.view.nodes[flow.to]!;
    const points: [number, number][] = [[from.x + from.width, from.y + 20], [from.x + from.width + 37, from.y + 20], [from.x + from.width + 37, to.y + 20], [to.x, to.y + 20]];
    const routed: ProcessMap = { ...alumni, view: { ...alumni.view, flowPoints: { [flow.id]: points } } };
    const root = parseSvg(renderMapSvg(routed, ws, { padding: 0 }).svg);
    const g = all(root).find((e) => e.attrs.class?.startsWith('flow flow-') && e.children[0]?.name === 'path' && pathPoints(e.children[0].attrs.d!).length === 4)!;
    const offset = /translate\(([-\d.]+),([-\d.]+)\)/.exec(all(root).find((e) => e.attrs.transform && e.children.some((c) => c.attrs.class === 'lanes'))!.attrs.transform!)!;
    const shifted = pathPoints(g.children[0]!.attrs.d!).map(([x, y]) => [Math.round(x - Number(offset[1])), Math.round(y - Number(offset[2]))]);
    expect(shifted).toEqual(points.map(([x, y]) => [Math.round(x), Math.round(y)]));
  });

  it('wraps a long label whole inside its shape, which grows to hold it, with no ellipsis', () => {
    const long = 'Check the applicant’s documents against the checklist and write to them about anything missing, then file everything in the shared drive';
    const map: ProcessMap = { ...alumni, nodes: alumni.nodes.map((n, i) => (i === 1 ? { ...n, kind: 'step', label: long } : n)) };
    const node = map.nodes[1]!;
    const box = map.view.nodes[node.id]!;
    const root = parseSvg(renderMapSvg(map, ws).svg);
    const g = all(root).find((e) => e.attrs.class === 'node node-step' && e.children.some((c) => c.name === 'text' && textOf(c).startsWith('Check the')))!;
    const lines = g.children.find((c) => c.name === 'text')!.children.map((t) => unescape(t.text));
    expect(lines.join(' ')).toBe(long);
    expect(lines.some((l) => l.includes('…'))).toBe(false);
    const drawn = fitNodeSize('step', long, box.width, box.height);
    expect(drawn.height).toBeGreaterThan(box.height);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(drawn.width - 24);
  });

  it('escapes every label: markup, ampersands and quotes stay text, control characters are dropped', () => {
    const evil = '<script>alert(1)</script> & \'q\' <img src=x onerror=alert(1)>';
    const wsEvil: Workspace = {
      ...ws,
      departments: ws.departments.map((d) => (d.id === alumni.departmentId ? { ...d, name: 'R&D <dept>' } : d)),
    };
    const map: ProcessMap = {
      ...alumni,
      name: 'Map "one" & <two>',
      lanes: alumni.lanes.map((l, i) => (i === 0 ? { ...l, name: 'Sales & <Marketing>' } : l)),
      nodes: alumni.nodes.map((n, i) => (i === 1 ? { ...n, label: evil, notes: 'Note with </title><script>x</script>' } : i === 2 ? { ...n, label: 'Bell\u0007 tab\u0001 and a lone \uD800 half' } : n)),
      flows: alumni.flows.map((f, i) => (i === 0 ? { ...f, label: 'yes <b>bold</b> & "no"' } : f)),
    };
    const { svg } = renderMapSvg(map, wsEvil, { title: true, date: '2026-11-23' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|<img|<b>/i);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const root = parseSvg(svg);
    const shown = texts(root);
    // Wrapped over lines, but every character of it is there as text.
    expect(shown.join('').replace(/\s+/g, '')).toContain(evil.replace(/\s+/g, ''));
    expect(shown).toContain('Sales & <Marketing>');
    expect(shown).toContain('yes <b>bold</b> & "no"');
    expect(shown).toContain('Bell tab and a lone  half');
    expect(shown).toContain('Map "one" & <two>');
    expect(shown.some((t) => t.startsWith('R&D <dept>'))).toBe(true);
    // Nothing in the file can run: no script elements, no event handlers, no links.
    for (const el of all(root)) {
      expect(el.name).not.toMatch(/^(script|foreignObject|a|image|use|iframe)$/i);
      for (const k of Object.keys(el.attrs)) expect(k).not.toMatch(/^on|href$/i);
    }
  });

  it('draws finding badges only when asked, one per node concerned, coloured by the worst severity', () => {
    const badgeGroups = (svg: string) => all(parseSvg(svg)).filter((e) => e.attrs.class === 'finding-badge');
    expect(badgeGroups(renderMapSvg(alumni, ws).svg)).toHaveLength(0);
    expect(badgeGroups(renderMapSvg(alumni, ws, { findings: [] }).svg)).toHaveLength(0);
    const expected = nodeBadges(findings, alumni, ws);
    expect(expected.size).toBeGreaterThan(3);
    const shown = badgeGroups(renderMapSvg(alumni, ws, { findings }).svg);
    expect(shown).toHaveLength(expected.size);
    const counts = shown.map((g) => `${textOf(g.children.find((c) => c.name === 'text')!)}/${g.attrs['data-severity']}`).sort();
    expect(counts).toEqual([...expected.values()].map((b) => `${b.count}/${b.severity}`).sort());
  });

  it('puts a title block with the map name, department and date above the map only when asked', () => {
    const dept = ws.departments.find((d) => d.id === alumni.departmentId)!.name;
    const titled = texts(parseSvg(renderMapSvg(alumni, ws, { title: true, date: '2026-11-23' }).svg));
    expect(titled).toContain(alumni.name);
    expect(titled).toContain(`${dept} · 2026-11-23`);
    const plain = renderMapSvg(alumni, ws);
    expect(texts(parseSvg(plain.svg))).not.toContain(alumni.name);
    expect(renderMapSvg(alumni, ws, { title: true, date: '2026-11-23' }).height).toBeGreaterThan(plain.height + 40);
    // Without a date the title block says today.
    expect(renderMapSvg(alumni, ws, { title: true }).svg).toContain(new Date().toISOString().slice(0, 10));
  });

  it('wraps a long department and map name in the title block, growing it, never cutting with "…"', () => {
    // 120 characters in capitals, as some organisations write their departments: wider than the map.
    const longDept = 'WIDENING PARTICIPATION, OUTREACH, SCHOOLS LIAISON, MATURE STUDENTS AND ACCESS WORKING GROUP, MANCHESTER WEST CAMPUS UNIT';
    expect(longDept).toHaveLength(120);
    const mapName = 'Handling a returning alumnus who asks to update their contact details, mailing preferences and donation records';
    const wsLong: Workspace = { ...ws, departments: ws.departments.map((d) => (d.id === alumni.departmentId ? { ...d, name: longDept } : d)) };
    // A small map (one step), so the block is narrower than the department's line.
    const first = alumni.nodes.find((n) => n.kind === 'step')!;
    const small: ProcessMap = { ...alumni, nodes: [first], flows: [], view: { ...alumni.view, nodes: { [first.id]: alumni.view.nodes[first.id]! }, flowPoints: {} } };
    const named: ProcessMap = { ...small, name: mapName };
    const short = renderMapSvg(small, ws, { title: true, date: '2026-11-23' });
    const { svg, height } = renderMapSvg(named, wsLong, { title: true, date: '2026-11-23' });
    expect(svg).not.toContain('…');
    const block = all(parseSvg(svg)).find((e) => e.attrs.class === 'title-block')!;
    const lines = block.children.flatMap((t) => (t.children.length ? t.children : [t]));
    const words = lines.map((l) => unescape(l.text)).join(' ').split(/\s+/);
    // Every word of the name, the department and the date, in order.
    expect(words).toEqual(`${mapName} ${longDept} · 2026-11-23`.split(/\s+/));
    // The department's line wrapped, so the block grew, and every line is inside the block's width.
    const subText = block.children[1]!;
    expect(textWidth(`${longDept} · 2026-11-23`, 12.5)).toBeGreaterThan(Number(parseSvg(svg).attrs.width) - 32);
    expect(subText.children.length).toBeGreaterThan(1);
    expect(height).toBeGreaterThan(short.height);
    // Inside the block: within the picture's 16 px margins, and all of it above the map.
    const root = parseSvg(svg);
    const outer = root.children.find((c) => c.name === 'g')!;
    const titlePoints = drawnPoints({ ...outer, children: outer.children.filter((c) => c.attrs.class === 'title-block') });
    const mapPoints = drawnPoints({ ...outer, children: outer.children.filter((c) => c.attrs.class !== 'title-block') });
    const width = Number(root.attrs.width);
    for (const p of titlePoints) {
      expect(p.x).toBeGreaterThanOrEqual(16 - 0.5);
      expect(p.x).toBeLessThanOrEqual(width - 16 + 0.5);
    }
    expect(Math.max(...titlePoints.map((p) => p.y))).toBeLessThan(Math.min(...mapPoints.map((p) => p.y)));
    // Lines below one another.
    const ys = lines.map((l) => Number(l.attrs.y));
    ys.slice(1).forEach((y, i) => expect(y).toBeGreaterThan(ys[i]!));
    expectInsideViewBox(svg);
  });

  it('gives the same bytes for the same map every time', () => {
    const a = renderMapSvg(alumni, ws, { findings, title: true, date: '2026-11-23' });
    const b = renderMapSvg(structuredClone(alumni), structuredClone(ws), { findings: structuredClone(findings), title: true, date: '2026-11-23' });
    expect(b.svg).toBe(a.svg);
    expect(b.width).toBe(a.width);
  });

  it('draws a map whose nodes have no positions with the quick layout instead of failing', () => {
    const bare: ProcessMap = { ...alumni, view: { nodes: {}, laneHeights: {}, flowPoints: {} } };
    const { svg } = renderMapSvg(bare, ws);
    const shown = texts(parseSvg(svg));
    for (const node of alumni.nodes) expect(shown).toContain(node.label);
    expect(all(parseSvg(svg)).filter((e) => e.attrs.class === 'flow flow-sequence').length).toBeGreaterThan(5);
    expectInsideViewBox(svg);
  });

  it('says so when a map is empty, and gives a valid picture', () => {
    const empty: ProcessMap = { ...alumni, lanes: [], nodes: [], flows: [], view: { nodes: {}, laneHeights: {}, flowPoints: {} } };
    const { svg, width } = renderMapSvg(empty, ws);
    expect(texts(parseSvg(svg))).toContain('This map has no lanes or steps yet.');
    expect(width).toBeGreaterThan(0);
    expectInsideViewBox(svg);
  });

  it('names fonts with fallbacks and says what the picture is', () => {
    const root = parseSvg(renderMapSvg(alumni, ws).svg);
    expect(root.attrs['font-family']).toMatch(/Segoe UI.*Arial.*sans-serif$/);
    expect(root.attrs.role).toBe('img');
    expect(root.children[0]!.name).toBe('title');
    expect(root.children[0]!.text).toContain(alumni.name);
  });
});
