// The little of bpmn-moddle the BPMN tests use (the package ships no types for its main entry).
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    $instanceOf(type: string): boolean;
    [property: string]: unknown;
  }

  export interface FromXmlResult {
    rootElement: ModdleElement;
    warnings: { message: string }[];
    elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle {
    constructor(packages?: object);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
}
