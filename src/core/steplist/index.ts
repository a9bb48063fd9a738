export { parseStepList, stepsOf, sameText, type Item, type StepItem, type Branch, type StepListError, type StepListParse } from './parseStepList';
export { listFlows, type ListFlow } from './listFlows';
export { applyStepList, type ApplyStepListArgs } from './applyStepList';
export { writeStepList } from './writeStepList';
export { findEntry, storeKindFromName } from './listCatalogue';
