import type { MapView, ProcessMap } from '../model/types';
import { layoutMap } from './layout';
import { quickLayout } from './quickLayout';
import type { LayoutOptions } from './types';

// The full layout, with a way out: ELK recurses along long chains and runs out of stack on a
// process of some 10,000 steps in a row (an imported file, never a workshop map). Such a map
// still gets a clean drawing, from the quick layout, which needs no ELK; the caller is told why.

export interface DependableLayout {
  view: MapView;
  /** Set when the full layout failed and the quick layout drew the map instead: the reason. */
  fallback?: string;
}

export async function layoutOrQuick(map: ProcessMap, opts: LayoutOptions = {}): Promise<DependableLayout> {
  try {
    return { view: (await layoutMap(map, opts)).view };
  } catch (e) {
    return { view: quickLayout(map).view, fallback: e instanceof Error ? e.message : String(e) };
  }
}
