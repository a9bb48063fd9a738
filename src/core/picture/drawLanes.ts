import { laneBands } from '../model/geometry';
import type { ProcessMap, Workspace } from '../model/types';
import { laneOwnDepartment } from '../model/vocabulary';
import { baseline, INK } from '../drawing/nodeLabels';
import { Extent, num, textBlock, xmlText } from './svgMarkup';
import { HEADER_PAD_X, HEADER_PAD_Y, laneNameLines, laneTagLines, TAG_GAP, TAG_LINE, TAG_PAD_X, TAG_PAD_Y } from '../drawing/laneNames';
import { textWidth, wrapText } from '../drawing/textMetrics';
import { SCREEN_TEXT, type TextStyle } from '../drawing/textStyle';

// Lanes as the editor draws them: bands across the map in two alternating tints, each with a
// header on the left holding the lane's name, and its department when it is not the map's.

const BAND_FILL = ['#fbfcfe', '#f2f6fa'];
const BAND_LINE = '#c9d4e0';
const HEADER_FILL = '#e4ecf5';
const HEADER_LINE = '#c2cfdd';
const TAG_FILL = '#ebe7fa';
const TAG_INK = '#4a3c8c';

/** Space kept free at both ends of a lane's name written up a narrow header (paper). */
export const VERTICAL_PAD = 6;
/** Lines of a name written up a header, side by side: more would make the header wide. */
const VERTICAL_LINES = 3;

/**
 * A lane's whole name written up a narrow header of a band `length` long: wrapped at spaces
 * into three lines at most, on longer lines than the band gives when three are not enough
 * (the band then grows to the longest line: fitLaneNames in print/printLayout).
 */
export function verticalNameLines(name: string, length: number, style: TextStyle): string[] {
  const opts = { size: style.laneName.size, bold: true, breakWords: false };
  let room = Math.max(1, length - 2 * VERTICAL_PAD);
  let lines = wrapText(name, room, opts);
  while (lines.length > VERTICAL_LINES) lines = wrapText(name, (room += 10), opts);
  return lines;
}

export function drawLanes(map: ProcessMap, ws: Pick<Workspace, 'departments'>, width: number, extent: Extent, style: TextStyle = SCREEN_TEXT): string {
  const out: string[] = [];
  const headerW = style.headerWidth;
  const nameSize = style.laneName.size;
  const nameLineHeight = style.laneName.lineHeight;
  const tagSize = style.laneTag;
  laneBands(map).forEach((band, i) => {
    const lane = map.lanes[i]!;
    const { y, height } = band;
    extent.add(0, y, width, height);
    out.push(
      `<g class="lane"><rect x="0" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${BAND_FILL[i % 2]}"/>`,
      `<rect x="0" y="${num(y)}" width="${headerW}" height="${num(height - 1)}" fill="${HEADER_FILL}"/>`,
      `<path d="M${headerW - 0.5},${num(y)}V${num(y + height - 1)}" stroke="${HEADER_LINE}" stroke-width="1" fill="none"/>`,
      `<path d="M0,${num(y + height - 0.5)}H${num(width)}" stroke="${BAND_LINE}" stroke-width="1" fill="none"/>`,
    );
    if (style.laneName.vertical) {
      out.push(verticalName(lane.name, y, height, headerW, style), '</g>');
      return;
    }
    // The whole name wraps across the header, its department's tag under it (the band was grown to hold both).
    const lh = nameSize * nameLineHeight;
    const lines = laneNameLines(lane.name, style);
    if (lines.length > 0) {
      const baselines = lines.map((_, k) => baseline(y + HEADER_PAD_Y + k * lh, nameSize, nameLineHeight));
      out.push(textBlock(lines, HEADER_PAD_X, baselines, `font-size="${nameSize}" font-weight="700" fill="${INK}"`));
    }
    const own = laneOwnDepartment(map, lane);
    const dept = own ? ws.departments.find((d) => d.id === own) : undefined;
    const tag = dept ? laneTagLines(dept.name, style) : [];
    if (tag.length > 0) {
      const tagTop = y + HEADER_PAD_Y + lines.length * lh + TAG_GAP;
      const tagLh = tagSize * TAG_LINE;
      const width = Math.max(...tag.map((t) => textWidth(t, tagSize)));
      out.push(
        `<rect x="${HEADER_PAD_X}" y="${num(tagTop)}" width="${num(width + 2 * TAG_PAD_X)}" height="${num(tag.length * tagLh + 2 * TAG_PAD_Y)}" rx="4" fill="${TAG_FILL}"/>`,
        textBlock(tag, HEADER_PAD_X + TAG_PAD_X, tag.map((_, k) => baseline(tagTop + TAG_PAD_Y + k * tagLh, tagSize, TAG_LINE)), `font-size="${tagSize}" fill="${TAG_INK}"`),
      );
    }
    out.push('</g>');
  });
  return out.join('');
}

/** The name written upwards, centred in the band, its lines side by side from the header's left. */
function verticalName(name: string, y: number, height: number, header: number, style: TextStyle): string {
  const { size, lineHeight } = style.laneName;
  const lines = verticalNameLines(name, height, style);
  const cy = y + height / 2;
  const lh = size * lineHeight;
  const left = (header - lines.length * lh) / 2;
  return lines
    .map((line, k) => {
      const x = baseline(left + k * lh, size, lineHeight);
      return `<text x="${num(x)}" y="${num(cy)}" transform="rotate(-90 ${num(x)} ${num(cy)})" font-size="${size}" font-weight="700" text-anchor="middle" fill="${INK}">${xmlText(line)}</text>`;
    })
    .join('');
}
