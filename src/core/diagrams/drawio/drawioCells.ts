import { firstChild, type XmlElement } from '../../formats/xml';
import { htmlToText } from './htmlText';
import { parseStyle, type Style } from './drawioStyle';

// The cells of one draw.io page, as mxGraph stores them: a flat list where each cell names its
// parent. A cell wrapped in <UserObject> or <object> (one carrying custom properties) keeps its
// id and label on the wrapper and the rest on the <mxCell> inside.

export interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
  /** x and y are fractions of the parent's size (labels and ports stuck to a shape). */
  relative: boolean;
}

export interface Cell {
  id: string;
  parent?: string;
  label: string;
  style: Style;
  vertex: boolean;
  edge: boolean;
  source?: string;
  target?: string;
  geometry?: Geometry;
  visible: boolean;
}

const num = (v: string | undefined) => {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};

function readGeometry(el: XmlElement | undefined): Geometry | undefined {
  if (!el) return undefined;
  const a = el.attrs;
  return { x: num(a.x), y: num(a.y), width: Math.max(0, num(a.width)), height: Math.max(0, num(a.height)), relative: a.relative === '1' };
}

function readCell(el: XmlElement): Cell | undefined {
  const wrapped = el.local === 'UserObject' || el.local === 'object';
  const cell = wrapped ? firstChild(el, 'mxCell') : el;
  const id = el.attrs.id;
  if (!cell || !id) return undefined;
  const a = cell.attrs;
  const style = parseStyle(a.style);
  const raw = (wrapped ? el.attrs.label : a.value) ?? '';
  return {
    id,
    ...(a.parent ? { parent: a.parent } : {}),
    label: style.values.html === '1' ? htmlToText(raw) : raw,
    style,
    vertex: a.vertex === '1',
    edge: a.edge === '1',
    ...(a.source ? { source: a.source } : {}),
    ...(a.target ? { target: a.target } : {}),
    geometry: readGeometry(firstChild(cell, 'mxGeometry')),
    visible: a.visible !== '0',
  };
}

/** The cells of a page's <mxGraphModel>, in file order. */
export function readCells(model: XmlElement): Cell[] {
  const root = firstChild(model, 'root');
  if (!root) return [];
  const cells: Cell[] = [];
  for (const el of root.children) {
    const c = el.local === 'mxCell' || el.local === 'UserObject' || el.local === 'object' ? readCell(el) : undefined;
    if (c) cells.push(c);
  }
  return cells;
}
