import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import { nodeMarks, sideBySideWidth } from '../../src/core/drawing/nodeMarks';
import { textWidth } from '../../src/core/drawing/textMetrics';
import { SCREEN_TEXT } from '../../src/core/drawing/textStyle';
import { NODE_SIZE } from '../../src/core/model/geometry';
import type { Id, MapNode, ProcessMap, Workspace } from '../../src/core/model/types';
import type { Badge } from '../../src/core/picture/drawNodes';
import { printLayout } from '../../src/core/picture/print/printLayout';
import { renderPrintSvg } from '../../src/core/picture/print/printParts';
import { numberedBadges } from '../../src/core/report/pictures/mapPictures';
import { type El, parseXmlTree } from './fixtures/xmlTree';

// Issue 15: on paper a step is about an inch wide, and a badge of several finding numbers
// ("F2 F5 F9") on its top right edge used to cover the "manual" tag on its top left. Each mark
// has its own place, and neither covers the other or a line of the label.

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  what: string;
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const rectOf = (r: El, what: string): Rect => {
  const x = Number(r.attrs.x);
  const y = Number(r.attrs.y);
  return { x0: x, y0: y, x1: x + Number(r.attrs.width), y1: y + Number(r.attrs.height), what };
};
const meets = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Per node drawn in the SVG: its label's lines, its manual tag, notes mark and finding badge, in the node's own coordinates. */
function drawnMarks(svg: string): { label: string; at: [number, number]; boxes: Rect[]; badge?: Rect; manual?: Rect }[] {
  return all(parseXmlTree(svg, 'svg'))
    .filter((g) => g.name === 'g' && /\bnode-/.test(g.attrs.class ?? ''))
    .map((g) => {
      const boxes: Rect[] = [];
      let label = '';
      let manual: Rect | undefined;
      let badge: Rect | undefined;
      g.children.forEach((c, i) => {
        const next = g.children[i + 1];
        if (c.name === 'rect' && next?.name === 'text') {
          const r = rectOf(c, `tag "${unescape(next.text)}"`);
          if (next.text === 'manual') manual = r;
          boxes.push(r);
        } else if (c.name === 'text' && g.children[i - 1]?.name !== 'rect') {
          // The label: a line per tspan (or the text itself), each its advance wide, ascent to descent.
          const size = Number(c.attrs['font-size'] ?? 13);
          const start = c.attrs['text-anchor'] === 'start';
          const lines = c.children.length ? c.children : [c];
          label = lines.map((l) => unescape(l.text)).join(' ');
          for (const l of lines) {
            const w = textWidth(unescape(l.text), size);
            const x = Number(l.attrs.x ?? c.attrs.x);
            const y = Number(l.attrs.y);
            const x0 = start ? x : x - w / 2;
            boxes.push({ x0, x1: x0 + w, y0: y - 0.928 * size, y1: y + 0.236 * size, what: `line "${unescape(l.text)}"` });
          }
        } else if (c.name === 'g' && c.attrs.class === 'finding-badge') {
          badge = rectOf(c.children.find((r) => r.name === 'rect')!, `badge "${c.children.find((t) => t.name === 'text')!.text}"`);
          boxes.push(badge);
        }
      });
      const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.attrs.transform!)!;
      return { label, at: [Number(t[1]), Number(t[2])] as [number, number], boxes, badge, manual };
    });
}

/** No two of a node's boxes (label lines apart, which sit under one another) meet. */
function expectNothingCovered(svg: string, where: string): number {
  let checked = 0;
  for (const node of drawnMarks(svg)) {
    const marks = node.boxes.filter((b) => !b.what.startsWith('line'));
    for (const m of marks) {
      for (const other of node.boxes) {
        if (other !== m) expect(meets(m, other), `${where}, "${node.label}": ${m.what} covers ${other.what}`).toBe(false);
      }
    }
    if (node.badge && node.manual) checked++;
  }
  return checked;
}

/** No node's marks cover a line of another node's label (the picture's own coordinates). */
function expectNoMarkOnOthers(svg: string, where: string): void {
  const nodes = drawnMarks(svg).map((n) => ({ ...n, abs: n.boxes.map((b) => ({ ...b, x0: b.x0 + n.at[0], x1: b.x1 + n.at[0], y0: b.y0 + n.at[1], y1: b.y1 + n.at[1] })) }));
  for (const a of nodes) {
    for (const b of nodes) {
      if (a === b) continue;
      for (const m of a.abs.filter((r) => !r.what.startsWith('line'))) {
        for (const line of b.abs.filter((r) => r.what.startsWith('line'))) expect(meets(m, line), `${where}: ${m.what} of "${a.label}" covers ${line.what} of "${b.label}"`).toBe(false);
      }
    }
  }
}

/** No flow's label box meets a node's mark (tag, notes mark, badge) in the drawn picture. */
function expectNoLabelOnMarks(svg: string, where: string): number {
  const marks = drawnMarks(svg).flatMap((n) => n.boxes.filter((b) => !b.what.startsWith('line')).map((b) => ({ ...b, x0: b.x0 + n.at[0], x1: b.x1 + n.at[0], y0: b.y0 + n.at[1], y1: b.y1 + n.at[1], node: n.label })));
  const labels = all(parseXmlTree(svg, 'svg')).filter((g) => g.name === 'g' && g.attrs.class === 'flow-label');
  for (const g of labels) {
    const box = rectOf(g.children.find((c) => c.name === 'rect')!, `flow label "${unescape(g.children.find((c) => c.name === 'text')!.text)}"`);
    for (const m of marks) expect(meets(box, m), `${where}: ${box.what} sits on the ${m.what} of "${m.node}"`).toBe(false);
  }
  return labels.length;
}

const refsOf = (ws: Workspace) => {
  const findings = analyzeWorkspace(ws);
  return { findings, refs: new Map(findings.map((f, i) => [f.id, `F${i + 1}`])) };
};
const texts = (badges: Map<Id, Badge>) => new Map([...badges].map(([id, b]) => [id, b.text ?? String(b.count)]));

describe('marks on paper have their own place', () => {
  it('over the demo maps laid out for print with their numbered findings, every other step done by hand; no flow label on a mark', () => {
    const base = demoWorkspace('2026-12-01T00:00:00Z');
    let k = 0;
    const ws: Workspace = { ...base, maps: base.maps.map((m) => ({ ...m, nodes: m.nodes.map((n) => (n.kind === 'step' && k++ % 2 === 0 ? { ...n, manual: true } : n)) })) };
    const { findings, refs } = refsOf(ws);
    let both = 0;
    let several = 0;
    let flowLabels = 0;
    for (const map of ws.maps) {
      const badges = numberedBadges(findings, refs, map, ws);
      several += [...badges.values()].filter((b) => (b.text ?? '').includes(' ')).length;
      // As the report lays it out: steps widened for both marks.
      const { svg } = renderPrintSvg(printLayout(map, ws.departments, texts(badges)), ws, { badges });
      both += expectNothingCovered(svg, map.name);
      expectNoMarkOnOthers(svg, map.name);
      flowLabels += expectNoLabelOnMarks(svg, map.name);
    }
    expect(flowLabels).toBeGreaterThan(10);
    // The test is about something: steps with both marks, and badges with several numbers.
    expect(both).toBeGreaterThan(5);
    expect(several).toBeGreaterThan(3);
  });

  it('over narrow generated steps, manual, with badges of 1 to 6 finding numbers', () => {
    const ws = demoWorkspace('2026-12-01T00:00:00Z');
    const source = ws.maps[0]!;
    const lane = source.lanes[0]!.id;
    // What numberedBadges writes for 1 to 6 findings: three numbers at most, then "+n".
    const badgeTexts = ['F9', 'F12 F5', 'F12 F15 F19', 'F12 F15 F19 +1', 'F12 F15 F19 +2', 'F12 F15 F19 +3'];
    const labels = ['Post', 'Check form', 'Send the confirmation letter', 'Key the applicant record into the student system by hand'];
    const nodes: MapNode[] = [];
    const badges = new Map<Id, Badge>();
    labels.forEach((label, li) =>
      badgeTexts.forEach((text, bi) => {
        const id = `g-${li}-${bi}`;
        nodes.push({ id, kind: 'step', laneId: lane, label, manual: true, ...(bi % 2 ? { notes: 'Typed again from paper.' } : {}) });
        badges.set(id, { count: bi + 1, severity: 'medium', text });
      }),
    );
    // Four rows of six in one lane: a grid the print layout keeps as columns.
    const view = { nodes: Object.fromEntries(nodes.map((n, i) => [n.id, { x: 200 + (i % 6) * 200, y: 40 + Math.floor(i / 6) * 120, width: 160, height: 60 }])), laneHeights: { [lane]: 600 }, flowPoints: {} };
    const map: ProcessMap = { ...source, lanes: [source.lanes[0]!], nodes, flows: [], view };
    const widened = renderPrintSvg(printLayout(map, ws.departments, texts(badges)), ws, { badges }).svg;
    expect(expectNothingCovered(widened, 'widened')).toBe(nodes.length);
    expectNoMarkOnOthers(widened, 'widened');
    const narrow = printLayout(map, ws.departments);
    // Without widening the steps stay an inch wide, so the badge has to go up a row.
    expect(Math.min(...nodes.map((n) => narrow.map.view.nodes[n.id]!.width))).toBeLessThanOrEqual(80);
    expect(expectNothingCovered(renderPrintSvg(narrow, ws, { badges }).svg, 'an inch wide')).toBe(nodes.length);
  });

  it('on screen a resized narrow step keeps its count badge off its manual tag', () => {
    for (let w = 60; w <= 200; w += 5) {
      const m = nodeMarks(w, 60, { manual: true, notes: true, findings: 12 }, SCREEN_TEXT);
      const r = (b: { x: number; y: number; width: number; height: number }, what: string): Rect => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, what });
      expect(meets(r(m.finding!, 'badge'), r(m.manual!, 'tag')), `width ${w}`).toBe(false);
      // Side by side on the top edge whenever they fit there, as on a step of the default width.
      expect(m.stacked ?? false, `width ${w}`).toBe(w < sideBySideWidth(12, SCREEN_TEXT));
      if (w === 60) expect(m.stacked).toBe(true);
      if (w >= NODE_SIZE.step.width) expect(m.stacked).toBeUndefined();
    }
  });
});
