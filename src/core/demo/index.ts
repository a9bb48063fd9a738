// The workspace a new user sees on first run: four departments of a UK university mapping how
// they handle "customers" today, as-is, plus Registry's unfinished draft. Fixed, readable ids;
// only `now` varies. Like a real workshop wall, the maps keep their slips on purpose, so every
// kind of analysis finding shows at least once (tests/unit/analysis-demo.test.ts lists them).

import { quickLayout } from '../layout/quickLayout';
import type { Workspace } from '../model/types';
import { admissionsMap } from './admissions';
import { alumniMap } from './alumni';
import { demoDataStores, demoDepartments, demoSystems } from './demoCatalogue';
import { fundraisingMap } from './fundraising';
import { marketingMap } from './marketing';
import { registryMap } from './registry';

export const DEMO_WORKSPACE_ID = 'ws-demo';

export function demoWorkspace(now: string): Workspace {
  // Copies, so a caller editing the demo never changes the shared catalogue constants.
  return {
    meta: { id: DEMO_WORKSPACE_ID, name: 'University CRM (demo)' },
    departments: demoDepartments.map((d) => ({ ...d })),
    systems: demoSystems.map((s) => ({ ...s, integratesWith: [...s.integratesWith] })),
    dataStores: demoDataStores.map((d) => ({ ...d, customerFields: [...d.customerFields] })),
    // Positions come from the quick layout, so the demo opens drawn even before ELK runs.
    maps: [admissionsMap(now), alumniMap(now), fundraisingMap(now), marketingMap(now), registryMap(now)].map(quickLayout),
  };
}
