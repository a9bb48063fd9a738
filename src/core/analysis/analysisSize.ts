import type { Workspace } from '../model/types';

// How much the analysis takes on. It reads every step and flow of every map on each edit; far
// past any organisation's workspace (a hundred maps of 150 steps is 15,000), it is refused
// with a reason rather than left to freeze the page or run the command line out of memory.

export const MAX_ANALYSED_NODES = 200_000;
export const MAX_ANALYSED_FLOWS = 400_000;

/** Why this workspace is too large to analyse, or null when it is not. */
export function tooLargeToAnalyse(ws: Workspace): string | null {
  let nodes = 0;
  let flows = 0;
  for (const m of ws.maps) {
    nodes += m.nodes.length;
    flows += m.flows.length;
  }
  const n = (v: number) => v.toLocaleString('en-GB');
  if (nodes > MAX_ANALYSED_NODES) return `The workspace has ${n(nodes)} steps and other shapes; the analysis reads up to ${n(MAX_ANALYSED_NODES)}. Analyse a part of it (fewer maps).`;
  if (flows > MAX_ANALYSED_FLOWS) return `The workspace has ${n(flows)} flows; the analysis reads up to ${n(MAX_ANALYSED_FLOWS)}. Analyse a part of it (fewer maps).`;
  return null;
}
