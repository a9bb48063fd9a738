import type { SourceRect } from '../../formats/mapBuilder';
import { emptyDrawing, type ConnectorHint, type Drawing, type SkipCounter } from '../diagram/drawing';
import { descendants, type XmlElement } from '../../formats/xml';
import { classifyName, type Master, type VsdxClass } from './vsdxMasters';
import { cell, endPoint, frameOf, sheetText, subShapes, toRect, type Sheet } from './vsdxSheets';

// One Visio page into a drawing. Shapes are classified by master; a shape's own sub-shapes
// (icons, labels) belong to it, while a plain group is opened and its shapes read one by one.
// Connectors are tied to shapes through the page's <Connects> (which end is glued to which
// shape); an end left unglued is tied to the shape it lies on, if any.

interface PendingConnector {
  id: string;
  sheet: Sheet;
  origin: { x: number; y: number };
  hint: ConnectorHint;
}

interface Walk {
  drawing: Drawing;
  masters: Map<string, Master>;
  skipped: SkipCounter;
  connectors: PendingConnector[];
  /** Sub-shape id → the shape it is part of, for connectors glued to a part. */
  owner: Map<string, string>;
  /** Shapes that became nodes, with their boxes where known. */
  nodes: Set<string>;
  rects: Map<string, SourceRect>;
  groups: number;
}

const TOLERANCE_PX = 10;

/** What a shape without a known master is: a line is a connector, a boxed text a step, bare text a note. */
function guess(s: Sheet, text: string): VsdxClass | undefined {
  if (cell(s, 'BeginX') !== undefined) return { is: 'connector', hint: 'sequence' };
  if (!text.trim()) return undefined;
  return { is: 'shape', role: cell(s, 'LinePattern') === '0' ? 'note' : 'step' };
}

function claim(w: Walk, el: XmlElement, ownerId: string): void {
  for (const sub of subShapes(el)) {
    if (sub.attrs.ID) w.owner.set(sub.attrs.ID, ownerId);
    claim(w, sub, ownerId);
  }
}

function visit(w: Walk, el: XmlElement, origin: { x: number; y: number }, parentMaster?: Master): void {
  const id = el.attrs.ID;
  if (!id || el.attrs.Type === 'Guide') return;
  const master = el.attrs.Master ? w.masters.get(el.attrs.Master) : parentMaster;
  const masterShape = el.attrs.Master ? master?.top : el.attrs.MasterShape ? parentMaster?.shapes.get(el.attrs.MasterShape) : undefined;
  const sheet: Sheet = { el, ...(masterShape ? { master: masterShape } : {}) };
  const text = sheetText(sheet);
  const frame = frameOf(sheet, origin);
  const rect = frame && toRect(frame);
  const oneD = cell(sheet, 'BeginX') !== undefined;
  const cls = el.attrs.Master ? master?.kind ?? (oneD ? guess(sheet, text) : undefined) : (classifyName(el.attrs.NameU) ?? guess(sheet, text));

  if (!cls) {
    if (el.attrs.Type === 'Group' && frame) {
      w.groups++;
      for (const sub of subShapes(el)) visit(w, sub, { x: frame.left, y: frame.bottom }, master);
    } else if (el.attrs.Type === 'Foreign') w.skipped.add('picture');
    else if (el.attrs.Master) w.skipped.add(`“${master?.name ?? 'unknown'}” shape`);
    return;
  }
  switch (cls.is) {
    case 'skip':
      w.skipped.add(`“${master?.name ?? el.attrs.NameU ?? 'unknown'}” shape`);
      return;
    case 'pool':
      w.drawing.pools.push({ id, name: text, ...(rect ? { rect } : {}) });
      return;
    case 'lane': {
      // A swimlane may carry its title on a part of it rather than on itself.
      const title = text.trim() || subShapes(el).map((s) => sheetText({ el: s })).find((t) => t.trim()) || '';
      w.drawing.lanes.push({ id, name: title, ...(rect ? { rect } : {}) });
      return;
    }
    case 'connector':
      w.connectors.push({ id, sheet, origin, hint: cls.hint });
      return;
    case 'shape':
      w.drawing.shapes.push({
        id,
        role: cls.role,
        label: text,
        ...(rect ? { rect } : {}),
        ...(cls.manual ? { manual: true } : {}),
        ...(cls.storeKind ? { storeKind: cls.storeKind } : {}),
        ...(cls.container ? { container: true } : {}),
        ...(cls.event ? { event: true } : {}),
      });
      w.nodes.add(id);
      if (rect) w.rects.set(id, rect);
      claim(w, el, id);
  }
}

/** The smallest shape a loose connector end lies on. */
function shapeAt(w: Walk, p: { x: number; y: number } | undefined): string | undefined {
  if (!p) return undefined;
  let best: string | undefined;
  let bestArea = Infinity;
  for (const [id, r] of w.rects) {
    const on = p.x >= r.x - TOLERANCE_PX && p.x <= r.x + r.width + TOLERANCE_PX && p.y >= r.y - TOLERANCE_PX && p.y <= r.y + r.height + TOLERANCE_PX;
    if (on && r.width * r.height < bestArea) [best, bestArea] = [id, r.width * r.height];
  }
  return best;
}

export function vsdxDrawing(page: XmlElement, key: string, name: string, masters: Map<string, Master>, skipped: SkipCounter): { drawing: Drawing; groups: number } {
  const w: Walk = { drawing: emptyDrawing(key, name), masters, skipped, connectors: [], owner: new Map(), nodes: new Set(), rects: new Map(), groups: 0 };
  for (const el of subShapes(page)) visit(w, el, { x: 0, y: 0 });

  const glued = { BeginX: new Map<string, string>(), EndX: new Map<string, string>() };
  for (const c of descendants(page, 'Connect')) {
    const { FromSheet: from, FromCell: end, ToSheet: to } = c.attrs;
    if (from && to && (end === 'BeginX' || end === 'EndX')) glued[end].set(from, to);
  }
  const nodeOf = (sheetId: string | undefined) => (sheetId === undefined || w.nodes.has(sheetId) ? sheetId : w.owner.get(sheetId));
  for (const c of w.connectors) {
    const from = nodeOf(glued.BeginX.get(c.id)) ?? shapeAt(w, endPoint(c.sheet, 'Begin', c.origin));
    const to = nodeOf(glued.EndX.get(c.id)) ?? shapeAt(w, endPoint(c.sheet, 'End', c.origin));
    w.drawing.connectors.push({ id: c.id, from: from ?? '', to: to ?? '', label: sheetText(c.sheet), hint: c.hint });
  }
  return { drawing: w.drawing, groups: w.groups };
}
