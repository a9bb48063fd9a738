// The report for the CRM policy document: a cover, the summary, a part per department (maps
// at a printable size, steps, the findings that concern it), the part across departments,
// recommendations, every finding and a glossary. As a Word document or one self-contained
// HTML file; the content is worked out once (content.ts) so both say the same thing.

export { buildReportHtml } from './html/buildReportHtml';
export { buildReportDocx } from './docx/buildReportDocx';
export { REPORT_SECTIONS, REPORT_SUBTITLE, SECTION_TITLES, type Rasterise, type ReportOptions, type ReportSection } from './options';
export { PAPERS, PAPER_NAME, type Paper } from './paper';
