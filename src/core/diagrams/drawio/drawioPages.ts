import { ImportError } from '../../formats/importResult';
import { formatCount, MAX_SHAPES_PER_MAP, tooManyShapes, ZIP_LIMITS } from '../../formats/importLimits';
import { countBytes, inflateCapped } from '../../formats/inflate';
import { childrenNamed, countOf, firstChild, parseXml, XmlError, type XmlElement } from '../../formats/xml';

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
export const MAX_PAGE_CHARS = ZIP_LIMITS.entryBytes;
const MB = 1024 * 1024;

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const VERTEX = 'vertex="1"';
// A compressed page is URI-encoded before it is packed: its shapes say vertex%3D%221%22.
const VERTEX_BYTES = [VERTEX, encodeURIComponent(VERTEX)].map((v) => new TextEncoder().encode(v));

/** Counts shapes as a page unpacks, so a page of 200,000 is refused after its first megabytes. */
function shapeWatch(pageName: string): (chunk: Uint8Array) => void {
  let shapes = 0;
  return (chunk) => {
    for (const v of VERTEX_BYTES) shapes += countBytes(chunk, v);
    if (shapes > MAX_SHAPES_PER_MAP) throw new ImportError(tooManyShapes(`The page “${pageName}”`));
  };
}

/** A page with more shapes than a map may hold is refused on a count, before the slow parse. */
function checkShapeCount(xml: string, where: string, from?: number, to?: number): void {
  const n = countOf(xml, VERTEX, from, to);
  if (n > MAX_SHAPES_PER_MAP) throw new ImportError(tooManyShapes(where, n));
}

/** The same, for each page kept plain in the file. */
function checkPlainPages(text: string): void {
  const starts: number[] = [];
  for (let at = text.indexOf('<diagram'); at >= 0; at = text.indexOf('<diagram', at + 8)) starts.push(at);
  if (starts.length === 0) return checkShapeCount(text, 'This draw.io drawing');
  starts.forEach((from, i) => checkShapeCount(text, `Page ${i + 1} of this draw.io file`, from, starts[i + 1]));
}

function decompress(text: string, pageName: string): XmlElement {
  let xml: string;
  try {
    const inflated = new TextDecoder().decode(
      inflateCapped(base64Bytes(text), {
        maxBytes: MAX_PAGE_CHARS,
        over: () => new ImportError(`The page “${pageName}” of this draw.io file unpacks to more than ${MAX_PAGE_CHARS / MB} MB: far more than the ${formatCount(MAX_SHAPES_PER_MAP)} shapes Lanemap reads on one map. Split the drawing into smaller pages.`),
        ratio: { max: ZIP_LIMITS.ratio, floorBytes: ZIP_LIMITS.ratioFloorBytes, packed: () => new ImportError(`The page “${pageName}” of this draw.io file is built to unpack far larger than it is (more than ${ZIP_LIMITS.ratio} times, a “zip bomb”). It is not read.`) },
        watch: shapeWatch(pageName),
      }),
    );
    xml = inflated.trimStart().startsWith('<') ? inflated : decodeURIComponent(inflated);
    checkShapeCount(xml, `The page “${pageName}”`);
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

// The XML parser reads long text slowly (a second for 2 MB): the packed pages, long runs of
// base64 with nothing to decode, are lifted out first and the rest of the file parsed alone.
const PACKED_PAGE = /(<diagram\b[^>]*)>\s*([A-Za-z0-9+/=\s]{256,}?)\s*(<\/diagram>)/g;
const PACKED_ATTR = 'lanemap-packed';

export function drawioPages(text: string): DrawioPage[] {
  checkPlainPages(text);
  const packedPages: string[] = [];
  const skeleton = text.replace(PACKED_PAGE, (_, open: string, body: string, close: string) => `${open} ${PACKED_ATTR}="${packedPages.push(body) - 1}">${close}`);
  let root: XmlElement;
  try {
    root = parseXml(skeleton);
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
    const lifted = d.attrs[PACKED_ATTR];
    const packed = (lifted === undefined ? d.text : (packedPages[Number(lifted)] ?? '')).trim();
    // A page never drawn on is saved as an empty <diagram/>.
    const model = plain ?? (packed ? decompress(packed, label) : { name: 'mxGraphModel', local: 'mxGraphModel', attrs: {}, children: [], text: '' });
    return { id, ...(d.attrs.name ? { name: d.attrs.name } : {}), model };
  });
}
