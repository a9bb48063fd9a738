import type { Finding } from '../analysis/types';
import type { Id } from '../model/types';

/** A picture of one map, made by the caller (a canvas in the browser, resvg in the CLI). */
export interface MapImage {
  png: Uint8Array;
  /**
   * The same picture as SVG (renderMapSvg): Word 2016 and later draw it, sharp at any zoom and
   * in print, and fall back to the PNG where SVG is not understood.
   */
  svg?: string;
  /** The picture's size, or any size with its aspect ratio: the report scales it to fit the page. */
  width: number;
  height: number;
}

export interface ReportOptions {
  /** The maps to include, in workspace order whatever the order here; all maps when absent. */
  mapIds?: Id[];
  /** The findings to report; analyzeWorkspace(ws) when absent; [] leaves the findings out. */
  findings?: Finding[];
  /** false leaves the findings out (the table, the flags in the landscape, the badges). */
  includeFindings?: boolean;
  /** ISO date printed on the title page; today when absent. */
  date?: string;
  /** .docx only: a PNG per map id. A map without one gets a line saying so. */
  images?: Record<Id, MapImage>;
  /** The report's title; the workspace's name when absent. */
  title?: string;
}

export const REPORT_SUBTITLE = 'CRM policy: how we handle customers today';
