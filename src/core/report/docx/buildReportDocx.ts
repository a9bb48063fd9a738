import { AlignmentType, Document, ImageRun, InternalHyperlink, type ISectionOptions, Packer, Paragraph, type Table } from 'docx';
import type { Workspace } from '../../model/types';
import { type DepartmentPart, type FindingsPart, type GlossaryPart, type LandscapePart, type MapPart, reportContent, type ReportContent, SEVERITY_WORD } from '../content';
import { KIND_TAG, useText } from '../mapSteps';
import type { MapImage, ReportOptions } from '../options';
import {
  COLOURS, gap, headingPara, mutedPara, type Orientation, PAGE, pageFooter, pageProperties, para, REPORT_STYLES, reportTable, type RowSpec, subHeading, TABLE_TEXT, text,
} from './docxParts';

// The report as a Word document. Text pages are portrait; the department parts (wide maps and
// their step tables) and the landscape matrix are landscape pages. The contents list is real
// text with links to bookmarks, so it reads right without Word updating any field.

type Block = Paragraph | Table;

export async function buildReportDocx(ws: Workspace, opts: ReportOptions = {}): Promise<Uint8Array> {
  const c = reportContent(ws, opts);
  const footer = { default: pageFooter(c.title) };
  const section = (orientation: Orientation, children: Block[]): ISectionOptions => ({ properties: pageProperties(orientation), footers: footer, children });
  const sections: ISectionOptions[] = [
    { properties: pageProperties('portrait'), children: cover(c) },
    section('portrait', [...contents(c), ...summary(c)]),
    ...c.departments.map((d) => section('landscape', department(d, opts.images ?? {}))),
    ...(c.findings ? [section('landscape', findings(c.findings))] : []),
    section(c.landscape.departments.length > 4 ? 'landscape' : 'portrait', landscapeMatrix(c.landscape, c.landscape.departments.length > 4 ? 'landscape' : 'portrait')),
    section('portrait', glossary(c.glossary)),
  ];
  const doc = new Document({
    title: `${c.title}: ${c.subtitle}`,
    subject: c.subtitle,
    creator: 'Lanemap',
    description: `Process maps, findings and catalogue, ${c.date}`,
    styles: REPORT_STYLES,
    sections,
  });
  return Packer.pack(doc, 'uint8array');
}

function cover(c: ReportContent): Paragraph[] {
  return [
    para('', { spacing: { before: 3600, after: 0 } }),
    para([text('PROCESS MAPS AND FINDINGS', { size: 20, color: COLOURS.muted, characterSpacing: 40 })], { spacing: { after: 360 } }),
    para([text(c.title, { size: 60, bold: true, color: COLOURS.accent })], { spacing: { after: 240 } }),
    para([text(c.subtitle, { size: 32, color: COLOURS.ink })], { spacing: { after: 160 } }),
    ...(c.workspaceLine ? [para([text(c.workspaceLine, { size: 24, color: COLOURS.muted })])] : []),
    para([text(c.date, { size: 24, color: COLOURS.muted })], { spacing: { before: 1200 } }),
  ];
}

function contents(c: ReportContent): Paragraph[] {
  return [
    para([text('Contents', { size: 36, bold: true, color: COLOURS.accent })], { spacing: { after: 240 } }),
    ...c.contents.map(
      (h) =>
        new Paragraph({
          indent: { left: h.level === 2 ? 560 : 0 },
          spacing: { before: h.level === 1 ? 120 : 0, after: 40 },
          children: [
            new InternalHyperlink({
              anchor: h.anchor,
              children: [text(`${h.number}   `, { color: COLOURS.muted }), text(h.title, h.level === 1 ? { bold: true } : {})],
            }),
          ],
        }),
    ),
  ];
}

function summary(c: ReportContent): Block[] {
  return [
    headingPara(c.summary.heading, { pageBreakBefore: true }),
    ...c.summary.paragraphs.map((p) => para(p)),
    ...c.summary.bullets.map((b) => para(b, { bullet: { level: 0 }, spacing: { after: 40 } })),
  ];
}

/** Pixels at 96 dpi, as ImageRun wants them. */
const twipsToPx = (twips: number): number => (twips / 1440) * 96;
const PAGE_HEIGHT_PX = twipsToPx(PAGE.landscape.textHeight);
// Room under the map's heading and facts line, so picture and heading share a page.
const PICTURE_MAX_HEIGHT = PAGE_HEIGHT_PX - 130;
/** Rough heights in pixels of what sits above a step table, to judge what fits under a picture. */
const ROUGH = { departmentTop: 75, mapTop: 70, line: 26, stepsHeading: 35, headerRow: 30, row: 24 };

/** The picture scaled to the page's width (and height), its aspect kept; never enlarged. */
export function fitPicture(image: Pick<MapImage, 'width' | 'height'>, maxWidth = twipsToPx(PAGE.landscape.textWidth), maxHeight = PICTURE_MAX_HEIGHT): { width: number; height: number } {
  const w = image.width > 0 ? image.width : 1;
  const h = image.height > 0 ? image.height : 1;
  const scale = Math.min(1, maxWidth / w, maxHeight / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** The map as SVG with its PNG as the fallback, or the PNG alone. */
function mapPicture(image: MapImage, size: { width: number; height: number }, title: string): ImageRun {
  const common = { transformation: size, altText: { name: title, title, description: `The process map “${title}”` } };
  return image.svg
    ? new ImageRun({ type: 'svg', data: new TextEncoder().encode(image.svg), fallback: { type: 'png', data: image.png }, ...common })
    : new ImageRun({ type: 'png', data: image.png, ...common });
}

function department(d: DepartmentPart, images: Record<string, MapImage>): Block[] {
  return [headingPara(d.heading), para(d.intro), ...d.maps.flatMap((m, i) => mapBlocks(m, images[m.map.id], i > 0))];
}

function mapBlocks(m: MapPart, image: MapImage | undefined, newPage: boolean): Block[] {
  const blocks: Block[] = [headingPara(m.heading, { pageBreakBefore: newPage }), para([text(m.facts, { color: COLOURS.muted, size: 19 })], { keepNext: true })];
  const size = image && fitPicture(image);
  // A step table that would start with a row or two under the picture starts on the next page.
  const above = (newPage ? 0 : ROUGH.departmentTop) + ROUGH.mapTop + (size ? size.height + 12 : ROUGH.line) + (m.findings.length ? ROUGH.line : 0) + ROUGH.stepsHeading + ROUGH.headerRow;
  const stepsOnNewPage = Math.floor((PAGE_HEIGHT_PX - above) / ROUGH.row) < Math.min(4, m.steps.length);
  if (image && size) {
    blocks.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [
          mapPicture(image, size, m.heading.title),
        ],
      }),
    );
  } else blocks.push(mutedPara('No picture of this map was included.'));
  if (m.findings.length) blocks.push(para(`Findings on this map: ${m.findings.map((f) => f.ref).join(', ')} (see the Findings section).`));
  if (m.steps.length === 0) blocks.push(mutedPara('This map has no steps yet.'));
  else {
    const w = PAGE.landscape.textWidth;
    const columns = [
      { title: '#', width: 600, align: 'center' as const },
      { title: 'Step', width: Math.round(w * 0.34) },
      { title: 'Lane', width: Math.round(w * 0.2) },
    ];
    columns.push({ title: 'Systems and stores used', width: w - columns.reduce((n, col) => n + col.width, 0) });
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
      return { cells: [String(i + 1), step, s.lane, s.uses.length ? s.uses.map(useText) : '–'] };
    });
    blocks.push(subHeading('Steps', stepsOnNewPage), reportTable(columns, rows), gap());
  }
  if (m.notes.length) {
    blocks.push(subHeading('Notes on the map'));
    for (const n of m.notes) blocks.push(para(n.notes ? `${n.label}: ${n.notes}` : n.label, { bullet: { level: 0 }, spacing: { after: 40 } }));
  }
  return blocks;
}

const SEVERITY_FILL = { high: 'FDE8E6', medium: 'FDF0D5', low: 'E9EDF2' } as const;

function findings(f: FindingsPart): Block[] {
  const blocks: Block[] = [headingPara(f.heading), para(f.intro)];
  if (f.rows.length === 0) return blocks;
  const w = PAGE.landscape.textWidth;
  const columns = [
    { title: '#', width: 600 },
    { title: 'Kind', width: 1900 },
    { title: 'Severity', width: 1100 },
    { title: 'Finding', width: 6600 },
  ];
  columns.push({ title: 'Suggestion', width: w - columns.reduce((n, col) => n + col.width, 0) });
  const rows: RowSpec[] = f.rows.map((r) => ({
    cells: [
      r.ref,
      r.kind,
      [new Paragraph({ spacing: { after: 0 }, children: [text(SEVERITY_WORD[r.severity], { size: TABLE_TEXT, bold: true })] })],
      [
        new Paragraph({ spacing: { after: 40 }, children: [text(r.title, { size: TABLE_TEXT, bold: true })] }),
        new Paragraph({ spacing: { after: 0 }, children: [text(r.explanation, { size: TABLE_TEXT })] }),
        ...(r.maps ? [new Paragraph({ spacing: { before: 40, after: 0 }, children: [text(`Maps: ${r.maps}`, { size: TABLE_TEXT - 2, color: COLOURS.muted })] })] : []),
      ],
      r.suggestion,
    ],
    fills: [undefined, undefined, SEVERITY_FILL[r.severity]],
  }));
  return [...blocks, reportTable(columns, rows, { splitRows: true })];
}

const MARK_FILL: Record<string, string> = { C: 'DCEBFA', R: 'E3F3E6', CR: 'D6E8EF' };

function landscapeMatrix(l: LandscapePart, orientation: Orientation): Block[] {
  const blocks: Block[] = [headingPara(l.heading), para(l.intro)];
  if (l.groups.length === 0) return [...blocks, mutedPara('The catalogue has no systems or data stores yet.')];
  const w = PAGE[orientation].textWidth;
  const nameWidth = Math.round(w * 0.25);
  const flagWidth = Math.round(w * 0.11);
  const deptWidth = Math.floor((w - nameWidth - flagWidth) / Math.max(1, l.departments.length));
  const columns = [
    { title: 'System or store', width: nameWidth },
    ...l.departments.map((d) => ({ title: d, width: deptWidth, align: 'center' as const })),
    { title: 'Flags', width: w - nameWidth - deptWidth * l.departments.length },
  ];
  const rows: RowSpec[] = l.groups.flatMap((g) => [
    { cells: [g.label], group: true },
    ...g.rows.map((r) => ({
      cells: [
        [
          new Paragraph({ spacing: { after: 0 }, children: [text(r.name, { size: TABLE_TEXT, bold: true })] }),
          new Paragraph({ spacing: { after: 0 }, children: [text(r.kind, { size: TABLE_TEXT - 2, color: COLOURS.muted })] }),
        ],
        ...r.marks.map((m) => [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [text(m, { size: TABLE_TEXT, bold: true })] })]),
        r.flags.join(', '),
      ],
      fills: [undefined, ...r.marks.map((m) => MARK_FILL[m]), r.flags.includes('Silo') ? 'FDE8E6' : r.flags.length ? 'FDF0D5' : undefined],
    })),
  ]);
  return [...blocks, reportTable(columns, rows)];
}

const joined = (items: string[]): string => (items.length ? items.join(', ') : '–');

function glossary(g: GlossaryPart): Block[] {
  const blocks: Block[] = [headingPara(g.heading), para(g.intro)];
  const w = PAGE.portrait.textWidth;
  if (g.systems.length) {
    blocks.push(
      subHeading('Systems'),
      reportTable(
        [{ title: 'System', width: 2300 }, { title: 'Kind', width: 1500 }, { title: 'Owner', width: 1700 }, { title: 'Data stores in it', width: 2200 }, { title: 'Integrates with', width: w - 7700 }],
        g.systems.map((s) => ({ cells: [[boldCell(s.name)], s.kind || '–', s.owner || '–', joined(s.stores), joined(s.integrations)] })),
      ),
      gap(),
    );
  } else blocks.push(mutedPara('No systems in the catalogue.'));
  if (g.stores.length) {
    blocks.push(
      subHeading('Data stores'),
      reportTable(
        [{ title: 'Data store', width: 2200 }, { title: 'Kind', width: 1300 }, { title: 'Part of system', width: 1800 }, { title: 'Owner', width: 1600 }, { title: 'Customer fields', width: w - 6900 }],
        g.stores.map((d) => ({ cells: [[boldCell(d.name)], d.kind, d.system || '–', d.owner || '–', joined(d.fields)] })),
      ),
    );
  } else blocks.push(mutedPara('No data stores in the catalogue.'));
  return blocks;
}

const boldCell = (value: string): Paragraph => new Paragraph({ spacing: { after: 0 }, children: [text(value, { size: TABLE_TEXT, bold: true })] });
