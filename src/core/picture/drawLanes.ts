import { laneBands, LANE_HEADER_WIDTH } from '../model/geometry';
import type { ProcessMap, Workspace } from '../model/types';
import { laneOwnDepartment } from '../model/vocabulary';
import { baseline, INK } from '../drawing/nodeLabels';
import { Extent, num, textBlock, xmlText } from './svgMarkup';
import { textWidth, wrapText } from '../drawing/textMetrics';

// Lanes as the editor draws them: bands across the map in two alternating tints, each with a
// header on the left holding the lane's name, and its department when it is not the map's.

const BAND_FILL = ['#fbfcfe', '#f2f6fa'];
const BAND_LINE = '#c9d4e0';
const HEADER_FILL = '#e4ecf5';
const HEADER_LINE = '#c2cfdd';
const NAME_SIZE = 14;
const NAME_LINE_HEIGHT = 1.25;
const PAD_X = 8;
const PAD_Y = 10;
const TAG_SIZE = 11.5;
const TAG_FILL = '#ebe7fa';
const TAG_INK = '#4a3c8c';
/** CSS `line-height: normal` for DejaVu Sans. */
const NORMAL_LINE = 1.164;

export function drawLanes(map: ProcessMap, ws: Pick<Workspace, 'departments'>, width: number, extent: Extent): string {
  const out: string[] = [];
  const inner = LANE_HEADER_WIDTH - 2 * PAD_X - 1;
  laneBands(map).forEach((band, i) => {
    const lane = map.lanes[i]!;
    const { y, height } = band;
    extent.add(0, y, width, height);
    out.push(
      `<g class="lane"><rect x="0" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${BAND_FILL[i % 2]}"/>`,
      `<rect x="0" y="${num(y)}" width="${LANE_HEADER_WIDTH}" height="${num(height - 1)}" fill="${HEADER_FILL}"/>`,
      `<path d="M${LANE_HEADER_WIDTH - 0.5},${num(y)}V${num(y + height - 1)}" stroke="${HEADER_LINE}" stroke-width="1" fill="none"/>`,
      `<path d="M0,${num(y + height - 0.5)}H${num(width)}" stroke="${BAND_LINE}" stroke-width="1" fill="none"/>`,
    );
    // The name wraps in the header; what the band has no room for ends in an ellipsis.
    const lh = NAME_SIZE * NAME_LINE_HEIGHT;
    const roomLines = Math.max(1, Math.floor((height - 2 * PAD_Y) / lh));
    const lines = wrapText(lane.name, inner, { size: NAME_SIZE, bold: true, maxLines: roomLines });
    if (lines.length > 0) {
      const baselines = lines.map((_, k) => baseline(y + PAD_Y + k * lh, NAME_SIZE, NAME_LINE_HEIGHT));
      out.push(textBlock(lines, PAD_X, baselines, `font-size="${NAME_SIZE}" font-weight="700" fill="${INK}"`));
    }
    const own = laneOwnDepartment(map, lane);
    const dept = own ? ws.departments.find((d) => d.id === own) : undefined;
    const tagTop = y + PAD_Y + lines.length * lh + 4;
    const tagHeight = TAG_SIZE * NORMAL_LINE + 2;
    if (dept && tagTop + tagHeight <= y + height) {
      const [text] = wrapText(dept.name, inner - 10, { size: TAG_SIZE, maxLines: 1 });
      if (text) {
        out.push(
          `<rect x="${PAD_X}" y="${num(tagTop)}" width="${num(textWidth(text, TAG_SIZE) + 10)}" height="${num(tagHeight)}" rx="4" fill="${TAG_FILL}"/>`,
          `<text x="${PAD_X + 5}" y="${num(baseline(tagTop + 1, TAG_SIZE, NORMAL_LINE))}" font-size="${TAG_SIZE}" fill="${TAG_INK}">${xmlText(text)}</text>`,
        );
      }
    }
    out.push('</g>');
  });
  return out.join('');
}
