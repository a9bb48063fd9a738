import type { NodeBox } from '../model/types';

// Boxes placed one by one, each moved down past the first-placed box it covers until it
// covers none. The boxes are kept in a grid, so a box looks only at its neighbours; and one
// that has stepped past a few goes straight below everything in its columns. A drawing of
// 20,000 shapes piled on one spot (a broken or hostile file) is spread in a second, not hours.

const CELL = 256;
/** Steps past single boxes before jumping below the whole column. */
const STEPS = 8;
/** Far-off coordinates share the outermost cells rather than loop over cells that cannot exist. */
const FAR = 1e6;

const overlaps = (a: NodeBox, b: NodeBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const cellOf = (v: number) => {
  const c = Math.floor(v / CELL);
  return Number.isNaN(c) ? 0 : Math.max(-FAR, Math.min(FAR, c));
};

interface Placed {
  box: NodeBox;
  order: number;
}

export class ClearStack {
  private readonly cells = new Map<string, Placed[]>();
  /** The lowest bottom edge in each column of cells. */
  private readonly bottoms = new Map<number, number>();
  private count = 0;

  constructor(private readonly gap: number) {}

  private span(from: number, size: number): [number, number] {
    return [cellOf(from), cellOf(from + size)];
  }

  /** The box placed first among those `b` covers. */
  private hit(b: NodeBox): NodeBox | undefined {
    const [c0, c1] = this.span(b.x, b.width);
    const [r0, r1] = this.span(b.y, b.height);
    let first: Placed | undefined;
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        for (const p of this.cells.get(`${c},${r}`) ?? []) if (overlaps(b, p.box) && (!first || p.order < first.order)) first = p;
      }
    }
    return first?.box;
  }

  /** Moves `b` down (never up) until it is clear, then keeps it. */
  place(b: NodeBox): void {
    const [c0, c1] = this.span(b.x, b.width);
    let steps = 0;
    for (let hit = this.hit(b); hit; hit = this.hit(b)) {
      if (++steps > STEPS) {
        for (let c = c0; c <= c1; c++) b.y = Math.max(b.y, (this.bottoms.get(c) ?? -Infinity) + this.gap);
        break;
      }
      b.y = hit.y + hit.height + this.gap;
    }
    const placed = { box: b, order: this.count++ };
    const [r0, r1] = this.span(b.y, b.height);
    for (let c = c0; c <= c1; c++) {
      this.bottoms.set(c, Math.max(this.bottoms.get(c) ?? -Infinity, b.y + b.height));
      for (let r = r0; r <= r1; r++) {
        const key = `${c},${r}`;
        const list = this.cells.get(key);
        if (list) list.push(placed);
        else this.cells.set(key, [placed]);
      }
    }
  }
}
