// Live workspaces: the workspace as one Y.Doc (docShape), written from command patches
// (writeDoc), read back (readDoc), remote changes as patches for the store (remotePatch), and
// the checks the server runs on updates (validateDoc).
export { writeWorkspace, applyPatchToDoc } from './writeDoc';
export { readWorkspace } from './readDoc';
export { observeRemote, touchedRecords, type Touched } from './remotePatch';
export { checkDoc, checkTouched, danglingReferences, type DocCheck, type RecordsCheck } from './validateDoc';
export { newSecret, shareHash, parseShareHash, looksLikeShareHash, type ShareLink } from './shareLink';
export { mendMerged } from './mendMerged';
export { keepUnchanged } from './keepUnchanged';
