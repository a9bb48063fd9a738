import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import { type DepartmentPart, type FindingRow, type MapPart, SEVERITY_WORD } from '../content';
import { KIND_TAG, usesFor } from '../mapSteps';
import { pictureCaption, type ReportPicture } from '../pictures/mapPictures';
import { type PageShape, twipsToPx } from '../paper';
import { COLOURS, gap, headingPara, mutedPara, para, reportTable, type RowSpec, subHeading, TABLE_TEXT, text } from './docxParts';

// A department's part of the Word report: an opening page (what it does, its maps, the
// findings that concern it), then each map on its own pages: the picture, cut into parts when
// wide, then its steps with the systems they read and write.

export type Block = Paragraph | Table;

/** The pictures' PNGs, by picture, made before the document is written. */
export type PngOf = (p: ReportPicture) => Uint8Array | undefined;

export function departmentOpener(d: DepartmentPart, page: PageShape): Block[] {
  const blocks: Block[] = [headingPara(d.heading), para(d.intro)];
  blocks.push(subHeading('Maps'));
  for (const m of d.maps) blocks.push(para(`${m.heading.number}  ${m.heading.title}: ${m.facts}`, { bullet: { level: 0 }, spacing: { after: 40 } }));
  if (d.findings?.length) blocks.push(subHeading(`Findings that concern ${d.departmentId === null ? 'these maps' : d.heading.title}`), findingsBrief(d.findings, page), gap());
  return blocks;
}

/** Number, severity and title of each finding, pointing to the full text. */
function findingsBrief(rows: FindingRow[], page: PageShape): Table {
  const w = page.textWidth;
  const columns = [
    { title: '#', width: 700 },
    { title: 'Severity', width: 1200 },
    { title: 'Finding', width: w - 700 - 1200 - 2600 },
    { title: 'Cost a year', width: 2600 },
  ];
  return reportTable(
    columns,
    rows.map((r) => ({ cells: [r.ref, SEVERITY_WORD[r.severity], r.title, r.cost ? r.cost.replace(/ \(.*\)$/, '') : '–'] })),
  );
}

/** The picture at its size on the page, never smaller than its own: SVG with the PNG for older readers. */
function picture(p: ReportPicture, png: Uint8Array | undefined): Paragraph {
  // Whole pixels, rounded up, so the printed text never comes out a hair under its size.
  const size = { width: Math.ceil(p.shownWidth), height: Math.ceil(p.shownHeight) };
  const common = { transformation: size, altText: { name: p.label, title: p.label, description: `The process map “${p.label}”` } };
  if (!png) return mutedPara('No picture of this map was included.');
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { after: 60 },
    children: [new ImageRun({ type: 'svg', data: new TextEncoder().encode(p.svg), fallback: { type: 'png', data: png }, ...common })],
  });
}

export function mapBlocks(m: MapPart, page: PageShape, pngOf: PngOf): Block[] {
  const blocks: Block[] = [headingPara(m.heading), para([text(m.facts, { color: COLOURS.muted, size: 19 })], { keepNext: true })];
  // Above the picture, so it never ends up alone on the page after a full-page map.
  if (m.findings.length) blocks.push(para(`Findings on this map (the numbers on its badges): ${m.findings.map((f) => f.ref).join(', ')}.`, { keepNext: true }));
  const pics = m.pictures.pictures;
  pics.forEach((p, i) => {
    // A part starts its page with a line saying which it is, kept with the picture.
    const caption = pictureCaption(p, i === pics.length - 1);
    if (caption) blocks.push(para([text(caption, { color: COLOURS.muted, size: 18, italics: true })], { keepNext: true, pageBreakBefore: i > 0, spacing: { after: 60 } }));
    blocks.push(picture(p, pngOf(p)));
  });
  if (m.steps.length === 0) blocks.push(mutedPara('This map has no steps yet.'));
  else blocks.push(subHeading('Steps', pics.length > 0 && twipsToPx(page.textHeight) - (pics[pics.length - 1]!.shownHeight + 80) < 160), stepTable(m, page), gap());
  if (m.notes.length) {
    blocks.push(subHeading('Notes on the map'));
    for (const n of m.notes) blocks.push(para(n.notes ? `${n.label}: ${n.notes}` : n.label, { bullet: { level: 0 }, spacing: { after: 40 } }));
  }
  return blocks;
}

function stepTable(m: MapPart, page: PageShape): Table {
  const w = page.textWidth;
  const columns = [
    { title: '#', width: 560, align: 'center' as const },
    { title: 'Lane', width: Math.round(w * 0.17) },
    { title: 'Step', width: Math.round(w * 0.33) },
    { title: 'Reads', width: Math.round(w * 0.22) },
  ];
  columns.push({ title: 'Writes', width: w - columns.reduce((n, c) => n + c.width, 0) });
  const rows: RowSpec[] = m.steps.map((s, i) => {
    const tags = [KIND_TAG[s.kind], s.manual ? 'Manual' : undefined].filter(Boolean).join(', ');
    const step = [
      new Paragraph({
        spacing: { after: 0 },
        children: [
          s.label ? text(s.label, { size: TABLE_TEXT }) : text('Unlabelled', { size: TABLE_TEXT, italics: true, color: COLOURS.muted }),
          ...(tags ? [text(`  ${tags}`, { size: TABLE_TEXT - 2, bold: true, color: COLOURS.muted })] : []),
        ],
      }),
      ...(s.notes ? [new Paragraph({ spacing: { after: 0 }, children: [text(s.notes, { size: TABLE_TEXT - 2, color: COLOURS.muted, italics: true })] })] : []),
    ];
    const named = (access: 'read' | 'write') => usesFor(s, access).map((u) => `${u.name}${u.catalogued ? '' : ' (not in the catalogue)'}`);
    const reads = named('read');
    const writes = named('write');
    return { cells: [String(i + 1), s.lane, step, reads.length ? reads : '–', writes.length ? writes : '–'] };
  });
  return reportTable(columns, rows);
}
