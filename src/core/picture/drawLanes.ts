import { laneBands } from '../model/geometry';
import type { ProcessMap, Workspace } from '../model/types';
import { laneOwnDepartment } from '../model/vocabulary';
import { baseline, INK } from '../drawing/nodeLabels';
import { Extent, num, textBlock, xmlText } from './svgMarkup';
import { textWidth, wrapText } from '../drawing/textMetrics';
import { SCREEN_TEXT, type TextStyle } from '../drawing/textStyle';

// Lanes as the editor draws them: bands across the map in two alternating tints, each with a
// header on the left holding the lane's name, and its department when it is not the map's.

const BAND_FILL = ['#fbfcfe', '#f2f6fa'];
const BAND_LINE = '#c9d4e0';
const HEADER_FILL = '#e4ecf5';
const HEADER_LINE = '#c2cfdd';
const PAD_X = 8;
const PAD_Y = 10;
const TAG_FILL = '#ebe7fa';
const TAG_INK = '#4a3c8c';
/** CSS `line-height: normal` for DejaVu Sans. */
const NORMAL_LINE = 1.164;

/** Lines of a lane's name written up a narrow header (paper): their length, and how many fit across it. */
export const VERTICAL_PAD = 6;

export function verticalNameLines(name: string, length: number, style: TextStyle): string[] {
  return wrapText(name, Math.max(1, length - 2 * VERTICAL_PAD), { size: style.laneName.size, bold: true, maxLines: 3, breakWords: false });
}

export function drawLanes(map: ProcessMap, ws: Pick<Workspace, 'departments'>, width: number, extent: Extent, style: TextStyle = SCREEN_TEXT): string {
  const out: string[] = [];
  const headerW = style.headerWidth;
  const inner = headerW - 2 * PAD_X - 1;
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
    // The name wraps in the header; what the band has no room for ends in an ellipsis.
    const lh = nameSize * nameLineHeight;
    const roomLines = Math.max(1, Math.floor((height - 2 * PAD_Y) / lh));
    const lines = wrapText(lane.name, inner, { size: nameSize, bold: true, maxLines: roomLines });
    if (lines.length > 0) {
      const baselines = lines.map((_, k) => baseline(y + PAD_Y + k * lh, nameSize, nameLineHeight));
      out.push(textBlock(lines, PAD_X, baselines, `font-size="${nameSize}" font-weight="700" fill="${INK}"`));
    }
    const own = laneOwnDepartment(map, lane);
    const dept = own ? ws.departments.find((d) => d.id === own) : undefined;
    const tagTop = y + PAD_Y + lines.length * lh + 4;
    const tagHeight = tagSize * NORMAL_LINE + 2;
    if (dept && tagTop + tagHeight <= y + height) {
      const [text] = wrapText(dept.name, inner - 10, { size: tagSize, maxLines: 1 });
      if (text) {
        out.push(
          `<rect x="${PAD_X}" y="${num(tagTop)}" width="${num(textWidth(text, tagSize) + 10)}" height="${num(tagHeight)}" rx="4" fill="${TAG_FILL}"/>`,
          `<text x="${PAD_X + 5}" y="${num(baseline(tagTop + 1, tagSize, NORMAL_LINE))}" font-size="${tagSize}" fill="${TAG_INK}">${xmlText(text)}</text>`,
        );
      }
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
