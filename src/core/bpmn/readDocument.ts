import { ImportError } from '../formats/importResult';
import { FLOW_KINDS, type FlowKind } from '../model/types';
import { parseXml, XmlError, type XmlElement } from '../formats/xml';
import { BPMN_NS, LANEMAP_NS } from './bpmnVocabulary';

// The first step of reading a .bpmn file: well-formed XML, a BPMN <definitions> root, and an
// index of every element by id (flows, lanes and diagram shapes all point at ids).

export interface BpmnDocument {
  root: XmlElement;
  byId: Map<string, XmlElement>;
  parentOf: Map<XmlElement, XmlElement>;
  /** The prefix the file gives Lanemap's own attributes, if it was written by Lanemap. */
  lanemapPrefix?: string;
}

/** Entity declarations only serve entity-expansion attacks in a BPMN file; refuse them up front. */
function declaresEntities(text: string): boolean {
  const doctype = /<!DOCTYPE[\s\S]{0,100000}?(?:\]\s*>|>)/i.exec(text.slice(0, 200_000));
  return !!doctype && /<!ENTITY/i.test(doctype[0]);
}

function parse(text: string, fileName: string): XmlElement {
  if (declaresEntities(text)) {
    throw new ImportError(`“${fileName}” declares its own XML entities (<!ENTITY>), which BPMN files never need; Lanemap does not read such files. Export the diagram again from the modelling tool.`);
  }
  try {
    return parseXml(text);
  } catch (e) {
    if (e instanceof XmlError && e.cutShort) {
      throw new ImportError(`“${fileName}” is not a readable BPMN file: it ends at line ${e.line} before all its elements are closed, so it was probably cut short. Export it again from the modelling tool.`);
    }
    if (e instanceof XmlError && !e.tooDeep) {
      throw new ImportError(`“${fileName}” is not a readable BPMN file. ${e.message} The file may be cut short or damaged: export it again from the modelling tool.`);
    }
    // The parser's own limits (nesting depth) and a stack overflow on pathological input.
    const message = e instanceof Error ? e.message : String(e);
    const reason = e instanceof RangeError || /nest/i.test(message) ? 'it nests elements more deeply than any diagram needs' : message;
    throw new ImportError(`“${fileName}” could not be read as XML: ${reason}. Export the diagram again from the modelling tool.`);
  }
}

export function readDocument(text: string, fileName: string): BpmnDocument {
  const root = parse(text, fileName);
  const namespaces = Object.entries(root.attrs).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'));
  if (root.local !== 'definitions' || !namespaces.some(([, v]) => v === BPMN_NS)) {
    throw new ImportError(`“${fileName}” is XML but not BPMN 2.0: its root element is <${root.name}>, where a BPMN file has <definitions> in the BPMN 2.0 namespace. Export the diagram as BPMN 2.0 XML from the modelling tool and import that file.`);
  }
  const byId = new Map<string, XmlElement>();
  const parentOf = new Map<XmlElement, XmlElement>();
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const id = el.attrs.id;
    // Ids are unique in a valid file; of duplicates one is kept, which is as good as any.
    if (id && !byId.has(id)) byId.set(id, el);
    for (const c of el.children) {
      parentOf.set(c, el);
      stack.push(c);
    }
  }
  const lanemap = namespaces.find(([, v]) => v === LANEMAP_NS)?.[0];
  return { root, byId, parentOf, ...(lanemap ? { lanemapPrefix: lanemap.slice('xmlns:'.length) } : {}) };
}

/** An element's name with runs of white space (line breaks in labels) made single spaces. */
export const nameOf = (el: XmlElement | undefined): string => (el?.attrs.name ?? '').replace(/\s+/g, ' ').trim();

/** Lanemap's own attribute on an element written by Lanemap. */
export const lanemapAttr = (doc: BpmnDocument, el: XmlElement, name: string): string | undefined =>
  doc.lanemapPrefix ? el.attrs[`${doc.lanemapPrefix}:${name}`] : undefined;

/** The flow kind Lanemap wrote on a flow whose BPMN element would read back as another kind. */
export function markedFlowKind(doc: BpmnDocument, el: XmlElement): FlowKind | undefined {
  const kind = lanemapAttr(doc, el, 'kind');
  return FLOW_KINDS.find((k) => k === kind);
}
