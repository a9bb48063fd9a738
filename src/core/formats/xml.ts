import { XMLParser, XMLValidator } from 'fast-xml-parser';

// A small element tree over fast-xml-parser, shared by the BPMN, draw.io and Visio readers:
// they all walk namespaced XML by local name and never need more than this.

export interface XmlElement {
  /** The name as written, with its prefix ("bpmn:task"). */
  name: string;
  /** The name without its prefix ("task"). */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

/** The file is not well-formed XML; says where. */
export class XmlError extends Error {
  /**
   * `cutShort`: the text stops with elements still open, as a file cut off in the middle does.
   * `tooDeep`: elements nest deeper than MAX_XML_DEPTH.
   */
  constructor(message: string, readonly line?: number, readonly cutShort = false, readonly tooDeep = false) {
    super(message);
    this.name = 'XmlError';
  }
}

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Elements inside one another; deeper input is refused (the element tree is built recursively). */
const MAX_XML_DEPTH = 100;

const parser = new XMLParser({
  maxNestedTags: MAX_XML_DEPTH,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function toElement(name: string, raw: Raw): XmlElement {
  const el: XmlElement = { name, local: localName(name), attrs: { ...(raw[':@'] ?? {}) }, children: [], text: '' };
  for (const item of (raw[name] as Raw[]) ?? []) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (!key) continue;
    if (key === '#text') el.text += String(item[key]);
    else if (!key.startsWith('#') && !key.startsWith('?')) el.children.push(toElement(key, item));
  }
  return el;
}

/** Parse a document and return its root element; malformed input throws XmlError, never hangs. */
export function parseXml(text: string): XmlElement {
  const trimmed = text.replace(/^\uFEFF/, '');
  if (!trimmed.trim()) throw new XmlError('The file is empty.');
  const check = XMLValidator.validate(trimmed, { allowBooleanAttributes: true });
  if (check !== true) {
    // Unclosed elements come back at line 1 as a list of their names: say where the text stops instead.
    const open = /^Invalid '\[([\s\S]*)\]' found/.exec(check.err.msg);
    if (open) {
      const names = [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
      const lines = trimmed.split('\n').length;
      const what = names.length ? `${names.slice(-3).join(', ')}${names.length > 3 ? ' and more' : ''} still open` : 'elements still open';
      throw new XmlError(`The text ends at line ${lines} with ${what}: the file was probably cut short.`, lines, true);
    }
    throw new XmlError(`The XML is not well-formed at line ${check.err.line}: ${check.err.msg}`, check.err.line);
  }
  let items: Raw[];
  try {
    items = parser.parse(trimmed) as Raw[];
  } catch (e) {
    if (e instanceof Error && /nested/i.test(e.message)) throw new XmlError(`The XML nests elements more than ${MAX_XML_DEPTH} deep, far more than any diagram does.`, undefined, false, true);
    throw new XmlError(`The XML cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const root = items.map((item) => Object.keys(item).find((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?'))).find(Boolean);
  if (!root) throw new XmlError('The file holds no XML element.');
  return toElement(root, items.find((item) => root in item)!);
}

export const childrenNamed = (el: XmlElement, local: string): XmlElement[] => el.children.filter((c) => c.local === local);
export const firstChild = (el: XmlElement, local: string): XmlElement | undefined => el.children.find((c) => c.local === local);

/**
 * How many times `needle` occurs in text[from, to): a count taken before a slow parse, so a
 * page of half a million shapes is refused in milliseconds.
 */
export function countOf(text: string, needle: string, from = 0, to = text.length): number {
  let n = 0;
  for (let at = text.indexOf(needle, from); at >= 0 && at < to; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Every element below `el` (depth first, document order) with this local name. */
export function descendants(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** All text inside an element, its children's included. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join('');
}
