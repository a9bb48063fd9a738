// lanemap export <bundle.json> --format svg|png|docx|html|pdf|bpmn [--map ID] --out <path>
// Pictures and BPMN are one file per map: --out names the file with --map, else a folder that
// gets one file per map. The report (docx, html) is one file for all the chosen maps: see `report`.

import { analyzeWorkspace } from '../core/analysis';
import { bpmnExport } from '../core/bpmn';
import { uniqueNames } from '../core/text/fileNames';
import { renderMapSvg } from '../core/picture';
import type { ProcessMap } from '../core/model/types';
import type { Command } from './command';
import { CliError, parseArgs, readBundle, type CliIO } from './io';
import { refuseToOverwrite } from './outputFiles';
import { rasterise } from './pngFromSvg';
import { writeReport } from './reportCommand';

const FORMATS = ['svg', 'png', 'docx', 'html', 'pdf', 'bpmn'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = `Usage: lanemap export <bundle.json> --format ${FORMATS.join('|')} [--map ID] --out <path> [--scale 1|2|3] [--findings | --no-findings] [--force]

A file already at a path written to is kept, and nothing is written, unless --force.`;

/** Where the files go: `out` itself for one map or a report, else one file per map in the folder `out`. */
function targets(maps: ProcessMap[], ext: string, out: string, single: boolean): string[] {
  return single ? [out] : uniqueNames(maps.map((m) => m.name), ext).map((n) => `${out.replace(/[\\/]+$/, '')}/${n}`);
}

async function writeEach(io: CliIO, maps: ProcessMap[], paths: string[], make: (m: ProcessMap) => string | Uint8Array): Promise<string[]> {
  for (const [i, m] of maps.entries()) await io.writeFile(paths[i]!, make(m));
  return paths;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write maps as SVG, PNG or BPMN, or a report (.docx, .html, .pdf) for the policy document',
  usage: USAGE,
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { withValue: ['format', 'map', 'out', 'scale'], boolean: ['findings', 'no-findings', 'force'] }, USAGE);
    if (positional.length !== 1) throw new CliError(`${positional.length === 0 ? 'Missing the bundle file' : 'Too many arguments'}\n${USAGE}`);
    const format = flags.get('format') as Format | undefined;
    if (!format || !FORMATS.includes(format)) throw new CliError(`${format ? `Unknown format "${String(format)}"` : 'Missing --format'}: use one of ${FORMATS.join(', ')}\n${USAGE}`);
    const out = flags.get('out');
    if (typeof out !== 'string') throw new CliError(`Missing --out <path>\n${USAGE}`);
    const scale = Number(flags.get('scale') ?? 2);
    if (![1, 2, 3].includes(scale)) throw new CliError(`--scale must be 1, 2 or 3\n${USAGE}`);

    const { workspace: ws } = await readBundle(io, positional[0]!);
    const only = flags.get('map');
    const maps = typeof only === 'string' ? ws.maps.filter((m) => m.id === only) : ws.maps;
    if (maps.length === 0) {
      throw new CliError(typeof only === 'string' ? `No map with id "${only}" in ${positional[0]} (maps: ${ws.maps.map((m) => m.id).join(', ') || 'none'})` : `${positional[0]} has no maps to export`);
    }
    const single = typeof only === 'string';
    const report = format === 'docx' || format === 'html' || format === 'pdf';
    const paths = targets(maps, format, out, single || report);
    await refuseToOverwrite(io, paths, flags.has('force'));
    // Pictures carry badges only when asked; the report has its findings unless told not to.
    const withFindings = report ? !flags.has('no-findings') : flags.has('findings');
    const findings = withFindings ? analyzeWorkspace(ws) : [];
    const date = new Date().toISOString().slice(0, 10);

    let written: string[];
    if (format === 'svg') written = await writeEach(io, maps, paths, (m) => renderMapSvg(m, ws, { findings, title: true, date }).svg);
    else if (format === 'bpmn') {
      written = await writeEach(io, maps, paths, (m) => {
        const { xml, warnings } = bpmnExport(m, ws);
        for (const w of warnings) io.stderr(`warning: ${w}\n`);
        return xml;
      });
    }
    else if (format === 'png') {
      written = await writeEach(io, maps, paths, (m) => {
        const r = renderMapSvg(m, ws, { findings, title: true, date });
        const raster = rasterise(r.svg, r, scale);
        if (raster.scale < scale) io.stderr(`warning: "${m.name}" is too large for ${scale}x; drawn at ${raster.scale}x (${raster.width} x ${raster.height} px)\n`);
        return raster.png;
      });
    } else {
      // The same document as `lanemap report`, on A4.
      await writeReport(io, ws, { format, mapIds: maps.map((m) => m.id), paper: 'a4', findings: withFindings, date }, out);
      written = [out];
    }
    for (const p of written) io.stdout(`${p}\n`);
    return 0;
  },
};
