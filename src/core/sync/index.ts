// Live workspaces: the workspace as one Y.Doc (docShape), written from command patches
// (writeDoc), read back (readDoc), remote changes as patches for the store (remotePatch), and
// the check the server runs on every update (validateDoc).
export { writeWorkspace, applyPatchToDoc } from './writeDoc';
export { readWorkspace } from './readDoc';
export { observeRemote } from './remotePatch';
export { checkDoc, danglingReferences, type DocCheck } from './validateDoc';
