// lanemap layout <bundle.json> [--map ID] [--json]
// Lays out every map of a workspace bundle (or one) and prints the bundle with the geometry
// (--json), or a short summary per map.

import { defaultElk } from '../core/layout/elkNode';
import { measureLayout } from '../core/layout/metrics';
import { toBundle } from '../core/schema/bundle';
import { count } from '../core/model/vocabulary';
import type { Command } from './command';
import { CliError, parseArgs, readBundle } from './io';
import { laidOut } from './layoutMaps';

const USAGE = 'Usage: lanemap layout <bundle.json> [--map ID] [--json]';

export const layoutCommand: Command = {
  name: 'layout',
  summary: 'lay out the maps of a workspace bundle (lanes, positions, routed flows)',
  usage: USAGE,
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { withValue: ['map'], boolean: ['json'] }, USAGE);
    if (positional.length !== 1) throw new CliError(`${positional.length === 0 ? 'Missing the bundle file' : 'Too many arguments'}\n${USAGE}`);
    const { workspace, exportedAt } = await readBundle(io, positional[0]!);
    const only = flags.get('map');
    let maps = workspace.maps;
    if (typeof only === 'string') {
      maps = maps.filter((m) => m.id === only);
      if (maps.length === 0) {
        const known = workspace.maps.map((m) => m.id).join(', ') || 'none';
        throw new CliError(`No map with id "${only}" in ${positional[0]} (maps: ${known})`);
      }
    }
    const elk = defaultElk();
    const done = [];
    for (const map of maps) done.push(await laidOut(map, elk, io));

    if (flags.has('json')) {
      const bundle = toBundle({ ...workspace, maps: done }, exportedAt ?? new Date().toISOString());
      io.stdout(`${JSON.stringify(bundle, null, 2)}\n`);
      return 0;
    }
    for (const map of done) {
      const m = measureLayout(map);
      io.stdout(
        `${map.id} "${map.name}": ${count(m.nodes, 'node')}, ${count(map.lanes.length, 'lane')}, ${count(m.flows, 'flow')}, ` +
          `${count(m.crossings, 'crossing')}, ${m.width} x ${m.height} px\n`,
      );
    }
    return 0;
  },
};
