// BPMN 2.0: import any modeller's file as maps, export a map as a file bpmn-js and Camunda Modeler open.
export { importBpmn } from './importBpmn';
export { bpmnExport, exportBpmn } from './exportBpmn';
