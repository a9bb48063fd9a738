// Registry, a draft from the last workshop: a student's change of address.
// The student changes it on the portal, an officer checks it and updates SITS, and the student
// is asked to confirm by e-mail, which sends them back to the portal. The group could not agree
// what sets it off or when it is finished, so the draft has no start and no end yet.

import type { ProcessMap } from '../model/types';
import { buildMap, type MapSpec } from './build';

const STU = 'l-reg-stu';
const OFF = 'l-reg-off';

export const registrySpec: MapSpec = {
  id: 'm-reg',
  code: 'reg',
  name: 'Registry: change of address (draft)',
  departmentId: 'd-reg',
  lanes: [
    { id: STU, name: 'Student' },
    { id: OFF, name: 'Student records officer', departmentId: 'd-reg' },
  ],
  nodes: [
    ['n-reg-1', 'step', STU, 'Updates address on portal'],
    ['n-reg-2', 'step', OFF, 'Check new address'],
    ['n-reg-3', 'dataStore', OFF, 'Applicant and student records', { refId: 'ds-sits' }],
    ['n-reg-4', 'step', OFF, 'Confirm by e-mail'],
    ['n-reg-5', 'note', OFF, 'Draft: we could not agree where this starts', { notes: 'Some changes come in by e-mail or on paper, not on the portal.' }],
  ],
  flows: [
    ['msg', 'n-reg-1', 'n-reg-2', 'Change request'],
    ['data', 'n-reg-2', 'n-reg-3'],
    ['seq', 'n-reg-2', 'n-reg-4'],
    ['msg', 'n-reg-4', 'n-reg-1', 'Confirmation e-mail'],
  ],
};

export const registryMap = (now: string): ProcessMap => buildMap(registrySpec, now);
