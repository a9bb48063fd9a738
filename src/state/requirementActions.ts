import * as C from '../core/commands';
import { randomIds } from '../core/model/ids';
import type { Id, RequirementPriority } from '../core/model/types';
import { useDocument } from './documentStore';

// The requirements list for the CRM, named by id: the requirements screen calls these.

const doc = () => useDocument.getState();

/** A new requirement in the user's words (or a finding's proposal), linked to the findings given. */
export function addRequirement(text: string, findingIds: string[], priority: RequirementPriority = 'essential'): Id | undefined {
  const id = randomIds('req');
  return doc().dispatch(C.addRequirement, { requirement: { id, text, priority, findingIds } }) ? id : undefined;
}

export function editRequirement(id: Id, patch: { text?: string; priority?: RequirementPriority }): boolean {
  return doc().dispatch(C.updateRequirement, { id, ...patch });
}

export function linkRequirementFinding(id: Id, findingId: string, linked: boolean): boolean {
  return doc().dispatch(C.linkRequirementFinding, { id, findingId, linked });
}

export function removeRequirement(id: Id): boolean {
  return doc().dispatch(C.removeRequirement, { id });
}
