import { Document, type ISectionOptions, Packer } from 'docx';
import type { Workspace } from '../../model/types';
import { reportContent } from '../content';
import type { ReportOptions } from '../options';
import { type Orientation, pageShape } from '../paper';
import type { ReportPicture } from '../pictures/mapPictures';
import { type Block, departmentOpener, mapBlocks } from './docxMaps';
import { pageFooter, pageHeader, pageProperties, REPORT_STYLES } from './docxParts';
import { across, commentsAppendix, contents, cover, findingsRegister, glossary, recommendations, summary } from './docxSections';

// The report as a Word document. Text pages are portrait with 2 cm margins; each map gets the
// pages its pictures need (portrait when it fits, else landscape with narrow margins). Every
// page but the cover carries the workspace's name at the top and "Page n of m" at the foot.
// The contents list is real text with links to bookmarks, so it reads right without Word
// updating any field.

/** Pictures drawn at once: enough to keep two cores busy, few enough to hold little memory. */
const RASTER_AT_ONCE = 4;

export async function buildReportDocx(ws: Workspace, opts: ReportOptions = {}): Promise<Uint8Array> {
  const c = reportContent(ws, opts);
  const portrait = pageShape(c.paper, 'portrait');

  // The PNG fallbacks first, a few at a time (the CLI draws them on several cores), telling the
  // caller after each so it can show progress, or stop.
  const pictures = c.departments.flatMap((d) => d.maps.flatMap((m) => m.pictures.pictures));
  const pngs = new Map<ReportPicture, Uint8Array>();
  const rasterise = opts.rasterise;
  if (rasterise) {
    let next = 0;
    const worker = async () => {
      while (next < pictures.length) {
        const p = pictures[next++]!;
        pngs.set(p, await rasterise(p.svg, p));
        await opts.onProgress?.(pngs.size, pictures.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(RASTER_AT_ONCE, pictures.length) }, worker));
  }

  const header = { default: pageHeader(c.runningHeader) };
  const footer = { default: pageFooter() };
  const section = (orientation: Orientation, children: Block[]): ISectionOptions => ({
    properties: pageProperties(pageShape(c.paper, orientation)),
    headers: header,
    footers: footer,
    children,
  });
  const sections: ISectionOptions[] = [
    { properties: pageProperties(portrait), children: cover(c.cover) },
    section('portrait', [...contents(c), ...(c.summary ? summary(c.summary, portrait) : [])]),
  ];
  for (const d of c.departments) {
    sections.push(section('portrait', departmentOpener(d, portrait)));
    for (const m of d.maps) sections.push(section(m.pictures.orientation, mapBlocks(m, pageShape(c.paper, m.pictures.orientation), (p) => pngs.get(p))));
  }
  if (c.across) sections.push(section('portrait', across(c.across, portrait)));
  if (c.recommendations) sections.push(section('portrait', recommendations(c.recommendations)));
  if (c.findings) sections.push(section('portrait', findingsRegister(c.findings, portrait)));
  if (c.glossary) sections.push(section('portrait', glossary(c.glossary, portrait)));
  if (c.comments) sections.push(section('portrait', commentsAppendix(c.comments, portrait)));

  const doc = new Document({
    title: `${c.cover.title}: ${c.cover.subtitle}`,
    subject: c.cover.subtitle,
    creator: 'Lanemap',
    description: `Process maps, findings and catalogue, ${c.cover.date}`,
    styles: REPORT_STYLES,
    features: { updateFields: false },
    sections,
  });
  return Packer.pack(doc, 'uint8array');
}
