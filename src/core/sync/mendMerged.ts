import { catalogueIds, mendCatalogueLinks, mendMap } from '../commands/mendMap';
import type { WorkspacePatch } from '../commands/workspacePatch';
import type { Workspace } from '../model/types';

// Two valid edits from two laptops can merge into a map that points nowhere: a flow drawn to a
// step the other deleted meanwhile, a step put in a lane the other removed. The client that
// takes the merge in mends it as the commands delete (commands/mendMap) and writes the mend
// back; two clients mending the same merge make the same deletions, so they converge.

/** `ws` (a patch from the room just applied) mended where the patch could have broken it: the maps it brought, or every link when the catalogue changed. */
export function mendMerged(ws: Workspace, patch: WorkspacePatch): Workspace {
  if (patch.changes.some((c) => c.table !== 'maps')) return mendCatalogueLinks(ws);
  const touched = new Set(patch.changes.map((c) => c.id));
  const catalogue = catalogueIds(ws);
  const maps = ws.maps.map((m) => (touched.has(m.id) ? mendMap(m, catalogue) : m));
  return maps.some((m, i) => m !== ws.maps[i]) ? { ...ws, maps } : ws;
}
