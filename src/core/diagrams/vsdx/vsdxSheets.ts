import type { SourceRect } from '../../formats/mapBuilder';
import { childrenNamed, firstChild, textOf, type XmlElement } from '../../formats/xml';

// A Visio shape is a ShapeSheet: named cells (<Cell N="PinX" V="4.29"/>) and its text. A shape
// dropped from a master stores only what differs from the master, so every read falls back to
// the master's shape of the same place. Values are inches with y growing upwards.

export const PX_PER_INCH = 96;

export interface Sheet {
  el: XmlElement;
  /** The master's shape this one inherits from, if any. */
  master?: XmlElement;
}

function ownCell(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const c of childrenNamed(el, 'Cell')) if (c.attrs.N === name) return c.attrs.V;
  return undefined;
}

export const cell = (s: Sheet, name: string): string | undefined => ownCell(s.el, name) ?? ownCell(s.master, name);

export function num(s: Sheet, name: string): number | undefined {
  for (const el of [s.el, s.master]) {
    const v = ownCell(el, name);
    if (v === undefined) continue;
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

const ownText = (el: XmlElement | undefined) => {
  const t = el && firstChild(el, 'Text');
  return t ? textOf(t) : undefined;
};

export const sheetText = (s: Sheet): string => ownText(s.el) ?? ownText(s.master) ?? '';

/** The shapes directly inside a shape (a group), or on a page or in a master. */
export const subShapes = (el: XmlElement): XmlElement[] => {
  const list = firstChild(el, 'Shapes');
  return list ? childrenNamed(list, 'Shape') : [];
};

/** A shape's box in its parent's coordinates (inches, y up): the bottom-left corner and size. */
export interface Frame {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

export function frameOf(s: Sheet, origin: { x: number; y: number }): Frame | undefined {
  const pinX = num(s, 'PinX');
  const pinY = num(s, 'PinY');
  const w = Math.abs(num(s, 'Width') ?? 0);
  const h = Math.abs(num(s, 'Height') ?? 0);
  if (pinX === undefined || pinY === undefined) return undefined;
  const angle = num(s, 'Angle') ?? 0;
  // The pin is where the shape turns; its centre is the pin plus the turned offset to the middle.
  const dx = w / 2 - (num(s, 'LocPinX') ?? w / 2);
  const dy = h / 2 - (num(s, 'LocPinY') ?? h / 2);
  const cx = origin.x + pinX + dx * Math.cos(angle) - dy * Math.sin(angle);
  const cy = origin.y + pinY + dx * Math.sin(angle) + dy * Math.cos(angle);
  const turned = Math.abs(Math.sin(angle)) > Math.SQRT1_2;
  const [bw, bh] = turned ? [h, w] : [w, h];
  return { left: cx - bw / 2, bottom: cy - bh / 2, width: bw, height: bh };
}

/** A frame in Lanemap's source coordinates: pixels, y growing downwards. */
export const toRect = (f: Frame): SourceRect => ({
  x: f.left * PX_PER_INCH,
  y: -(f.bottom + f.height) * PX_PER_INCH,
  width: f.width * PX_PER_INCH,
  height: f.height * PX_PER_INCH,
});

/** A point of a 1-D shape (BeginX/BeginY or EndX/EndY) in the same coordinates. */
export function endPoint(s: Sheet, which: 'Begin' | 'End', origin: { x: number; y: number }): { x: number; y: number } | undefined {
  const x = num(s, `${which}X`);
  const y = num(s, `${which}Y`);
  if (x === undefined || y === undefined) return undefined;
  return { x: (origin.x + x) * PX_PER_INCH, y: -(origin.y + y) * PX_PER_INCH };
}
