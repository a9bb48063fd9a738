import { layoutOrQuick } from '../core/layout/layoutOrQuick';
import type { ElkLike } from '../core/layout/types';
import type { ProcessMap } from '../core/model/types';
import type { CliIO } from './io';

/** The map laid out; where ELK fails, laid out the quick way, with a warning on stderr. */
export async function laidOut(map: ProcessMap, elk: ElkLike, io: CliIO): Promise<ProcessMap> {
  const r = await layoutOrQuick(map, { elk });
  if (r.fallback) io.stderr(`warning: map ${map.id} "${map.name}": the full layout failed (${r.fallback}); it was laid out the quick way instead\n`);
  return { ...map, view: r.view };
}
