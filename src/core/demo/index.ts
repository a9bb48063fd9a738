// The workspace a new user sees on first run: four departments of a UK university mapping how
// they handle "customers" today, as-is, plus Registry's unfinished draft. Fixed, readable ids;
// only `now` varies. Like a real workshop wall, the maps keep their slips on purpose, so every
// kind of analysis finding shows at least once (tests/unit/analysis-demo.test.ts lists them).

import type { MapView, Workspace } from '../model/types';
import { demoDataStores, demoDepartments, demoSystems } from './demoCatalogue';
import { demoMapsUnlaid } from './demoMaps';
import storedViews from './demoViews.json';

// JSON has no tuples: the points are read as number[][], written as the quick layout's Points.
const demoViews = storedViews as unknown as Record<string, MapView>;

export const DEMO_WORKSPACE_ID = 'ws-demo';

export function demoWorkspace(now: string): Workspace {
  // Copies, so a caller editing the demo never changes the shared catalogue constants.
  return {
    meta: { id: DEMO_WORKSPACE_ID, name: 'University CRM (demo)' },
    departments: demoDepartments.map((d) => ({ ...d })),
    systems: demoSystems.map((s) => ({ ...s, integratesWith: [...s.integratesWith] })),
    dataStores: demoDataStores.map((d) => ({ ...d, customerFields: [...d.customerFields] })),
    // Positions from the quick layout, worked out ahead (npm run demo:views): laying the five maps
    // out here took about 300 ms of a first start. The demo opens drawn even before ELK runs.
    maps: demoMapsUnlaid(now).map((m) => ({ ...m, view: structuredClone(demoViews[m.id]!) })),
  };
}
