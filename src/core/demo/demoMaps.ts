// The demo's maps as written, before any layout: views empty.

import type { ProcessMap } from '../model/types';
import { admissionsMap } from './admissions';
import { alumniMap } from './alumni';
import { fundraisingMap } from './fundraising';
import { marketingMap } from './marketing';
import { registryMap } from './registry';

export function demoMapsUnlaid(now: string): ProcessMap[] {
  return [admissionsMap(now), alumniMap(now), fundraisingMap(now), marketingMap(now), registryMap(now)];
}
