import { createContext, useContext } from 'react';
import type { Department, Id, ProcessMap } from '../../core/model/types';
import type { ChangeKind } from './compareModel';

// What a read-only lane needs from its pane: React Flow's node types are fixed outside the
// component, so the map (which may be an older version, not in the document) comes by context.

export interface PaneInfo {
  map: ProcessMap;
  departments: readonly Department[];
  laneMarks: Map<Id, ChangeKind>;
}

export const PaneContext = createContext<PaneInfo | null>(null);
export const usePane = (): PaneInfo | null => useContext(PaneContext);
