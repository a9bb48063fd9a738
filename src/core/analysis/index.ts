import type { Workspace } from '../model/types';
import { duplicateFindings } from './duplicates';
import { lintFindings } from './lint';
import { rekeyingFindings } from './rekeying';
import { siloFindings } from './silo';
import { FINDING_KINDS, type Finding, SEVERITIES } from './types';
import { type AnalysisContext, buildContext } from './accessIndex';

// The analysis of a whole workspace: pure, deterministic and fast enough to run on every edit
// (the indexes in accessIndex.ts are built once; each rule is a linear walk over them).

export * from './types';
export { normaliseField, fieldLabel, type NormalisedField } from './fieldKeys';
export { landscape, landscapeCsv, type Landscape, type LandscapeCell, type LandscapeColumn, type LandscapeFlag } from './landscape';
export { buildContext, type AnalysisContext } from './accessIndex';
export { MAX_ANALYSED_FLOWS, MAX_ANALYSED_NODES, tooLargeToAnalyse } from './analysisSize';
export { costWords, hoursWords, rankByCost } from './costs';
export { findingTitles, PRIORITY_LABEL, requirementsCsv, sortedRequirements } from './requirementsCsv';

const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));
const kindRank = new Map(FINDING_KINDS.map((k, i) => [k, i]));

// Code-unit comparison, not localeCompare: the order must not depend on the machine's locale.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** High before medium before low; then kinds in FINDING_KINDS order; then title; then id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank.get(a.severity)! - severityRank.get(b.severity)! ||
    kindRank.get(a.kind)! - kindRank.get(b.kind)! ||
    cmp(a.title, b.title) ||
    cmp(a.id, b.id)
  );
}

/** Every finding for the workspace, in a deterministic order (compareFindings). */
export function analyzeWorkspace(ws: Workspace, context?: AnalysisContext): Finding[] {
  const ctx = context ?? buildContext(ws);
  return [...siloFindings(ctx), ...duplicateFindings(ctx), ...rekeyingFindings(ctx), ...lintFindings(ctx)].sort(compareFindings);
}
