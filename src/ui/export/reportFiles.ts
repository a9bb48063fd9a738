import type { Finding } from '../../core/analysis';
import type { Id, Workspace } from '../../core/model/types';
import type { Paper, ReportSection } from '../../core/report';
import { svgToPng } from './canvasRaster';

// The policy report (.docx or .html) for the chosen maps, as a file to download, and its
// first pages for the preview. The report builders (and the docx library) are loaded on first
// use, outside the app's first download.

export interface ReportChoice {
  mapIds: Id[];
  findings: Finding[];
  includeFindings: boolean;
  /** ISO date printed in the report. */
  date: string;
  paper: Paper;
  sections: Partial<Record<ReportSection, boolean>>;
}

/** The PNG in the Word report, for readers that cannot draw its SVG: at its printed size, as the CLI draws it. */
const REPORT_IMAGE_SCALE = 1;

const options = (c: ReportChoice) => ({
  mapIds: c.mapIds,
  findings: c.includeFindings ? c.findings : [],
  includeFindings: c.includeFindings,
  date: c.date,
  paper: c.paper,
  sections: c.sections,
});

/** The report as one HTML page: the download for .html, and what the preview shows. */
export async function reportHtml(ws: Workspace, choice: ReportChoice): Promise<string> {
  const { buildReportHtml } = await import('../../core/report');
  return buildReportHtml(ws, options(choice));
}

/**
 * The report file. A .docx needs a PNG of each picture, drawn here one by one, then the
 * document: `onStep` is told after each picture (and may throw to stop).
 */
export async function buildReportFile(format: 'docx' | 'html', ws: Workspace, choice: ReportChoice, onStep: (done: number, total: number) => Promise<void> = async () => undefined): Promise<Blob> {
  if (format === 'html') return new Blob([await reportHtml(ws, choice)], { type: 'text/html;charset=utf-8' });
  const { buildReportDocx } = await import('../../core/report');
  const bytes = await buildReportDocx(ws, {
    ...options(choice),
    rasterise: async (svg, size) => new Uint8Array(await (await svgToPng(svg, size, REPORT_IMAGE_SCALE)).blob.arrayBuffer()),
    onProgress: onStep,
  });
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
