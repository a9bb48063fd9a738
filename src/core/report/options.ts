import type { Finding } from '../analysis/types';
import type { Id } from '../model/types';
import type { Paper } from './paper';

/** The parts of the report a user may leave out; the cover and contents are always there. */
export const REPORT_SECTIONS = ['summary', 'departments', 'across', 'recommendations', 'findings', 'glossary', 'comments'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  summary: 'Summary',
  departments: 'A part for each department (maps, steps, their findings)',
  across: 'Across departments (duplicated data, silos, re-keying, landscape)',
  recommendations: 'Recommendations',
  findings: 'All findings',
  glossary: 'Glossary of systems and data stores',
  comments: 'Comments on steps (when there are any)',
};

/** PNG of an SVG picture for Word readers that cannot draw SVG; asked once per picture. */
export type Rasterise = (svg: string, size: { width: number; height: number }) => Promise<Uint8Array>;

export interface ReportOptions {
  /** The maps to include, in workspace order whatever the order here; all maps when absent. */
  mapIds?: Id[];
  /** The findings to report; analyzeWorkspace(ws) when absent; [] leaves the findings out. */
  findings?: Finding[];
  /** false leaves the findings out (their sections, the flags in the landscape, the badges). */
  includeFindings?: boolean;
  /** ISO date printed on the cover; today when absent. */
  date?: string;
  /** The report's title; the workspace's name when absent. */
  title?: string;
  /** A4 unless asked. */
  paper?: Paper;
  /** Sections to leave out (false); all are in when absent. */
  sections?: Partial<Record<ReportSection, boolean>>;
  /** .docx: the PNG fallback of each picture. Without it Word gets the SVG alone. */
  rasterise?: Rasterise;
  /** .docx: told after each picture is drawn, and may throw to stop. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export const REPORT_SUBTITLE = 'CRM policy: how we handle customers today';
