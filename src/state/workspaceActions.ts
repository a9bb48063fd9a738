import * as C from '../core/commands';
import type { WorkspaceDetails } from '../core/commands';
import { useDocument } from './documentStore';

// Edits of the workspace's own record: its name and who it is for (the report's cover), and
// the recommendations the report prints. Each is one undoable command.

/** Returns false when nothing changed or the edit was refused (an empty name), with the reason reported. */
export const updateWorkspaceDetails = (patch: WorkspaceDetails): boolean => useDocument.getState().dispatch(C.updateWorkspaceDetails, { patch });

export const setRecommendation = (kind: string, text: string): boolean => useDocument.getState().dispatch(C.setRecommendation, { kind, text });
