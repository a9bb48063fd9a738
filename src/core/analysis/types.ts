import type { Id } from '../model/types';

// What the analysis reports. Findings are plain data (JSON-safe) so the UI, the CLI and
// the policy report all read the same thing.

/** In display order: data problems across the workspace first, then per-map lint. */
export const FINDING_KINDS = [
  'silo-system',
  'duplicate-data',
  'manual-rekeying',
  'unreachable-node',
  'decision-branches',
  'dead-end',
  'missing-start',
  'missing-end',
  'uncatalogued-store',
  'empty-lane',
  'unlabelled-node',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The structural checks, one map at a time. */
export const LINT_KINDS: readonly FindingKind[] = FINDING_KINDS.slice(3);

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Headings for reports, one per kind. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  'silo-system': 'Silo systems and stores',
  'duplicate-data': 'Duplicate customer data',
  'manual-rekeying': 'Re-keying between stores',
  'unreachable-node': 'Unreachable nodes',
  'decision-branches': 'Decisions without two branches',
  'dead-end': 'Dead ends',
  'missing-start': 'Maps without a start',
  'missing-end': 'Maps without an end',
  'uncatalogued-store': 'Stores and systems not in the catalogue',
  'empty-lane': 'Empty lanes',
  'unlabelled-node': 'Unlabelled nodes',
};

/** Two data stores and the normalised fields they both hold (duplicate-data). */
/** Frozen: the same records are shared between pairs and between analyses. */
export interface SharedFields {
  readonly stores: readonly [Id, Id];
  /** Normalised keys ("name", "email"). */
  readonly fields: readonly string[];
}

/** A step's copy from one store or system into another (manual-rekeying). */
export interface CopiedFields {
  from: Id;
  to: Id;
  fields: string[];
}

/**
 * What a finding costs a year in staff time, where the maps' measures (minutes per case,
 * cases per year) allow. Missing measures are named, never guessed.
 */
export interface FindingCost {
  /** Staff hours a year; null when a measure it needs is missing. */
  hoursPerYear: number | null;
  /** How it was counted, in plain English, for the report ("12 min x 1,800 cases a year of …"). */
  basis: string;
  /** The measures still missing, each named so the user can fill it in. */
  missing: string[];
}

/** A small table that belongs to a finding (a duplicate-data group: store, department, fields, who writes and reads it). */
export interface FindingTable {
  columns: string[];
  rows: string[][];
}

export interface Finding {
  /** Stable across runs and unrelated edits, so the UI can key and dismiss findings. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  /** Plain English: the things involved and why it matters for a CRM policy. */
  explanation: string;
  /**
   * silo-system: the system or store id; duplicate-data: the store ids; manual-rekeying:
   * the step's node id, then the source and target store or system ids; lint: the node or
   * lane id, or the map id for missing-start / missing-end.
   */
  subjects: Id[];
  mapIds: Id[];
  suggestion: string;
  /** duplicate-data only: every pair of stores in the group that share fields. */
  pairs?: SharedFields[];
  /** manual-rekeying only: each source -> target copy the step makes. */
  copies?: CopiedFields[];
  /** The departments the finding concerns (the departments of the lanes where the steps are), for the report's per-department sections. */
  departmentIds?: Id[];
  /** Where the measures allow: what it costs a year (the report ranks by it). */
  cost?: FindingCost;
  /** The details as a table, for the findings panel and the report. */
  table?: FindingTable;
  /** What the CRM must do about it, proposed in plain words for the requirements list (data findings only). */
  requirement?: string;
}
