// Alumni Relations, as drawn in the workshop: from graduation to an engaged alumnus.
// The graduation list is exported from SITS and re-keyed into an Access database; address
// changes arrive in a shared mailbox and never get back to Registry.
// Left as the workshop left it: "Update address by hand" has no way out.

import type { ProcessMap } from '../model/types';
import { buildMap, type MapSpec } from './build';

const GRAD = 'l-alu-grad';
const OFF = 'l-alu-off';
const EVT = 'l-alu-evt';
const REG = 'l-alu-reg';

export const alumniSpec: MapSpec = {
  id: 'm-alu',
  code: 'alu',
  name: 'Alumni relations: graduate to engaged alumnus',
  departmentId: 'd-alu',
  lanes: [
    { id: GRAD, name: 'Graduate' },
    { id: OFF, name: 'Alumni officer', departmentId: 'd-alu' },
    { id: EVT, name: 'Events coordinator', departmentId: 'd-alu' },
    { id: REG, name: 'Registry', departmentId: 'd-reg' },
  ],
  nodes: [
    ['n-alu-1', 'start', REG, 'Graduation confirmed'],
    ['n-alu-2', 'step', REG, 'Export graduation list'],
    ['n-alu-3', 'dataStore', REG, 'Student records (SITS)', { refId: 'ds-sits' }],
    ['n-alu-4', 'dataStore', OFF, 'Graduation list (Excel)', { refId: 'ds-grad' }],
    ['n-alu-5', 'step', OFF, 'Re-key graduates into alumni database', { manual: true, notes: 'About 4,000 rows each summer; takes two weeks.' }],
    ['n-alu-6', 'dataStore', OFF, 'Alumni database', { refId: 'ds-alum' }],
    ['n-alu-7', 'step', OFF, 'Export mailing list to CSV', { manual: true }],
    ['n-alu-8', 'dataStore', EVT, 'Alumni mailing list', { refId: 'ds-mail-alu' }],
    ['n-alu-9', 'step', EVT, 'Send event invitation'],
    ['n-alu-10', 'step', GRAD, 'Replies to invitation'],
    ['n-alu-11', 'step', EVT, 'Read replies in shared mailbox'],
    ['n-alu-12', 'dataStore', EVT, 'Alumni shared mailbox', { refId: 'ds-alu-mbx' }],
    ['n-alu-13', 'decision', EVT, 'Attending?'],
    ['n-alu-14', 'step', EVT, 'Add to guest list', { manual: true }],
    ['n-alu-15', 'document', EVT, 'Printed guest list'],
    ['n-alu-16', 'end', GRAD, 'Alumnus at event'],
    ['n-alu-17', 'end', EVT, 'No further contact'],
    ['n-alu-18', 'start', GRAD, 'Moves house'],
    ['n-alu-19', 'step', OFF, 'Update address by hand', { manual: true }],
    ['n-alu-20', 'note', OFF, 'Address changes never reach Registry', { notes: 'Raised by Registry: SITS still has term-time addresses for most alumni.' }],
  ],
  flows: [
    ['seq', 'n-alu-1', 'n-alu-2'],
    ['data', 'n-alu-3', 'n-alu-2'],
    ['data', 'n-alu-2', 'n-alu-4'],
    ['msg', 'n-alu-2', 'n-alu-5', 'Spreadsheet by e-mail, once a year'],
    ['data', 'n-alu-4', 'n-alu-5'],
    ['data', 'n-alu-5', 'n-alu-6'],
    ['seq', 'n-alu-5', 'n-alu-7'],
    ['data', 'n-alu-6', 'n-alu-7'],
    ['data', 'n-alu-7', 'n-alu-8'],
    ['seq', 'n-alu-7', 'n-alu-9'],
    ['data', 'n-alu-8', 'n-alu-9'],
    ['msg', 'n-alu-9', 'n-alu-10', 'Invitation e-mail'],
    ['msg', 'n-alu-10', 'n-alu-11', 'Reply to shared mailbox'],
    ['data', 'n-alu-12', 'n-alu-11'],
    ['seq', 'n-alu-11', 'n-alu-13'],
    ['seq', 'n-alu-13', 'n-alu-14', 'Yes'],
    ['seq', 'n-alu-13', 'n-alu-17', 'No'],
    ['data', 'n-alu-14', 'n-alu-15'],
    ['msg', 'n-alu-14', 'n-alu-16', 'Confirmation e-mail'],
    ['msg', 'n-alu-18', 'n-alu-19', 'E-mails new address'],
    ['data', 'n-alu-12', 'n-alu-19'],
    ['data', 'n-alu-19', 'n-alu-6'],
    // n-alu-19 stops here: nobody could say what happens next.
  ],
};

export const alumniMap = (now: string): ProcessMap => buildMap(alumniSpec, now);
