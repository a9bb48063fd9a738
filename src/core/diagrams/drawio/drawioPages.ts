import { Inflate } from 'fflate';
import { ImportError } from '../../formats/importResult';
import { childrenNamed, firstChild, parseXml, XmlError, type XmlElement } from '../../formats/xml';

// A draw.io file is <mxfile> with one <diagram> per page. By default draw.io compresses each
// page: the page's XML is URI-encoded, deflated (raw, no zlib header) and base64-encoded as
// the <diagram>'s text. Newer versions may keep it plain (<diagram><mxGraphModel>), and an
// "export as XML" file can be a bare <mxGraphModel>. All three come out as pages here.

export interface DrawioPage {
  id: string;
  /** The page's tab name; absent when the file does not name it. */
  name?: string;
  model: XmlElement;
}

/** No page of a workshop diagram comes near this once inflated; a bigger one is a zip bomb. */
export const MAX_PAGE_CHARS = 50 * 1024 * 1024;
const SLICE = 16 * 1024;

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Raw inflate in slices, stopping as soon as the output passes the cap. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new ImportError(`A page of this draw.io file unpacks to more than ${cap / 1024 / 1024} MB: too large to be a diagram.`);
    chunks.push(chunk);
  });
  for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function decompress(text: string, pageName: string): XmlElement {
  let xml: string;
  try {
    const inflated = new TextDecoder().decode(inflateCapped(base64Bytes(text), MAX_PAGE_CHARS));
    xml = inflated.trimStart().startsWith('<') ? inflated : decodeURIComponent(inflated);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`The page “${pageName}” of this draw.io file is damaged: its compressed drawing cannot be unpacked. Open the file in draw.io, or save it again with File › Properties › Compressed off.`);
  }
  let model: XmlElement;
  try {
    model = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) throw new ImportError(`The page “${pageName}” of this draw.io file is damaged. ${e.message}`);
    throw e;
  }
  if (model.local !== 'mxGraphModel') throw new ImportError(`The page “${pageName}” of this draw.io file holds no drawing (found <${model.name}>).`);
  return model;
}

export function drawioPages(text: string): DrawioPage[] {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    if (e instanceof XmlError) throw new ImportError(`This draw.io file cannot be read. ${e.message}${e.cutShort ? ' Save it again from draw.io.' : ' It may be damaged: save it again from draw.io.'}`);
    throw e;
  }
  if (root.local === 'mxGraphModel') return [{ id: 'page1', model: root }];
  if (root.local !== 'mxfile') throw new ImportError(`This is not a draw.io diagram: it starts with <${root.name}> where draw.io writes <mxfile>.`);
  return childrenNamed(root, 'diagram').map((d, i) => {
    const id = d.attrs.id || `page${i + 1}`;
    const label = d.attrs.name || `page ${i + 1}`;
    const plain = firstChild(d, 'mxGraphModel');
    const packed = d.text.trim();
    // A page never drawn on is saved as an empty <diagram/>.
    const model = plain ?? (packed ? decompress(packed, label) : { name: 'mxGraphModel', local: 'mxGraphModel', attrs: {}, children: [], text: '' });
    return { id, ...(d.attrs.name ? { name: d.attrs.name } : {}), model };
  });
}
