import { analyzeWorkspace, type Finding } from '../../core/analysis';
import { renderMapSvg } from '../../core/picture';
import type { Id, ProcessMap, Workspace } from '../../core/model/types';
import { datedName, downloadBlob, uniqueNames } from '../io/download';
import { viewToPng } from './exportView';
import { svgToPng, type Raster } from './canvasRaster';
import { buildReportFile } from './reportFiles';
import type { Paper, ReportSection } from '../../core/report';

// What the export dialog does once the user presses Export: the files, one per map for
// pictures, one for a report, each downloaded under a safe, dated name.

export const EXPORT_FORMATS = ['svg', 'png', 'docx', 'html', 'view'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SCALES = [1, 2, 3] as const;
export type Scale = (typeof SCALES)[number];

export interface ExportChoice {
  format: ExportFormat;
  scale: Scale;
  /** The maps to export (ignored by 'view', which is the map on screen). */
  mapIds: Id[];
  findings: boolean;
  title: boolean;
  /** The report's paper and the sections it leaves out. */
  paper?: Paper;
  sections?: Partial<Record<ReportSection, boolean>>;
}

export interface ExportProgress {
  done: number;
  total: number;
  /** What is being made now, as a phrase ("Drawing “Admissions”"). */
  current?: string;
}

export interface ExportResult {
  files: string[];
  /** Things the user should know, e.g. a picture drawn smaller than asked. */
  notes: string[];
}

/** Lets the browser paint (the progress bar) before the next map is drawn. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** One distinct, safe, dated file name per map. */
function fileNames(maps: ProcessMap[], ext: string, now: Date): string[] {
  return uniqueNames(maps.map((m) => m.name), ext).map((n) => datedName(n.slice(0, -ext.length - 1), ext, now));
}

export function scaleNote(name: string, asked: number, r: Raster): string | null {
  if (r.scale >= asked) return null;
  return `“${name}” is too large for ${asked}x: saved at ${r.scale}x (${r.width.toLocaleString('en-GB')} × ${r.height.toLocaleString('en-GB')} px), the largest picture the browser can draw.`;
}

/** A map's PNG as the dialog would export it. */
export function mapPng(ws: Workspace, map: ProcessMap, choice: Pick<ExportChoice, 'scale' | 'title'>, findings: Finding[] | undefined, now = new Date()): Promise<Raster> {
  const r = renderMapSvg(map, ws, { findings, title: choice.title, date: isoDate(now) });
  return svgToPng(r.svg, r, choice.scale);
}

/**
 * Makes and downloads the files. Reports progress before each map and once at the end;
 * `stopped` is asked between maps, so a long export can be stopped.
 */
export async function runExport(ws: Workspace, choice: ExportChoice, onProgress: (p: ExportProgress) => void, stopped: () => boolean = () => false, now = new Date()): Promise<ExportResult> {
  const files: string[] = [];
  const notes: string[] = [];
  const findings = choice.findings ? analyzeWorkspace(ws) : undefined;
  const maps = ws.maps.filter((m) => choice.mapIds.includes(m.id));

  if (choice.format === 'view') {
    const map = maps[0];
    onProgress({ done: 0, total: 1, current: 'Taking the picture' });
    await nextFrame();
    const r = await viewToPng(choice.scale);
    const name = datedName(`${map?.name ?? 'map'} view`, 'png', now);
    downloadBlob(r.blob, name);
    const note = scaleNote(`${map?.name ?? 'The view'} (view)`, choice.scale, r);
    if (note) notes.push(note);
    onProgress({ done: 1, total: 1 });
    return { files: [name], notes };
  }

  if (maps.length === 0) throw new Error('No map is chosen. Pick at least one map to export.');

  if (choice.format === 'docx' || choice.format === 'html') {
    // A Word report draws a PNG of each picture first (the bar counts them); then the document is written.
    onProgress({ done: 0, total: 1, current: 'Laying out the maps for paper' });
    await nextFrame();
    let total = 1;
    const report = { mapIds: maps.map((m) => m.id), findings: findings ?? [], includeFindings: choice.findings, date: isoDate(now), paper: choice.paper ?? 'a4', sections: choice.sections ?? {} };
    const blob = await buildReportFile(choice.format, ws, report, async (done, pictures) => {
      if (stopped()) throw new Error('Stopped: no report was saved.');
      total = pictures + 1;
      onProgress({ done, total, current: done < pictures ? `Drawing picture ${done + 1} of ${pictures}` : 'Writing the Word document' });
      await nextFrame();
    });
    const name = datedName(`${ws.meta.name} report`, choice.format, now);
    downloadBlob(blob, name);
    onProgress({ done: total, total });
    return { files: [name], notes };
  }

  const names = fileNames(maps, choice.format, now);
  for (const [i, map] of maps.entries()) {
    if (stopped()) break;
    onProgress({ done: i, total: maps.length, current: `Drawing “${map.name}”` });
    await nextFrame();
    if (choice.format === 'svg') {
      const r = renderMapSvg(map, ws, { findings, title: choice.title, date: isoDate(now) });
      downloadBlob(new Blob([r.svg], { type: 'image/svg+xml' }), names[i]!);
    } else {
      const r = await mapPng(ws, map, choice, findings, now);
      const note = scaleNote(map.name, choice.scale, r);
      if (note) notes.push(note);
      downloadBlob(r.blob, names[i]!);
    }
    files.push(names[i]!);
  }
  onProgress({ done: files.length, total: maps.length });
  return { files, notes };
}
