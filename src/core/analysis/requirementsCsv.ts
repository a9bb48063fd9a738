import type { Requirement, Workspace } from '../model/types';
import { csvField } from './landscape';
import type { Finding } from './types';

// The requirements list as it leaves the app: a CSV for the CRM selection check-list, essential
// ones first (the must-haves), each with the findings that call for it.

export const PRIORITY_LABEL = { essential: 'Essential', optional: 'Optional' } as const;

/** Essential before optional, each in the user's order. */
export function sortedRequirements(list: readonly Requirement[]): Requirement[] {
  return [...list.filter((r) => r.priority === 'essential'), ...list.filter((r) => r.priority !== 'essential')];
}

/** A linked finding's title, or a word that it is no longer found (the maps changed since). */
export function findingTitles(r: Requirement, findings: readonly Finding[]): string[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  return r.findingIds.map((id) => byId.get(id)?.title ?? 'A finding no longer found in the maps');
}

/** Header, then one row per requirement; CRLF line ends, formulas defused (landscape's csvField). */
export function requirementsCsv(ws: Pick<Workspace, 'meta'>, findings: readonly Finding[]): string {
  const rows = [
    ['Requirement', 'Priority', 'Findings'],
    ...sortedRequirements(ws.meta.requirements ?? []).map((r) => [r.text, PRIORITY_LABEL[r.priority], findingTitles(r, findings).join('; ')]),
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
