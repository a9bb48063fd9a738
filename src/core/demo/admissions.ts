// Admissions, as drawn in the workshop: from a first enquiry to an offer letter.
// Pain point: every enquiry is read in the mailbox and typed again into a spreadsheet.
// Left as the workshop left it: the phone message pad is on the wall but not in the catalogue.

import type { ProcessMap } from '../model/types';
import { buildMap, type MapSpec } from './build';

const APP = 'l-adm-app';
const OFF = 'l-adm-off';
const TUT = 'l-adm-tut';
const REG = 'l-adm-reg';

export const admissionsSpec: MapSpec = {
  id: 'm-adm',
  code: 'adm',
  name: 'Admissions: enquiry to offer',
  departmentId: 'd-adm',
  lanes: [
    { id: APP, name: 'Applicant' },
    { id: OFF, name: 'Enquiries officer', departmentId: 'd-adm' },
    { id: TUT, name: 'Admissions tutor', departmentId: 'd-adm' },
    { id: REG, name: 'Registry applications team', departmentId: 'd-reg' },
  ],
  nodes: [
    ['n-adm-1', 'start', APP, 'Asks about a course'],
    ['n-adm-2', 'step', OFF, 'Log enquiry in spreadsheet', { manual: true, notes: 'Copied by hand from the mailbox or from phone notes.' }],
    ['n-adm-3', 'step', OFF, 'Reply with prospectus'],
    ['n-adm-4', 'step', APP, 'Sends application'],
    ['n-adm-5', 'decision', OFF, 'Complete application?'],
    ['n-adm-6', 'step', OFF, 'Chase missing documents', { manual: true }],
    ['n-adm-7', 'step', OFF, 'Forward to Registry'],
    ['n-adm-8', 'step', REG, 'Create applicant record', { manual: true, notes: 'Keyed into SITS from the PDF form.' }],
    ['n-adm-9', 'step', TUT, 'Assess application'],
    ['n-adm-10', 'decision', TUT, 'Make offer?'],
    ['n-adm-11', 'step', REG, 'Send offer letter'],
    ['n-adm-12', 'document', REG, 'Offer letter'],
    ['n-adm-13', 'step', REG, 'Send regret e-mail'],
    ['n-adm-14', 'end', APP, 'Offer received'],
    ['n-adm-15', 'end', REG, 'Application closed'],
    ['n-adm-16', 'dataStore', OFF, 'Admissions mailbox', { refId: 'ds-adm-mbx' }],
    ['n-adm-17', 'dataStore', OFF, 'Enquiries spreadsheet', { refId: 'ds-enq' }],
    ['n-adm-18', 'dataStore', REG, 'Applicant records (SITS)', { refId: 'ds-sits' }],
    ['n-adm-19', 'note', OFF, 'We type every enquiry twice', { notes: 'Raised by the enquiries team: the mailbox and the spreadsheet never match.' }],
    // Deliberately no refId: nobody thought of the pad when the catalogue was made.
    ['n-adm-20', 'dataStore', OFF, 'Phone message pad'],
  ],
  flows: [
    ['msg', 'n-adm-1', 'n-adm-2', 'Web form, phone or e-mail'],
    ['data', 'n-adm-16', 'n-adm-2'],
    ['data', 'n-adm-20', 'n-adm-2'],
    ['data', 'n-adm-2', 'n-adm-17'],
    ['seq', 'n-adm-2', 'n-adm-3'],
    ['msg', 'n-adm-3', 'n-adm-4', 'Prospectus e-mail'],
    ['msg', 'n-adm-4', 'n-adm-5', 'Application form'],
    ['seq', 'n-adm-5', 'n-adm-7', 'Yes'],
    ['seq', 'n-adm-5', 'n-adm-6', 'No'],
    ['seq', 'n-adm-6', 'n-adm-5'],
    ['msg', 'n-adm-7', 'n-adm-8', 'PDF by e-mail'],
    ['data', 'n-adm-8', 'n-adm-18'],
    ['msg', 'n-adm-8', 'n-adm-9', 'Application for review'],
    ['seq', 'n-adm-9', 'n-adm-10'],
    ['msg', 'n-adm-10', 'n-adm-11', 'Yes'],
    ['msg', 'n-adm-10', 'n-adm-13', 'No'],
    ['data', 'n-adm-18', 'n-adm-11'],
    ['data', 'n-adm-11', 'n-adm-12'],
    ['msg', 'n-adm-11', 'n-adm-14', 'Letter by post'],
    ['seq', 'n-adm-13', 'n-adm-15'],
  ],
};

export const admissionsMap = (now: string): ProcessMap => buildMap(admissionsSpec, now);
