import { admissionsMap } from '../../../src/core/demo/admissions';
import { alumniMap } from '../../../src/core/demo/alumni';
import { fundraisingMap } from '../../../src/core/demo/fundraising';
import { marketingMap } from '../../../src/core/demo/marketing';
import { derive, type Derived } from './derive';

// The demo maps as another department would draw the same job in its own words, written by hand
// before the matcher was tuned. Every control node kept is the same job (its label is how the
// other team says it); nodes set to null are steps the other team does not draw, and the inserted
// steps are theirs alone. These are the hand-labelled truth: a kept node pairs with its rewrite.

const NOW = '2026-01-01T00:00:00Z';

/** Admissions' enquiry-to-offer as a faculty office would draw it. */
export const admissionsRewrite = (): Derived => derive(admissionsMap(NOW), {
  departmentId: 'd-fac', name: 'Faculty office: applications',
  lanes: { 'l-adm-app': 'Prospective student', 'l-adm-off': 'Faculty admin team', 'l-adm-tut': 'Programme lead', 'l-adm-reg': 'Central registry' },
  labels: {
    'n-adm-1': 'Enquiry comes in',
    'n-adm-2': 'Record the enquiry on the tracker sheet',
    'n-adm-3': 'Email the prospectus',
    'n-adm-4': 'Submits application form',
    'n-adm-5': 'All documents received?',
    'n-adm-6': 'Chase applicant for missing documents',
    'n-adm-7': 'Pass application on to Registry',
    'n-adm-8': 'Set up applicant on SITS',
    'n-adm-9': 'Review the application',
    'n-adm-10': 'Offer a place?',
    'n-adm-11': 'Post the offer letter',
    'n-adm-13': 'Email unsuccessful applicant',
    'n-adm-14': 'Offer letter received',
    'n-adm-15': 'Application closed off',
  },
  insert: [{ after: 'n-adm-9', label: 'Check entry requirements against the course' }],
});

/** Alumni Relations' map as the Careers service draws its own graduate contact. */
export const alumniRewrite = (): Derived => derive(alumniMap(NOW), {
  departmentId: 'd-car', name: 'Careers: keeping in touch with graduates',
  lanes: { 'l-alu-grad': 'Alumnus', 'l-alu-off': 'Careers adviser', 'l-alu-evt': 'Events officer', 'l-alu-reg': 'Student records' },
  labels: {
    'n-alu-1': 'Graduation confirmed by Registry',
    'n-alu-2': 'Pull list of graduates from SITS',
    'n-alu-5': 'Type the graduates into the database',
    'n-alu-7': 'Export the mailing list as a CSV file',
    'n-alu-9': 'Email invitations to the event',
    'n-alu-10': 'Responds to the invite',
    'n-alu-11': 'Check replies in the mailbox',
    'n-alu-13': 'Coming to the event?',
    'n-alu-14': 'Put them on the guest list',
    'n-alu-16': 'Attends the event',
    'n-alu-17': null,
    'n-alu-18': 'Changes address',
    'n-alu-19': 'Amend address manually',
  },
  insert: [{ after: 'n-alu-14', label: 'Print name badges' }],
});

/** Fundraising's gift map as a faculty's development officer draws it. */
export const fundraisingRewrite = (): Derived => derive(fundraisingMap(NOW), {
  departmentId: 'd-fdv', name: 'Faculty development: gifts',
  lanes: { 'l-dev-don': 'Supporter', 'l-dev-care': 'Donor relations', 'l-dev-db': 'Gift processing', 'l-dev-dir': 'Head of faculty', 'l-dev-fin': 'Finance' },
  labels: {
    'n-dev-1': 'Wants to make a donation',
    'n-dev-2': 'Gives online or by cheque?',
    'n-dev-3': 'Donates through the online giving page',
    'n-dev-4': 'Sends cheque in the post with a form',
    'n-dev-6': 'Upload online donations',
    'n-dev-7': 'Open the post and pay in the cheque',
    'n-dev-8': "Enter the donation in Raiser's Edge",
    'n-dev-11': 'Has a Gift Aid declaration?',
    'n-dev-12': 'Include gift in the Gift Aid claim',
    'n-dev-13': 'Send Gift Aid form by post',
    'n-dev-14': 'Draft letter of thanks',
    'n-dev-16': 'Donor thanked',
    'n-dev-17': 'Key the gift batch into the ledger',
    'n-dev-19': 'Income recorded',
  },
  insert: [{ after: 'n-dev-8', label: 'Scan the cheque for the file' }],
});

/** Marketing's campaign map as the Recruitment team draws the same campaign. */
export const marketingRewrite = (): Derived => derive(marketingMap(NOW), {
  departmentId: 'd-rec', name: 'Recruitment: open day campaign',
  lanes: { 'l-mkt-pros': 'Prospect', 'l-mkt-off': 'Recruitment officer', 'l-mkt-evt': 'Open day team', 'l-mkt-adm': 'Admissions' },
  labels: {
    'n-mkt-1': 'Campaign agreed',
    'n-mkt-2': 'Put together the mailing list from the contact sheets',
    'n-mkt-5': 'Email the campaign',
    'n-mkt-6': 'Opens the email',
    'n-mkt-7': 'Keen to come?',
    'n-mkt-8': 'Books a place at the open day',
    'n-mkt-9': 'Unsubscribes or does nothing',
    'n-mkt-11': 'Export the bookings from the website',
    'n-mkt-12': 'Hold the open day',
    'n-mkt-14': 'Enquired about a course?',
    'n-mkt-15': 'Send leads over to Admissions',
    'n-mkt-16': 'Thank attendees for coming',
    'n-mkt-17': 'Enter the leads in the enquiries spreadsheet',
    'n-mkt-19': 'Enquiry recorded',
  },
  insert: [{ after: 'n-mkt-12', label: 'Hand out feedback cards' }],
});
