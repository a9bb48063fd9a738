// The shared catalogue of the demo: the departments of a UK university that met in the CRM
// workshops, the systems they use, and the places where each keeps customer records.
//
// It is deliberately as messy as the real thing, so the analysis has something to find:
// - the same contact details kept in many stores under different field names
//   ("E-mail address" / "Email", "Telephone" / "Mobile", "Surname" + "Forename" / "Full name"
//   / "First name" + "Last name", "Postal address" / "Address");
// - the Enquiries spreadsheet: a standalone store only Admissions uses, linked to nothing;
// - the Alumni database (an Access file): a system that integrates with nothing;
// - stores filled by re-keying from another store (see the maps' manual steps).

import type { DataStore, Department, System } from '../model/types';

export const demoDepartments: Department[] = [
  { id: 'd-adm', name: 'Admissions' },
  { id: 'd-reg', name: 'Registry' },
  { id: 'd-alu', name: 'Alumni Relations' },
  { id: 'd-dev', name: 'Fundraising (Development)' },
  { id: 'd-mkt', name: 'Marketing' },
  { id: 'd-fin', name: 'Finance' },
];

export const demoSystems: System[] = [
  // The one real integration: fees flow from student records to finance.
  { id: 's-sits', name: 'Student records system (SITS)', kind: 'application', integratesWith: ['s-fin'], ownerDepartmentId: 'd-reg' },
  { id: 's-fin', name: 'Finance system', kind: 'application', integratesWith: [], ownerDepartmentId: 'd-fin' },
  // Online gifts come into Raiser's Edge by a nightly import; cheques do not.
  { id: 's-re', name: "Raiser's Edge", kind: 'application', integratesWith: ['s-giving'], ownerDepartmentId: 'd-dev' },
  { id: 's-giving', name: 'Online giving page', kind: 'website', integratesWith: [], ownerDepartmentId: 'd-dev' },
  // Web form sign-ups land in the mailing tool and are e-mailed to a mailbox.
  { id: 's-mail', name: 'Email marketing tool (Mailchimp)', kind: 'application', integratesWith: ['s-cms'], ownerDepartmentId: 'd-mkt' },
  { id: 's-cms', name: 'Website forms (CMS)', kind: 'website', integratesWith: ['s-m365'], ownerDepartmentId: 'd-mkt' },
  { id: 's-m365', name: 'Microsoft 365 mail (Outlook)', kind: 'email', integratesWith: [], ownerDepartmentId: null },
  // Built by a former alumni officer years ago; nothing talks to it.
  { id: 's-alumdb', name: 'Alumni database (Access)', kind: 'desktop database', integratesWith: [], ownerDepartmentId: 'd-alu' },
];

export const demoDataStores: DataStore[] = [
  // Admissions
  {
    id: 'ds-enq', name: 'Enquiries spreadsheet', kind: 'spreadsheet', systemId: null, ownerDepartmentId: 'd-adm',
    population: 'prospective students',
    customerFields: ['Full name', 'Email', 'Mobile', 'Course of interest', 'Year of entry'],
  },
  {
    id: 'ds-adm-mbx', name: 'Admissions enquiries mailbox', kind: 'email', systemId: 's-m365', ownerDepartmentId: 'd-adm',
    customerFields: ['Name', 'E-mail address', 'Telephone'],
  },
  // Registry
  {
    id: 'ds-sits', name: 'Applicant and student records', kind: 'database', systemId: 's-sits', ownerDepartmentId: 'd-reg',
    customerFields: ['Surname', 'Forename', 'Date of birth', 'Student ID', 'E-mail address', 'Telephone', 'Postal address', 'Course', 'Graduation year'],
  },
  // Alumni Relations
  {
    id: 'ds-grad', name: 'Graduation list (Excel export)', kind: 'spreadsheet', systemId: null, ownerDepartmentId: 'd-alu',
    customerFields: ['Student ID', 'Surname', 'Forename', 'E-mail address', 'Postal address', 'Course', 'Graduation year'],
  },
  {
    id: 'ds-alum', name: 'Alumni records', kind: 'database', systemId: 's-alumdb', ownerDepartmentId: 'd-alu',
    customerFields: ['Full name', 'Email', 'Mobile', 'Address', 'Graduation year', 'Student ID'],
  },
  {
    id: 'ds-alu-mbx', name: 'Alumni shared mailbox', kind: 'email', systemId: 's-m365', ownerDepartmentId: 'd-alu',
    customerFields: ['Name', 'Email', 'Address'],
  },
  {
    id: 'ds-mail-alu', name: 'Alumni mailing list', kind: 'database', systemId: 's-mail', ownerDepartmentId: 'd-alu',
    customerFields: ['First name', 'Last name', 'Email', 'Graduation year'],
  },
  // Marketing
  {
    id: 'ds-fair', name: 'School and fair contacts', kind: 'spreadsheet', systemId: null, ownerDepartmentId: 'd-mkt',
    population: 'prospective students',
    customerFields: ['Name', 'Email', 'Mobile', 'School', 'Course of interest'],
  },
  {
    id: 'ds-mail-mkt', name: 'Prospects mailing list', kind: 'database', systemId: 's-mail', ownerDepartmentId: 'd-mkt',
    population: 'prospective students',
    customerFields: ['First name', 'Last name', 'Email', 'Course of interest'],
  },
  // Fundraising
  {
    id: 'ds-re', name: "Donor records (Raiser's Edge)", kind: 'database', systemId: 's-re', ownerDepartmentId: 'd-dev',
    customerFields: ['Donor ID', 'Title', 'Surname', 'Forename', 'Postal address', 'E-mail address', 'Telephone', 'Graduation year', 'Gift Aid declaration'],
  },
  {
    id: 'ds-donor-files', name: 'Paper donor files', kind: 'paper', systemId: null, ownerDepartmentId: 'd-dev',
    customerFields: ['Donor ID', 'Full name', 'Postal address', 'Gift Aid declaration'],
  },
  // Finance
  {
    id: 'ds-fin', name: 'Income ledger', kind: 'database', systemId: 's-fin', ownerDepartmentId: 'd-fin',
    customerFields: ['Payer name', 'Postal address', 'Donor ID'],
  },
];
