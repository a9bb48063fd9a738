// Map-to-map comparison: pure functions behind the compare screen.

export { compareCatalogue, type CatalogueComparison, type CatalogueEntry, type NodeEntry, type SharedEntry } from './catalogueUse';
export { diffVersions, sameMeaning, type Change, type ElementDiff, type VersionDiff } from './diffVersions';
export { labelSimilarity, labelTerms, type LabelTerms } from './labelSimilarity';
export { CONTEXT_MIN, decisionsFor, LABEL_MIN, matchSteps, MATCH_MIN, type MatchOptions, type StepMatch, type StepMatching } from './matchSteps';
export { flowPositions, laneSimilarity } from './stepContext';
export { mapFigures, sharedCustomerData, storesWritten, withMap, type MapFigures, type SharedCustomerData } from './summary';
