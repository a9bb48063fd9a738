import type { DataStoreKind, NodeKind } from '../../model/types';
import { count } from '../../model/vocabulary';
import type { SourceRect } from '../../formats/mapBuilder';

// What the draw.io and Visio readers both produce: one page of a drawing, its pools, lanes,
// shapes and connectors, in pixels with y growing downwards. Everything the two formats share
// from here on (lanes from pools, start or end, flow kinds, the store catalogue) is done once,
// in drawingToWorkspace.

/** A start or end drawn with one symbol for both (an ellipse, a Start/End terminator). */
export type ShapeRole = NodeKind | 'terminal';

export interface DrawnShape {
  id: string;
  role: ShapeRole;
  label: string;
  rect?: SourceRect;
  /** The lane the source put the shape in, when it says so (draw.io's parent cells). */
  laneId?: string;
  manual?: boolean;
  storeKind?: DataStoreKind;
  /** For a terminal: what its style alone suggests (a thick or double outline reads as an end). */
  hint?: 'start' | 'end';
  /** Drawn as a box with other shapes inside (an expanded sub-process). */
  container?: boolean;
  /** An intermediate event: drawn on a task's border with nothing leading in, a BPMN boundary event. */
  event?: boolean;
}

export interface DrawnPool {
  id: string;
  name: string;
  rect?: SourceRect;
}

export interface DrawnLane {
  id: string;
  name: string;
  rect?: SourceRect;
  /** Its pool; when absent, the pool whose area holds the lane's centre. */
  poolId?: string;
}

/** sequence / message / data as the source says; dashed: a message when it crosses pools. */
export type ConnectorHint = 'sequence' | 'message' | 'data' | 'dashed';

export interface DrawnConnector {
  id: string;
  from: string;
  to: string;
  label: string;
  hint: ConnectorHint;
}

export interface Drawing {
  /** The page's own id in the file, for stable ids. */
  key: string;
  name: string;
  pools: DrawnPool[];
  lanes: DrawnLane[];
  shapes: DrawnShape[];
  connectors: DrawnConnector[];
}

export const emptyDrawing = (key: string, name: string): Drawing => ({ key, name, pools: [], lanes: [], shapes: [], connectors: [] });

/** Counts of things left out, by what they were ("picture", "table"), for one warning each. */
export class SkipCounter {
  private readonly counts = new Map<string, { n: number; plural: string }>();

  add(what: string, plural = `${what}s`): void {
    const c = this.counts.get(what);
    if (c) c.n++;
    else this.counts.set(what, { n: 1, plural });
  }

  warnings(source: string): string[] {
    return [...this.counts].map(([what, { n, plural }]) => `${count(n, what, plural)} in ${source} left out: Lanemap has no shape for ${n === 1 ? 'it' : 'them'}.`);
  }
}
