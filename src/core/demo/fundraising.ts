// Fundraising (Development), as drawn in the workshop: from a donation to a thank-you letter.
// Online gifts reach Raiser's Edge by a nightly import; cheques are typed in by hand, filed on
// paper, and typed again by Finance from a printed batch report.
// Left as the workshop left it: the Director of Development has a lane (the Director signs the
// larger thank-you letters) but nothing was drawn in it, and Finance's end was never named.

import type { ProcessMap } from '../model/types';
import { buildMap, type MapSpec } from './build';

const DON = 'l-dev-don';
const CARE = 'l-dev-care';
const DB = 'l-dev-db';
const DIR = 'l-dev-dir';
const FIN = 'l-dev-fin';

export const fundraisingSpec: MapSpec = {
  id: 'm-dev',
  code: 'dev',
  name: 'Fundraising: donation to thank-you',
  departmentId: 'd-dev',
  lanes: [
    { id: DON, name: 'Donor' },
    { id: CARE, name: 'Supporter care officer', departmentId: 'd-dev' },
    { id: DB, name: 'Database officer', departmentId: 'd-dev' },
    { id: DIR, name: 'Director of Development', departmentId: 'd-dev' },
    { id: FIN, name: 'Finance income team', departmentId: 'd-fin' },
  ],
  nodes: [
    ['n-dev-1', 'start', DON, 'Decides to give'],
    ['n-dev-2', 'decision', DON, 'Online or cheque?'],
    ['n-dev-3', 'step', DON, 'Gives on giving page'],
    ['n-dev-4', 'step', DON, 'Posts cheque and form'],
    ['n-dev-5', 'system', DB, 'Online giving page', { refId: 's-giving' }],
    ['n-dev-6', 'step', DB, 'Import online gifts'],
    ['n-dev-7', 'step', CARE, 'Open post and bank cheque', { manual: true }],
    ['n-dev-8', 'step', CARE, "Log gift in Raiser's Edge", { manual: true }],
    ['n-dev-9', 'dataStore', DB, "Donor records (Raiser's Edge)", { refId: 'ds-re' }],
    ['n-dev-10', 'dataStore', CARE, 'Paper donor files', { refId: 'ds-donor-files' }],
    ['n-dev-11', 'decision', CARE, 'Gift Aid declaration?'],
    ['n-dev-12', 'step', DB, 'Add to Gift Aid claim'],
    ['n-dev-13', 'step', CARE, 'Post Gift Aid form', { manual: true }],
    ['n-dev-14', 'step', CARE, 'Write thank-you letter', { manual: true, notes: 'Signed by the Director for gifts over £500.' }],
    ['n-dev-15', 'document', CARE, 'Thank-you letter'],
    ['n-dev-16', 'end', DON, 'Thanked'],
    ['n-dev-17', 'step', FIN, 'Re-key gift batch into ledger', { manual: true, notes: 'From the weekly printed batch report.' }],
    ['n-dev-18', 'dataStore', FIN, 'Income ledger', { refId: 'ds-fin' }],
    ['n-dev-19', 'end', FIN, ''],
    ['n-dev-20', 'note', CARE, 'Cheque gifts are typed in twice', { notes: "Raised by Finance: once in Raiser's Edge, once in the ledger, and the totals rarely agree." }],
  ],
  flows: [
    ['seq', 'n-dev-1', 'n-dev-2'],
    ['seq', 'n-dev-2', 'n-dev-3', 'Online'],
    ['seq', 'n-dev-2', 'n-dev-4', 'Cheque'],
    ['data', 'n-dev-3', 'n-dev-5'],
    ['msg', 'n-dev-3', 'n-dev-6', 'Nightly import'],
    ['data', 'n-dev-5', 'n-dev-6'],
    ['data', 'n-dev-6', 'n-dev-9'],
    ['msg', 'n-dev-4', 'n-dev-7', 'By post'],
    ['data', 'n-dev-7', 'n-dev-10'],
    ['seq', 'n-dev-7', 'n-dev-8'],
    ['data', 'n-dev-8', 'n-dev-9'],
    ['seq', 'n-dev-6', 'n-dev-11'],
    ['seq', 'n-dev-8', 'n-dev-11'],
    ['msg', 'n-dev-8', 'n-dev-17', 'Weekly batch report'],
    ['data', 'n-dev-9', 'n-dev-17'],
    ['data', 'n-dev-17', 'n-dev-18'],
    ['seq', 'n-dev-17', 'n-dev-19'],
    ['seq', 'n-dev-11', 'n-dev-12', 'Yes'],
    ['seq', 'n-dev-11', 'n-dev-13', 'No'],
    ['data', 'n-dev-12', 'n-dev-9'],
    ['seq', 'n-dev-12', 'n-dev-14'],
    ['seq', 'n-dev-13', 'n-dev-14'],
    ['data', 'n-dev-9', 'n-dev-14'],
    ['data', 'n-dev-14', 'n-dev-15'],
    ['msg', 'n-dev-14', 'n-dev-16', 'Letter by post'],
  ],
};

export const fundraisingMap = (now: string): ProcessMap => buildMap(fundraisingSpec, now);
