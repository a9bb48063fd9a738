import { FINDING_KINDS, type FindingKind } from '../analysis/types';
import type { WorkspaceMeta } from '../model/types';

// What the organisation should do about each kind of finding, in the words of a CRM plan. The
// report prints these under Recommendations; the user may rewrite any of them before export,
// and their own words are kept with the workspace (meta.recommendations, keyed by kind).

export const DEFAULT_RECOMMENDATIONS: Record<FindingKind, string> = {
  'silo-system':
    'Integrate or retire each silo system. Connect it to the CRM so the customer records it holds are shared, or move those records into the CRM and retire the system. Until then, name an owner who answers for the customer data in it.',
  'duplicate-data':
    'Keep one customer record. Each customer’s contact details should be held once, in the CRM, and read from there by every department; retire the copies in spreadsheets and local systems, and name an owner for each store that remains.',
  'manual-rekeying':
    'Stop typing the same details twice. Make an interface between the systems a requirement for the CRM, so data entered once flows to where it is needed; until it exists, agree which copy is the master.',
  'uncatalogued-store':
    'Give every store an owner. Add each mailbox, spreadsheet and paper file the maps use to the catalogue, with the department that answers for it, so nothing that holds customer data is left out of the CRM plan.',
  'unreachable-node': 'Finish the maps: connect the steps that nothing leads to, or remove them, so the maps show the whole process before the policy is agreed.',
  'decision-branches': 'Finish the maps: give every decision both of its outcomes, so the maps show what happens in each case.',
  'dead-end': 'Finish the maps: say what happens after each step that leads nowhere, so no customer case is left hanging.',
  'missing-start': 'Finish the maps: mark where each process starts, so the CRM requirements begin at the customer’s first contact.',
  'missing-end': 'Finish the maps: mark where each process ends, so it is clear when a customer case is closed.',
  'empty-lane': 'Finish the maps: draw the steps of each role shown, or remove the lanes nobody uses.',
  'unlabelled-node': 'Finish the maps: name every step, so readers of the policy know what each one is.',
};

/** The text the report prints for a kind: the user's own words when they wrote some. */
export function recommendationFor(meta: Pick<WorkspaceMeta, 'recommendations'>, kind: FindingKind): string {
  const own = meta.recommendations?.[kind]?.trim();
  return own || DEFAULT_RECOMMENDATIONS[kind];
}

/** Whether the text for a kind is the user's own. */
export const isEdited = (meta: Pick<WorkspaceMeta, 'recommendations'>, kind: FindingKind): boolean => Boolean(meta.recommendations?.[kind]?.trim());

export const RECOMMENDATION_KINDS: readonly FindingKind[] = FINDING_KINDS;
