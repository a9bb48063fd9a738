// Marketing, as drawn in the workshop: from a recruitment campaign to an enquiry for Admissions.
// Mailing lists are built by hand from spreadsheets, open-day sign-ups are downloaded from the
// website and pasted into another spreadsheet, and leads go to Admissions as an attachment.
// Left as the workshop left it: "Asked about a course?" has only its Yes branch drawn.

import type { ProcessMap } from '../model/types';
import { buildMap, type MapSpec } from './build';

const PROS = 'l-mkt-pros';
const MKT = 'l-mkt-off';
const EVT = 'l-mkt-evt';
const ADM = 'l-mkt-adm';

export const marketingSpec: MapSpec = {
  id: 'm-mkt',
  code: 'mkt',
  name: 'Marketing: campaign to enquiry',
  departmentId: 'd-mkt',
  lanes: [
    { id: PROS, name: 'Prospective student' },
    { id: MKT, name: 'Marketing officer', departmentId: 'd-mkt' },
    { id: EVT, name: 'Events team', departmentId: 'd-mkt' },
    { id: ADM, name: 'Admissions enquiries', departmentId: 'd-adm' },
  ],
  nodes: [
    ['n-mkt-1', 'start', MKT, 'Campaign planned'],
    ['n-mkt-2', 'step', MKT, 'Build mailing list from spreadsheets', { manual: true, notes: 'Copy and paste, then remove duplicates by eye.' }],
    ['n-mkt-3', 'dataStore', MKT, 'School and fair contacts', { refId: 'ds-fair' }],
    ['n-mkt-4', 'dataStore', MKT, 'Prospects mailing list', { refId: 'ds-mail-mkt' }],
    ['n-mkt-5', 'step', MKT, 'Send campaign e-mail'],
    ['n-mkt-6', 'step', PROS, 'Reads e-mail'],
    ['n-mkt-7', 'decision', PROS, 'Interested?'],
    ['n-mkt-8', 'step', PROS, 'Signs up for open day'],
    ['n-mkt-9', 'end', PROS, 'Ignores or unsubscribes'],
    ['n-mkt-10', 'system', EVT, 'Website forms (CMS)', { refId: 's-cms' }],
    ['n-mkt-11', 'step', EVT, 'Download sign-ups', { manual: true }],
    ['n-mkt-12', 'step', EVT, 'Run open day'],
    ['n-mkt-13', 'document', EVT, 'Attendee list'],
    ['n-mkt-14', 'decision', EVT, 'Asked about a course?'],
    ['n-mkt-15', 'step', MKT, 'Pass leads to Admissions', { manual: true }],
    ['n-mkt-16', 'end', EVT, 'Thanks for coming'],
    ['n-mkt-17', 'step', ADM, 'Add leads to enquiries spreadsheet', { manual: true }],
    ['n-mkt-18', 'dataStore', ADM, 'Enquiries spreadsheet', { refId: 'ds-enq' }],
    ['n-mkt-19', 'end', ADM, 'Enquiry logged'],
    ['n-mkt-20', 'note', MKT, "We never hear if a lead applied", { notes: 'Leads go over as a spreadsheet attachment; Admissions keeps its own list.' }],
  ],
  flows: [
    ['seq', 'n-mkt-1', 'n-mkt-2'],
    ['data', 'n-mkt-3', 'n-mkt-2'],
    ['data', 'n-mkt-2', 'n-mkt-4'],
    ['seq', 'n-mkt-2', 'n-mkt-5'],
    ['data', 'n-mkt-4', 'n-mkt-5'],
    ['msg', 'n-mkt-5', 'n-mkt-6', 'Campaign e-mail'],
    ['seq', 'n-mkt-6', 'n-mkt-7'],
    ['seq', 'n-mkt-7', 'n-mkt-8', 'Yes'],
    ['seq', 'n-mkt-7', 'n-mkt-9', 'No'],
    ['data', 'n-mkt-8', 'n-mkt-10'],
    ['msg', 'n-mkt-8', 'n-mkt-11', 'Sign-up form'],
    ['data', 'n-mkt-10', 'n-mkt-11'],
    ['data', 'n-mkt-11', 'n-mkt-13'],
    ['seq', 'n-mkt-11', 'n-mkt-12'],
    ['data', 'n-mkt-13', 'n-mkt-12'],
    ['seq', 'n-mkt-12', 'n-mkt-14'],
    ['seq', 'n-mkt-14', 'n-mkt-15', 'Yes'],
    // No "No" branch: the workshop never drew what happens to visitors with no course question,
    // so "Thanks for coming" hangs on its own.
    ['data', 'n-mkt-15', 'n-mkt-3'],
    ['msg', 'n-mkt-15', 'n-mkt-17', 'Leads spreadsheet by e-mail'],
    ['data', 'n-mkt-3', 'n-mkt-17'],
    ['data', 'n-mkt-17', 'n-mkt-18'],
    ['seq', 'n-mkt-17', 'n-mkt-19'],
  ],
};

export const marketingMap = (now: string): ProcessMap => buildMap(marketingSpec, now);
