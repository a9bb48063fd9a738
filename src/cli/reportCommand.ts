// lanemap report <bundle.json> --format docx|html|pdf [--maps ID,ID] [--paper a4|letter] [--no-findings] --out <file>
// The policy document for the chosen maps (all when --maps is absent), the same document the
// app's export dialog makes. `export --format docx|html` comes here too.

import { analyzeWorkspace } from '../core/analysis';
import type { Id, Workspace } from '../core/model/types';
import { buildReportDocx, buildReportHtml, PAPERS, type Paper, type ReportOptions } from '../core/report';
import type { Command } from './command';
import { CliError, parseArgs, readBundle, type CliIO } from './io';
import { refuseToOverwrite } from './outputFiles';
import { buildReportPdf } from './pdf/buildReportPdf';
import { rasteriseAsync } from './pngFromSvg';

export const REPORT_FORMATS = ['docx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const USAGE = `Usage: lanemap report <bundle.json> --format ${REPORT_FORMATS.join('|')} [--maps ID,ID] [--paper ${PAPERS.join('|')}] [--no-findings] --out <file> [--force]`;

/**
 * The PNG each picture falls back to in Word 2013 and older (newer Word draws the SVG): at its
 * printed size, 96 dpi. Drawing them is most of a report's time, so no finer.
 */
export const reportPng = async (svg: string, size: { width: number; height: number }): Promise<Uint8Array> => (await rasteriseAsync(svg, size, 1)).png;

export interface ReportRequest {
  format: ReportFormat;
  mapIds?: Id[];
  paper: Paper;
  findings: boolean;
  date: string;
}

function reportOptions(ws: Workspace, r: ReportRequest): ReportOptions {
  return {
    ...(r.mapIds ? { mapIds: r.mapIds } : {}),
    findings: r.findings ? analyzeWorkspace(ws) : [],
    includeFindings: r.findings,
    date: r.date,
    paper: r.paper,
  };
}

/** What to tell the user when the PDF's font lacks some of the workspace's characters. */
export function missingWarning(missing: string[]): string {
  const shown = missing.slice(0, 12).join(' ') + (missing.length > 12 ? ' …' : '');
  const n = missing.length === 1 ? '1 character' : `${missing.length} characters`;
  return `The PDF's font (DejaVu Sans) has no letters for ${n} of this workspace (${shown}); the PDF prints them as \uFFFD. The .docx and .html reports show them.`;
}

/** The report's file, and a warning for the user when the PDF could not print every character. */
export async function reportFile(ws: Workspace, r: ReportRequest): Promise<{ bytes: string | Uint8Array; warning?: string }> {
  const opts = reportOptions(ws, r);
  if (r.format === 'html') return { bytes: buildReportHtml(ws, opts) };
  if (r.format === 'docx') return { bytes: await buildReportDocx(ws, { ...opts, rasterise: reportPng }) };
  const pdf = await buildReportPdf(ws, opts);
  const warnings = [
    ...(pdf.missing.length ? [missingWarning(pdf.missing)] : []),
    ...pdf.shrunk.map((s) => `The picture “${s.label}” is taller than the page and is printed smaller, its smallest text at ${s.pt} pt.`),
  ];
  return { bytes: pdf.bytes, ...(warnings.length ? { warning: warnings.join('\nWarning: ') } : {}) };
}

export const reportBytes = async (ws: Workspace, r: ReportRequest): Promise<string | Uint8Array> => (await reportFile(ws, r)).bytes;

/** The ids in --maps, each checked against the workspace. */
export function chosenMaps(ws: Workspace, list: string | undefined, file: string): Id[] | undefined {
  if (list === undefined) return undefined;
  const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !ws.maps.some((m) => m.id === id));
  if (ids.length === 0 || unknown.length) {
    throw new CliError(`${unknown.length ? `No map with id ${unknown.map((u) => `"${u}"`).join(', ')}` : 'No map ids'} in ${file} (maps: ${ws.maps.map((m) => m.id).join(', ') || 'none'})`);
  }
  return ids;
}

export function paperOf(value: string | true | undefined): Paper {
  if (value === undefined) return 'a4';
  if (typeof value === 'string' && (PAPERS as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as Paper;
  throw new CliError(`--paper must be ${PAPERS.join(' or ')}\n${USAGE}`);
}

export async function writeReport(io: CliIO, ws: Workspace, r: ReportRequest, out: string): Promise<void> {
  if (ws.maps.length === 0) throw new CliError('The workspace has no maps to report on');
  const file = await reportFile(ws, r);
  await io.writeFile(out, file.bytes);
  if (file.warning) io.stderr(`Warning: ${file.warning}\n`);
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the policy document (.docx, .html or .pdf) for all or some maps',
  usage: USAGE,
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { withValue: ['format', 'maps', 'paper', 'out'], boolean: ['no-findings', 'force'] }, USAGE);
    if (positional.length !== 1) throw new CliError(`${positional.length === 0 ? 'Missing the bundle file' : 'Too many arguments'}\n${USAGE}`);
    const format = flags.get('format') as ReportFormat | undefined;
    if (!format || !REPORT_FORMATS.includes(format)) throw new CliError(`${format ? `Unknown format "${String(format)}"` : 'Missing --format'}: use one of ${REPORT_FORMATS.join(', ')}\n${USAGE}`);
    const out = flags.get('out');
    if (typeof out !== 'string') throw new CliError(`Missing --out <file>\n${USAGE}`);
    const paper = paperOf(flags.get('paper'));
    const { workspace: ws } = await readBundle(io, positional[0]!);
    const maps = flags.get('maps');
    const mapIds = chosenMaps(ws, typeof maps === 'string' ? maps : undefined, positional[0]!);
    await refuseToOverwrite(io, [out], flags.has('force'));
    await writeReport(io, ws, { format, ...(mapIds ? { mapIds } : {}), paper, findings: !flags.has('no-findings'), date: new Date().toISOString().slice(0, 10) }, out);
    io.stdout(`${out}\n`);
    return 0;
  },
};
