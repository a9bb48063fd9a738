// The report for the CRM policy document: the maps by department, their steps and the systems
// and stores each step uses, the findings, the landscape matrix and the catalogue as a glossary.
// As a Word document (pictures supplied by the caller) or one self-contained HTML file.

export { buildReportHtml } from './html/buildReportHtml';
export { buildReportDocx } from './docx/buildReportDocx';
export { REPORT_SUBTITLE, type MapImage, type ReportOptions } from './options';
