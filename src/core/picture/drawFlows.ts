import { FLOW_STYLE } from '../model/shapes';
import type { Flow, Point } from '../model/types';
import type { Route } from '../drawing/stepRoute';
import { flowPath } from '../drawing/flowPath';
import { baseline, INK } from '../drawing/nodeLabels';
import { Extent, num, xmlText } from './svgMarkup';
import { flowLabelSize } from '../drawing/flowLabels';
import { SCREEN_TEXT, type TextStyle } from '../drawing/textStyle';

// Flows as the editor draws them: the line in its kind's stroke and dash, an arrowhead at the
// target (filled for sequence flows, open for message and data flows), a small circle where a
// message flow starts, and the label in a white box on the line.

const LABEL_BORDER = '#d4dce5';
/** React Flow draws its 16-unit markers in stroke widths over a 20-unit box: 0.8 of the stroke per unit. */
const ARROW_SCALE = 0.8;

const dist = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** The arrowhead at the line's end, pointing along its last segment. */
function arrowhead(points: Point[], flow: Flow, extent: Extent): string {
  const style = FLOW_STYLE[flow.kind];
  const tip = points[points.length - 1]!;
  let k = points.length - 2;
  while (k > 0 && dist(points[k]!, tip) === 0) k--;
  const prev = points[k]!;
  const len = dist(prev, tip);
  if (len === 0) return '';
  const s = ARROW_SCALE * style.width;
  const ux = (tip[0] - prev[0]) / len;
  const uy = (tip[1] - prev[1]) / len;
  const back: Point = [tip[0] - 5 * s * ux, tip[1] - 5 * s * uy];
  const left: Point = [back[0] - 4 * s * uy, back[1] + 4 * s * ux];
  const right: Point = [back[0] + 4 * s * uy, back[1] - 4 * s * ux];
  for (const p of [left, right]) extent.add(p[0] - s, p[1] - s, 2 * s, 2 * s);
  const pts = [left, tip, right].map((p) => `${num(p[0])},${num(p[1])}`).join(' ');
  // A marker is never dashed, even at the end of a dashed line.
  const solid = style.dash ? ' stroke-dasharray="none"' : '';
  return style.arrow === 'closed'
    ? `<polygon points="${pts}" fill="${style.stroke}" stroke-width="${num(s)}" stroke-linejoin="round"${solid}/>`
    : `<polyline points="${pts}" stroke-width="${num(s)}" stroke-linecap="round" stroke-linejoin="round"${solid}/>`;
}

/** A flow to draw; a piece of one cut at a page's edge says which of its ends are cut. */
export interface FlowPiece {
  flow: Flow;
  route: Route;
  cutStart?: boolean;
  cutEnd?: boolean;
  /** False for the pieces of a cut flow that do not carry its label. */
  labelled?: boolean;
}

/** Where a flow runs off the edge of a part of a map: a small ring, on both parts, to follow it by. */
const cutMark = ([x, y]: Point, extent: Extent): string => {
  extent.add(x - 4, y - 4, 8, 8);
  return `<circle cx="${num(x)}" cy="${num(y)}" r="3" fill="#fff" stroke-width="1.2" stroke-dasharray="none"/>`;
};

export function drawFlows(routes: FlowPiece[], extent: Extent, textStyle: TextStyle = SCREEN_TEXT): { lines: string; labels: string } {
  const lines: string[] = [];
  const labels: string[] = [];
  for (const { flow, route, cutStart, cutEnd, labelled = true } of routes) {
    const style = FLOW_STYLE[flow.kind];
    for (const [x, y] of route.points) extent.add(x, y);
    // The line's paint is set once on its group; the arrowhead and circle change only what differs.
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    lines.push(`<g class="flow flow-${flow.kind}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"${dash}><path d="${flowPath(route.points, route.rounded)}"/>`);
    lines.push(cutEnd ? cutMark(route.points[route.points.length - 1]!, extent) : arrowhead(route.points, flow, extent));
    if (cutStart) lines.push(cutMark(route.points[0]!, extent));
    else if (flow.kind === 'message') {
      const [x, y] = route.points[0]!;
      extent.add(x - 5, y - 5, 10, 10);
      lines.push(`<circle cx="${num(x)}" cy="${num(y)}" r="4" fill="#fff" stroke-width="1.5"/>`);
    }
    lines.push('</g>');
    const text = flow.label?.trim();
    if (text && labelled) labels.push(flowLabel(text.replace(/\s+/g, ' '), route.label, extent, textStyle.flowLabel));
  }
  return { lines: lines.join(''), labels: labels.join('') };
}

/** The label in its white box, centred on the point (one line, as in the editor). */
function flowLabel(text: string, [cx, cy]: Point, extent: Extent, st: TextStyle['flowLabel']): string {
  const { width: w, height: h } = flowLabelSize(text, st);
  const x = cx - w / 2;
  const y = cy - h / 2;
  extent.add(x, y, w, h);
  return (
    `<g class="flow-label"><rect x="${num(x + 0.5)}" y="${num(y + 0.5)}" width="${num(w - 1)}" height="${num(h - 1)}" rx="4" fill="#fff" stroke="${LABEL_BORDER}" stroke-width="1"/>` +
    `<text x="${num(cx)}" y="${num(baseline(y + 1, st.size, st.lineHeight))}" font-size="${st.size}" text-anchor="middle" fill="${INK}">${xmlText(text)}</text></g>`
  );
}
