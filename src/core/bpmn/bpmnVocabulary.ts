import type { NodeKind } from '../model/types';

// What each BPMN 2.0 element becomes in Lanemap, by local name. Shared by the reader and the
// writer so the two agree on which element stands for which node kind.

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
export const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
/**
 * Lanemap's own attributes on exported elements (a system drawn as a data store, a hand-off
 * kept inside one pool). Other tools keep and ignore them; Lanemap reads them back.
 */
export const LANEMAP_NS = 'urn:lanemap:bpmn:1';

const TASKS = ['task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask', 'callActivity'];
/** Activities that hold other flow elements. */
export const CONTAINERS = ['subProcess', 'transaction', 'adHocSubProcess'];
const GATEWAYS = ['exclusiveGateway', 'inclusiveGateway', 'parallelGateway', 'eventBasedGateway', 'complexGateway'];
/** Events between start and end: Lanemap has no shape for them, so they become steps. */
export const MIDDLE_EVENTS = ['intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent'];

export const isActivity = (local: string) => TASKS.includes(local) || CONTAINERS.includes(local);

/** The node kind of a flow element, or undefined for what is not a node (flows, definitions). */
export function nodeKindOf(local: string): NodeKind | undefined {
  if (local === 'startEvent') return 'start';
  if (local === 'endEvent') return 'end';
  if (isActivity(local) || MIDDLE_EVENTS.includes(local)) return 'step';
  if (GATEWAYS.includes(local)) return 'decision';
  if (local === 'dataObjectReference') return 'document';
  if (local === 'dataStoreReference') return 'dataStore';
  return undefined;
}

/** Words for an unnamed intermediate event, by its definition ("(timer)"). */
export const EVENT_WORDS: Record<string, string> = {
  messageEventDefinition: 'message',
  timerEventDefinition: 'timer',
  signalEventDefinition: 'signal',
  errorEventDefinition: 'error',
  escalationEventDefinition: 'escalation',
  conditionalEventDefinition: 'condition',
  linkEventDefinition: 'link',
  compensateEventDefinition: 'compensation',
  cancelEventDefinition: 'cancel',
  terminateEventDefinition: 'terminate',
};

/** The element each node kind is written as (steps done by hand are manual tasks). */
export const EXPORT_ELEMENT: Record<NodeKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  step: 'task',
  decision: 'exclusiveGateway',
  dataStore: 'dataStoreReference',
  system: 'dataStoreReference',
  document: 'dataObjectReference',
  note: 'textAnnotation',
};
