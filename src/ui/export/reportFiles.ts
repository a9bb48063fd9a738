import type { Finding } from '../../core/analysis';
import type { MapImage } from '../../core/report';
import { renderMapSvg } from '../../core/picture';
import type { Id, Workspace } from '../../core/model/types';
import { svgToPng } from './canvasRaster';

// The policy report (.docx or .html) for the chosen maps, as a file to download. The report
// builders (and the docx library) are loaded on first use, outside the app's first download.

export interface ReportChoice {
  mapIds: Id[];
  findings: Finding[];
  includeFindings: boolean;
  /** ISO date printed in the report. */
  date: string;
}

/** The PNG in the Word report, for readers that cannot draw its SVG: 1.5x, crisp in print without bloating the document (as the CLI). */
const REPORT_IMAGE_SCALE = 1.5;

/**
 * The report file. A .docx needs a PNG of each map, drawn here one by one, then the document:
 * `onStep` is told before each step (and may throw to stop).
 */
export async function buildReportFile(format: 'docx' | 'html', ws: Workspace, choice: ReportChoice, onStep: (done: number, what: string) => Promise<void> = async () => undefined): Promise<Blob> {
  const { buildReportDocx, buildReportHtml } = await import('../../core/report');
  const opts = { mapIds: choice.mapIds, findings: choice.includeFindings ? choice.findings : [], includeFindings: choice.includeFindings, date: choice.date };
  if (format === 'html') return new Blob([buildReportHtml(ws, opts)], { type: 'text/html;charset=utf-8' });
  const images: Record<Id, MapImage> = {};
  const maps = ws.maps.filter((m) => choice.mapIds.includes(m.id));
  for (const [i, map] of maps.entries()) {
    await onStep(i, `Drawing “${map.name}” for the report`);
    const r = renderMapSvg(map, ws, { findings: opts.findings, title: false });
    const png = await svgToPng(r.svg, r, REPORT_IMAGE_SCALE);
    images[map.id] = { png: new Uint8Array(await png.blob.arrayBuffer()), svg: r.svg, width: r.width, height: r.height };
  }
  await onStep(maps.length, 'Writing the Word document');
  const bytes = await buildReportDocx(ws, { ...opts, images });
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
