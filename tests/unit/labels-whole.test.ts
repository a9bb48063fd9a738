import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { updateNode } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { placeLabel } from '../../src/core/drawing/nodeLabels';
import { nodeMarks } from '../../src/core/drawing/nodeMarks';
import { fittedBoxes, fitNodeSize, MAX_WIDTH } from '../../src/core/drawing/nodeSize';
import { textWidth } from '../../src/core/drawing/textMetrics';
import { quickLayout } from '../../src/core/layout/quickLayout';
import { NODE_SIZE } from '../../src/core/model/geometry';
import type { NodeKind, ProcessMap, Workspace } from '../../src/core/model/types';
import { renderMapSvg } from '../../src/core/picture';
import { getBox, getMap, runCmd, workspace } from './fixtures/maps';
import { type El, parseXmlTree } from './fixtures/xmlTree';

// Labels whole, everywhere: long step labels used to end in "…" after four lines on the
// canvas and in every export, and a decision's text ran across the diamond's edges.

const WORDS = 'check the applicant record against the student system and send the confirmation letter by post or e-mail when the fee is paid in full'.split(' ');
/** A plain sentence of about `n` characters. */
function sentence(n: number, seed: number): string {
  const out: string[] = [];
  for (let i = seed; out.join(' ').length < n; i++) out.push(WORDS[i % WORDS.length]!);
  return out.join(' ').slice(0, n).trim();
}

// ---- Reading the picture back ----
const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const lineTexts = (t: El): string[] => (t.children.length ? t.children.map((c) => unescape(c.text)) : [unescape(t.text)]);
const lineYs = (t: El): number[] => (t.children.length ? t.children.map((c) => Number(c.attrs.y)) : [Number(t.attrs.y)]);

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The bounding box of an outline's path data (absolute commands; the circles' relative arcs). */
function pathBox(d: string): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  let cx = 0;
  let cy = 0;
  const at = (x: number, y: number) => (xs.push(x), ys.push(y), (cx = x), (cy = y));
  for (const [, cmd, args] of d.matchAll(/([MLHVQAZa])([^MLHVQAZa]*)/g)) {
    const n = (args!.match(/-?[\d.]+/g) ?? []).map(Number);
    if (cmd === 'M' || cmd === 'L' || cmd === 'Q') for (let i = 0; i < n.length; i += 2) at(n[i]!, n[i + 1]!);
    else if (cmd === 'H') at(n[0]!, cy);
    else if (cmd === 'V') at(cx, n[0]!);
    else if (cmd === 'A') at(n[5]!, n[6]!);
    else if (cmd === 'a') {
      // A circle: its radius reaches as far on every side.
      at(cx + n[5]!, cy + n[6]!);
      xs.push(cx - n[5]! / 2);
      ys.push(cy - n[0]!, cy + n[0]!);
    }
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

interface DrawnNode {
  kind: NodeKind;
  shape: Rect;
  text: string[];
  /** Each line's ink box: its advance width, ascent to descent. */
  lines: Rect[];
  /** The marks' rectangles (tags, badges). */
  marks: Rect[];
}

function drawnNodes(svg: string): DrawnNode[] {
  const root = parseXmlTree(svg, 'svg');
  return all(root)
    .filter((g) => g.name === 'g' && /\bnode-/.test(g.attrs.class ?? ''))
    .map((g) => {
      const kind = /node-(\w+)/.exec(g.attrs.class!)![1] as NodeKind;
      const shape = pathBox(g.children.find((c) => c.name === 'path')!.attrs.d!);
      const label = g.children.find((c) => c.name === 'text');
      const size = Number(label?.attrs['font-size'] ?? 13);
      const text = label ? lineTexts(label) : [];
      const ys = label ? lineYs(label) : [];
      const x = Number(label?.attrs.x ?? label?.children[0]?.attrs.x ?? 0);
      const start = label?.attrs['text-anchor'] === 'start';
      const lines = text.map((t, i) => {
        const w = textWidth(t, size);
        const x0 = start ? x : x - w / 2;
        return { x0, x1: x0 + w, y0: ys[i]! - 0.928 * size, y1: ys[i]! + 0.236 * size };
      });
      const marks = all(g)
        .filter((c) => c.name === 'rect')
        .map((r) => ({ x0: Number(r.attrs.x), y0: Number(r.attrs.y), x1: Number(r.attrs.x) + Number(r.attrs.width), y1: Number(r.attrs.y) + Number(r.attrs.height) }));
      return { kind, shape, text, lines, marks };
    });
}

const inside = (r: Rect, box: Rect) => r.x0 >= box.x0 - 0.5 && r.x1 <= box.x1 + 0.5 && r.y0 >= box.y0 - 0.5 && r.y1 <= box.y1 + 0.5;
const meets = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** A line clear of the diamond's edges: all four corners inside it. */
function inDiamond(r: Rect, s: Rect): boolean {
  const cx = (s.x0 + s.x1) / 2;
  const cy = (s.y0 + s.y1) / 2;
  const hw = (s.x1 - s.x0) / 2;
  const hh = (s.y1 - s.y0) / 2;
  return [r.x0, r.x1].every((x) => [r.y0, r.y1].every((y) => Math.abs(x - cx) / hw + Math.abs(y - cy) / hh <= 1.0001));
}

/** The demo with every node's label replaced by 60 to 160 characters, some steps done by hand. */
function longLabelled(): Workspace {
  const ws = demoWorkspace('2026-12-01T00:00:00Z');
  let k = 0;
  const maps = ws.maps.map((m): ProcessMap => {
    const nodes = m.nodes.map((n) => ({ ...n, label: sentence(60 + ((k++ * 10) % 110), k), ...(k % 3 === 0 && n.kind === 'step' ? { manual: true } : {}) }));
    return { ...m, nodes };
  });
  return { ...ws, maps };
}

describe('labels whole in the picture', () => {
  const ws = longLabelled();
  const findings = analyzeWorkspace(ws);
  for (const source of ws.maps) {
    it(`${source.name}: every label whole, inside its shape or under it, clear of marks`, () => {
      for (const map of [source, quickLayout({ ...source, view: { ...source.view, nodes: {} } })]) {
        const { svg } = renderMapSvg(map, ws, { findings });
        expect(svg).not.toContain('…');
        const drawn = drawnNodes(svg);
        expect(drawn).toHaveLength(map.nodes.length);
        const byText = new Map(drawn.map((d) => [d.text.join(' '), d]));
        for (const n of map.nodes) {
          // The whole label, word for word, is in the picture.
          const d = byText.get(n.label);
          expect(d, `label of ${n.id}: ${n.label}`).toBeDefined();
          for (const line of d!.lines) {
            for (const mark of d!.marks) expect(meets(line, mark), `${n.id}: a mark over its text`).toBe(false);
            if (n.kind === 'decision') {
              // In the diamond, clear of its edges, or wholly below it.
              expect(inDiamond(line, d!.shape) || line.y0 >= d!.shape.y1, `${n.id}: a line across the diamond`).toBe(true);
            } else if (n.kind === 'start' || n.kind === 'end') {
              expect(line.y0).toBeGreaterThanOrEqual(d!.shape.y1);
            } else {
              expect(inside(line, d!.shape), `${n.id}: "${n.label}" line outside its box`).toBe(true);
            }
          }
        }
      }
    });
  }
});

describe('a step grows to hold its label', () => {
  it('keeps its size for a short label, grows taller first, then wider up to a limit', () => {
    const base = NODE_SIZE.step;
    expect(fitNodeSize('step', 'Check the record', base.width, base.height)).toEqual(base);
    const mid = fitNodeSize('step', sentence(70, 0), base.width, base.height);
    expect(mid.width).toBe(base.width);
    expect(mid.height).toBeGreaterThan(base.height);
    const long = fitNodeSize('step', sentence(160, 0), base.width, base.height);
    expect(long.width).toBeGreaterThan(base.width);
    expect(long.width).toBeLessThanOrEqual(MAX_WIDTH);
    expect(long.height).toBeLessThanOrEqual(2 * base.height);
    // Past 160 characters the width stops at the limit and the height takes the rest.
    const huge = fitNodeSize('step', sentence(600, 0), base.width, base.height);
    expect(huge.width).toBe(MAX_WIDTH);
    expect(huge.height).toBeGreaterThan(2 * base.height);
  });

  it('renaming a step to a long label grows its box in the same undoable edit, around its centre', () => {
    const ws = workspace();
    const map = getMap(ws);
    const step = map.nodes.find((n) => n.kind === 'step')!;
    const before = getBox(map, step.id);
    const label = sentence(150, 3);
    const next = runCmd(updateNode, ws, { mapId: map.id, nodeId: step.id, patch: { label } });
    const after = getBox(getMap(next), step.id);
    expect(after.height).toBeGreaterThan(before.height);
    expect(Math.abs(after.y + after.height / 2 - (before.y + before.height / 2))).toBeLessThanOrEqual(1);
    const placed = placeLabel('step', label, after.width, after.height)!;
    expect(placed.lines.join(' ')).toBe(label);
    expect(placed.box.y).toBeGreaterThanOrEqual(0);
    expect(placed.box.y + placed.box.height).toBeLessThanOrEqual(after.height);
  });
});

describe('boxes as drawn after an edit', () => {
  // The editor re-measures only the nodes an edit touched; what it draws must still be what a
  // fresh measure of the whole map gives.
  const fresh = (map: ProcessMap) => fittedBoxes(structuredClone(map)).view.nodes;
  const relabel = (map: ProcessMap, id: string, label: string): ProcessMap => ({ ...map, nodes: map.nodes.map((n) => (n.id === id ? { ...n, label } : n)) });

  it('follow a renamed label, a changed kind and a resized box, and go back when the label does', () => {
    const map = demoWorkspace('2026-12-01T00:00:00Z').maps[0]!;
    expect(fittedBoxes(map).view.nodes).toEqual(fresh(map));
    const step = map.nodes.find((n) => n.kind === 'step')!;
    // The label grows while its box object stays the same, as an edit elsewhere leaves it.
    const long = relabel(map, step.id, sentence(150, 5));
    const grown = fittedBoxes(long).view.nodes[step.id]!;
    expect(grown.height).toBeGreaterThan(map.view.nodes[step.id]!.height);
    expect(fittedBoxes(long).view.nodes).toEqual(fresh(long));
    const short = relabel(long, step.id, 'Check');
    expect(fittedBoxes(short).view.nodes[step.id]).toEqual(map.view.nodes[step.id]);
    // Same label, another kind: a start keeps its size where a step grew.
    const kind = { ...long, nodes: long.nodes.map((n) => (n.id === step.id ? { ...n, kind: 'start' as NodeKind } : n)) };
    expect(fittedBoxes(kind).view.nodes[step.id]).toEqual(map.view.nodes[step.id]);
    // A wider box (a person resized it) for the same long label needs fewer lines.
    const wide = { ...long, view: { ...long.view, nodes: { ...long.view.nodes, [step.id]: { ...long.view.nodes[step.id]!, width: MAX_WIDTH } } } };
    expect(fittedBoxes(wide).view.nodes).toEqual(fresh(wide));
    expect(fittedBoxes(wide).view.nodes[step.id]!.height).toBeLessThan(grown.height);
  });
});

describe('decision text', () => {
  it('sits inside the diamond when it fits, and under it when it does not', () => {
    const { width, height } = NODE_SIZE.decision;
    expect(placeLabel('decision', 'Paid?', width, height)!.below).toBe(false);
    const long = placeLabel('decision', 'Has the applicant paid the deposit and sent the signed form?', width, height)!;
    expect(long.below).toBe(true);
    expect(long.lines.join(' ')).toBe('Has the applicant paid the deposit and sent the signed form?');
    expect(long.box.y).toBeGreaterThanOrEqual(height);
  });
});

describe('marks have their own place', () => {
  it('the manual tag, notes mark and a two-digit findings badge stay off every line of a full step', () => {
    for (const chars of [60, 100, 160]) {
      const label = sentence(chars, 1);
      const { width, height } = fitNodeSize('step', label, NODE_SIZE.step.width, NODE_SIZE.step.height);
      const placed = placeLabel('step', label, width, height)!;
      const marks = Object.values(nodeMarks(width, height, { manual: true, notes: true, findings: 12 }));
      expect(marks).toHaveLength(3);
      placed.lines.forEach((line, i) => {
        const w = textWidth(line, placed.size);
        const r = { x0: placed.x - w / 2, x1: placed.x + w / 2, y0: placed.baselines[i]! - 0.928 * placed.size, y1: placed.baselines[i]! + 0.236 * placed.size };
        for (const m of marks) expect(meets(r, { x0: m.x, y0: m.y, x1: m.x + m.width, y1: m.y + m.height })).toBe(false);
      });
    }
  });
});
