import type { SourceRect } from '../../formats/mapBuilder';
import { emptyDrawing, type Drawing, type DrawnPool, type SkipCounter } from '../diagram/drawing';
import { ImportError } from '../../formats/importResult';
import { MAX_NESTING } from '../../formats/importLimits';
import type { Cell } from './drawioCells';
import { classifyVertex } from './drawioStyle';

// One draw.io page into a drawing. Geometry in mxGraph is relative to the parent cell, so the
// tree is walked from the layers down, adding each parent's corner. The outermost swimlane is a
// pool; the innermost swimlanes inside it are its lanes, named by their path when nested
// ("Sales / Inside sales"). Groups are dissolved: their shapes are kept.

interface Context {
  origin: SourceRect;
  pool?: DrawnPool;
  /** Names of the swimlanes between the pool and here. */
  path: string[];
  laneId?: string;
  /** Cells between the layer and here: the walk is recursive, so it is bounded. */
  depth: number;
}

interface Walk {
  drawing: Drawing;
  children: Map<string, Cell[]>;
  skipped: SkipCounter;
  groups: number;
  /** Cells already placed: a file that repeats an id must not send the walk round in circles. */
  seen: Set<string>;
}

const isSwimlane = (c: Cell) => c.vertex && classifyVertex(c.style, c.label !== '').is === 'swimlane';

function rectOf(c: Cell, parent: SourceRect): SourceRect | undefined {
  const g = c.geometry;
  if (!g) return undefined;
  if (g.relative) return { x: parent.x + g.x * parent.width, y: parent.y + g.y * parent.height, width: g.width, height: g.height };
  return { x: parent.x + g.x, y: parent.y + g.y, width: g.width, height: g.height };
}

function visit(w: Walk, c: Cell, ctx: Context): void {
  if (!c.vertex || !c.visible || w.seen.has(c.id)) return;
  if (ctx.depth > MAX_NESTING) throw new ImportError(`This draw.io drawing nests shapes inside one another more than ${MAX_NESTING} deep, far more than any diagram does.`);
  w.seen.add(c.id);
  const rect = rectOf(c, ctx.origin);
  const inner = w.children.get(c.id) ?? [];
  const walkInside = (next: Omit<Context, 'origin' | 'depth'>) => {
    for (const child of inner) visit(w, child, { ...next, origin: rect ?? ctx.origin, depth: ctx.depth + 1 });
  };
  const cls = classifyVertex(c.style, c.label.trim() !== '');
  switch (cls.is) {
    case 'swimlane': {
      if (!ctx.pool) {
        const pool: DrawnPool = { id: c.id, name: c.label, ...(rect ? { rect } : {}) };
        w.drawing.pools.push(pool);
        walkInside({ pool, path: [] });
        return;
      }
      const path = [...ctx.path, c.label.trim()].filter(Boolean);
      const leaf = !inner.some(isSwimlane);
      if (leaf) w.drawing.lanes.push({ id: c.id, name: path.join(' / '), poolId: ctx.pool.id, ...(rect ? { rect } : {}) });
      walkInside({ pool: ctx.pool, path, ...(leaf ? { laneId: c.id } : {}) });
      return;
    }
    case 'group':
      w.groups++;
      walkInside(ctx);
      return;
    case 'ignore':
      return;
    case 'skip':
      w.skipped.add(cls.what, cls.plural);
      return;
    case 'shape':
      w.drawing.shapes.push({
        id: c.id,
        role: cls.role,
        label: c.label,
        ...(rect ? { rect } : {}),
        ...(ctx.laneId ? { laneId: ctx.laneId } : {}),
        ...(cls.manual ? { manual: true } : {}),
        ...(cls.storeKind ? { storeKind: cls.storeKind } : {}),
        ...(cls.hint ? { hint: cls.hint } : {}),
        ...(inner.some((k) => k.vertex) ? { container: true } : {}),
      });
      walkInside(ctx);
  }
}

/** The drawing on one page, and how many groups were dissolved on it. */
export function drawioDrawing(cells: Cell[], key: string, name: string, skipped: SkipCounter): { drawing: Drawing; groups: number } {
  const w: Walk = { drawing: emptyDrawing(key, name), children: new Map(), skipped, groups: 0, seen: new Set() };
  const ids = new Set(cells.map((c) => c.id));
  for (const c of cells) {
    if (c.parent === undefined || !ids.has(c.parent)) continue;
    const list = w.children.get(c.parent);
    if (list) list.push(c);
    else w.children.set(c.parent, [c]);
  }
  // The root cell has no parent; its children are layers, whose children are the drawing.
  const origin = { x: 0, y: 0, width: 0, height: 0 };
  for (const root of cells.filter((c) => c.parent === undefined)) {
    for (const layer of w.children.get(root.id) ?? []) {
      if (layer.vertex || layer.edge) visit(w, layer, { origin, path: [], depth: 0 });
      else for (const c of w.children.get(layer.id) ?? []) visit(w, c, { origin, path: [], depth: 0 });
    }
  }
  const byParent = w.children;
  for (const c of cells) {
    if (!c.edge || !c.visible) continue;
    const labels = [c.label, ...(byParent.get(c.id) ?? []).filter((k) => k.vertex).map((k) => k.label)];
    const dashed = c.style.values.dashed === '1';
    w.drawing.connectors.push({ id: c.id, from: c.source ?? '', to: c.target ?? '', label: labels.filter((l) => l.trim()).join('\n'), hint: dashed ? 'dashed' : 'sequence' });
  }
  return { drawing: w.drawing, groups: w.groups };
}
