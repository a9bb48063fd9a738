import { findingFocus } from '../../analysis/focus';
import { SEVERITIES, type Finding } from '../../analysis/types';
import type { Id, ProcessMap, Workspace } from '../../model/types';
import { PRINT_TEXT, smallestText } from '../../drawing/textStyle';
import type { Badge } from '../../picture/drawNodes';
import { printLayout } from '../../picture/print/printLayout';
import { type PartRange, renderPrintSvg, splitParts } from '../../picture/print/printParts';
import { type Orientation, type Paper, pageShape, twipsToPx } from '../paper';

// The pictures of a map for the report, at their printed size: on a portrait page when the
// map fits one, else on landscape pages, cut into parts between columns when it is wider than
// that. A picture is never shrunk (its smallest text prints at 8 pt or more) and is enlarged a
// little when the page has room. Badges carry the findings' numbers, as the text does.

export interface ReportPicture {
  svg: string;
  /** The picture's own size in CSS pixels (its viewBox). */
  width: number;
  height: number;
  /** Its size on the page in CSS pixels: the own size times a scale of 1 or more. */
  shownWidth: number;
  shownHeight: number;
  /** 1-based; `of` is 1 for a map in one piece. */
  part: number;
  of: number;
  /** Alt text and caption: the map's name, and the part. */
  label: string;
  /** Said under the part's line when the picture could not be printed at its own size. */
  note?: string;
}

export interface MapPictures {
  orientation: Orientation;
  pictures: ReportPicture[];
}

/** Room a page keeps above and below a picture: the map's heading, its facts line, the caption. */
const ROOM_AROUND = { first: 150, later: 60 };
/** A small map may be shown up to this much larger than its own size. */
const MAX_ENLARGE = 1.3;

/** The line above a picture: which part it is, and whether it had to be shrunk; empty for a whole map at its size. */
export function pictureCaption(p: ReportPicture, last: boolean): string {
  const part = p.of > 1 ? `Part ${p.part} of ${p.of}.${last ? '' : ' Flows that end in a ring at the right edge carry on in the next part.'}` : '';
  return [part, p.note ?? ''].filter(Boolean).join(' ');
}

/** Finding numbers per node: "F2 F5", the worst severity colouring the badge. */
export function numberedBadges(findings: readonly Finding[], refs: ReadonlyMap<string, string>, map: ProcessMap, ws: Pick<Workspace, 'dataStores'>): Map<Id, Badge> {
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  const byNode = new Map<Id, Finding[]>();
  for (const f of findings) {
    if (!f.mapIds.includes(map.id) || !refs.has(f.id)) continue;
    for (const id of findingFocus(f, map, ws).nodeIds) byNode.set(id, [...(byNode.get(id) ?? []), f]);
  }
  const out = new Map<Id, Badge>();
  for (const [id, list] of byNode) {
    const names = list.map((f) => refs.get(f.id)!);
    // Three numbers at most on a badge; the step table and the findings name the rest.
    const text = names.length > 3 ? `${names.slice(0, 3).join(' ')} +${names.length - 3}` : names.join(' ');
    const worst = list.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    out.set(id, { count: list.length, severity: worst.severity, text });
  }
  return out;
}

export function mapPictures(map: ProcessMap, ws: Workspace, paper: Paper, badges: Map<Id, Badge>): MapPictures {
  // A step with a manual tag and a badge is laid out wide enough for both side by side.
  const printed = printLayout(map, ws.departments, new Map([...badges].map(([id, b]) => [id, b.text ?? String(b.count)])));
  const name = map.name.trim() || 'Untitled map';
  const area = (orientation: Orientation) => {
    const page = pageShape(paper, orientation);
    return { width: twipsToPx(page.textWidth), height: twipsToPx(page.textHeight) };
  };
  // The first page of a map holds its heading too: a picture taller than what is left would
  // be pushed to the next page, leaving the heading alone on one.
  const tallest = (orientation: Orientation) => area(orientation).height - ROOM_AROUND.first;
  const one = (orientation: Orientation): MapPictures => {
    const r = renderPrintSvg(printed, ws, { badges, label: name });
    const scale = Math.max(1, Math.min(MAX_ENLARGE, area(orientation).width / r.width, tallest(orientation) / r.height));
    return { orientation, pictures: [{ ...r, shownWidth: r.width * scale, shownHeight: r.height * scale, part: 1, of: 1, label: name }] };
  };
  const ranges = (orientation: Orientation, scale: number) => splitParts(printed, area(orientation).width / scale);
  const parts = (orientation: Orientation, scale: number, cuts: PartRange[]): MapPictures => {
    const note = scale < 1 ? `Shrunk to fit the page: its text prints at ${Math.floor(smallestText(PRINT_TEXT) * 0.75 * scale * 10) / 10} pt.` : undefined;
    const pictures = cuts.map((range, i) => {
      const label = cuts.length > 1 ? `${name}, part ${i + 1} of ${cuts.length}` : name;
      const r = renderPrintSvg(printed, ws, { range, badges, label });
      return { ...r, shownWidth: r.width * scale, shownHeight: r.height * scale, part: i + 1, of: cuts.length, label, ...(note ? { note } : {}) };
    });
    return { orientation, pictures };
  };
  for (const o of ['portrait', 'landscape'] as const) if (printed.width <= area(o).width && printed.height <= tallest(o)) return one(o);
  // Too wide for one page: cut between columns, on the pages that hold the map's height, as few
  // parts as possible (landscape when portrait needs as many). Only the chosen cut is drawn.
  const cuts = (['landscape', 'portrait'] as const).filter((o) => printed.height <= tallest(o)).map((o) => ({ o, cut: ranges(o, 1) }));
  if (cuts.length) {
    const best = cuts.reduce((a, b) => (b.cut.length < a.cut.length ? b : a));
    return parts(best.o, 1, best.cut);
  }
  // Taller than any page (many lanes): the only case where a picture is shrunk, and it says so.
  const shrink = tallest('portrait') / printed.height;
  return parts('portrait', shrink, ranges('portrait', shrink));
}
