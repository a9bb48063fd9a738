import { type DepartmentPart, type FindingRow, type MapPart, SEVERITY_WORD } from '../../core/report/content';
import { KIND_TAG, usesFor } from '../../core/report/mapSteps';
import { COLOURS } from '../../core/report/reportColours';
import { muted, para, type PdfFlow, pxToPt, SMALL } from './pdfFlow';
import { linesHeight, type Para } from './pdfText';
import { pictureCaption, type ReportPicture } from '../../core/report/pictures/mapPictures';
import { fill } from './pdfSections';
import { cellPara, type Row, table } from './pdfTable';

// A department's part of the PDF report: an opening page (what it does, its maps, the findings
// that concern it), then each map on pages of its own: the picture at its printed size (cut
// into parts when wide, each part on its own page), then its steps.

export function department(flow: PdfFlow, d: DepartmentPart): void {
  flow.heading(d.heading, { newPage: true });
  flow.para(para(d.intro));
  flow.subHeading('Maps');
  for (const m of d.maps) flow.bullet(para(`${m.heading.number}  ${m.heading.title}: ${m.facts}`, { after: 2 }));
  if (d.findings?.length) {
    flow.subHeading(`Findings that concern ${d.departmentId === null ? 'these maps' : d.heading.title}`);
    findingsBrief(flow, d.findings);
  }
  for (const m of d.maps) map(flow, m);
}

function findingsBrief(flow: PdfFlow, rows: FindingRow[]): void {
  table(
    flow,
    fill(flow, [{ title: '#' }, { title: 'Severity' }, { title: 'Finding' }, { title: 'Cost a year' }], [35, 60, flow.width - 35 - 60 - 130]),
    rows.map((r) => ({ cells: [r.ref, SEVERITY_WORD[r.severity], r.title, r.cost ? r.cost.replace(/ \(.*\)$/, '') : '–'] })),
  );
}

/**
 * A picture with what leads into it (the map's heading, a part's caption): above it when both
 * fit the page at 8 pt, else beside it, so a tall, narrow picture keeps the page's whole height.
 */
function pictureWithLead(flow: PdfFlow, p: ReportPicture, leadHeight: number, lead: (opts: { width?: number; keep?: number }) => void): void {
  const [w, h] = [pxToPt(p.shownWidth), pxToPt(p.shownHeight)];
  const side = flow.width - w - 16;
  if (!flow.fitsBelow(leadHeight, p.svg, w, h) && side >= 150) {
    const top = flow.y;
    lead({ width: side });
    flow.y = top;
    flow.picture(p.svg, w, h, p.label, 'right');
  } else {
    lead({ keep: h * flow.leastScale(p.svg, w) });
    flow.picture(p.svg, w, h, p.label);
  }
  flow.gap(6);
}

const height = (flow: PdfFlow, p: Para): number => linesHeight(flow.lines(p)) + (p.after ?? 0);

function map(flow: PdfFlow, m: MapPart): void {
  flow.newPage(m.pictures.orientation);
  const pics = m.pictures.pictures;
  // Above the picture, as in the Word report, so it never stands alone after a full-page map.
  const refs = m.findings.length ? para(`Findings on this map (the numbers on its badges): ${m.findings.map((f) => f.ref).join(', ')}.`, { size: 9 }) : undefined;
  if (pics.length === 0) {
    flow.heading(m.heading, { aside: m.facts });
    if (refs) flow.para(refs);
  }
  pics.forEach((p, i) => {
    if (i > 0) flow.newPage();
    const text = pictureCaption(p, i === pics.length - 1);
    const caption = text ? para([{ text, italic: true }], { size: 9, color: COLOURS.muted, after: 4 }) : undefined;
    const first = i === 0;
    const lead = [...(first ? [flow.headingPara(m.heading, m.facts)] : []), ...(first && refs ? [refs] : []), ...(caption ? [caption] : [])];
    pictureWithLead(flow, p, lead.reduce((n, q) => n + height(flow, q), 0), (o) => {
      if (first) flow.heading(m.heading, { aside: m.facts, ...(o.width ? { width: o.width } : {}), keep: 0 });
      if (first && refs) flow.para(refs, { whole: true, ...(o.width ? { width: o.width } : {}) });
      if (caption) flow.para(caption, { whole: true, ...o });
    });
  });
  if (m.steps.length === 0) flow.para(muted('This map has no steps yet.'));
  else {
    flow.subHeading('Steps');
    stepTable(flow, m);
  }
  if (m.notes.length) {
    flow.subHeading('Notes on the map');
    for (const n of m.notes) flow.bullet(para(n.notes ? `${n.label}: ${n.notes}` : n.label, { after: 2 }));
  }
}

function stepTable(flow: PdfFlow, m: MapPart): void {
  const w = flow.width;
  const columns = fill(flow, [{ title: '#', align: 'center' }, { title: 'Lane' }, { title: 'Step' }, { title: 'Reads' }, { title: 'Writes' }], [24, Math.round(w * 0.17), Math.round(w * 0.33), Math.round(w * 0.22)]);
  const rows: Row[] = m.steps.map((s, i) => {
    const tags = [KIND_TAG[s.kind], s.manual ? 'Manual' : undefined].filter(Boolean).join(', ');
    const step = [
      cellPara('', {
        runs: [
          s.label ? { text: s.label } : { text: 'Unlabelled', italic: true, color: COLOURS.muted },
          ...(tags ? [{ text: `  ${tags}`, bold: true, size: SMALL - 1, color: COLOURS.muted }] : []),
        ],
      }),
      ...(s.notes ? [cellPara(s.notes, { runs: [{ text: s.notes, italic: true }], size: SMALL - 1, color: COLOURS.muted })] : []),
    ];
    const named = (access: 'read' | 'write') => usesFor(s, access).map((u) => `${u.name}${u.catalogued ? '' : ' (not in the catalogue)'}`);
    const reads = named('read');
    const writes = named('write');
    return { cells: [String(i + 1), s.lane, step, reads.length ? reads : '–', writes.length ? writes : '–'] };
  });
  table(flow, columns, rows);
}
