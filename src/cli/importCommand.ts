// lanemap import <file> [--json]
// Reads a BPMN 2.0, draw.io, Visio or Lanemap file and prints it as a workspace bundle
// (--json), or a line per map. Maps that came without positions are laid out first, so the
// bundle is ready to open and to export.

import { importFile, FORMAT_LABELS } from '../core/importing/importFile';
import { defaultElk } from '../core/layout/elkNode';
import type { ProcessMap } from '../core/model/types';
import { count } from '../core/model/vocabulary';
import { toBundle } from '../core/schema/bundle';
import type { Command } from './command';
import { CliError, parseArgs, readFailure } from './io';
import { laidOut } from './layoutMaps';

const USAGE = 'Usage: lanemap import <file.bpmn|.drawio|.xml|.vsdx|.json> [--json]';

const unplaced = (m: ProcessMap) => m.nodes.some((n) => !m.view.nodes[n.id]);

export const importCommand: Command = {
  name: 'import',
  summary: 'read a BPMN, draw.io, Visio or workspace file and print it as a workspace bundle',
  usage: USAGE,
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { withValue: [], boolean: ['json'] }, USAGE);
    if (positional.length !== 1) throw new CliError(`${positional.length === 0 ? 'Missing the file to import' : 'Too many arguments'}\n${USAGE}`);
    const path = positional[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await io.readBytes(path);
    } catch (e) {
      throw readFailure(path, e);
    }
    const now = new Date().toISOString();
    const outcome = await importFile({ name: path.split(/[\\/]/).pop() ?? path, bytes }, now);
    if (!outcome.ok) throw new CliError(outcome.errors.map((e) => (e.path === '(file)' ? e.message : `${e.path}: ${e.message}`)).join('\n'));
    const { workspace, warnings } = outcome.result;
    for (const w of warnings) io.stderr(`warning: ${w}\n`);
    const elk = defaultElk();
    const maps: ProcessMap[] = [];
    for (const m of workspace.maps) maps.push(unplaced(m) ? await laidOut(m, elk, io) : m);
    const out = { ...workspace, maps };
    if (flags.has('json')) {
      io.stdout(`${JSON.stringify(toBundle(out, now), null, 2)}\n`);
      return 0;
    }
    io.stdout(`${FORMAT_LABELS[outcome.format]} file: ${count(maps.length, 'map')}\n`);
    for (const m of maps) io.stdout(`${m.id} "${m.name}": ${m.lanes.length} lanes, ${m.nodes.length} nodes, ${m.flows.length} flows\n`);
    return 0;
  },
};
