import { ImportError } from '../../formats/importResult';
import { childrenNamed, parseXml, XmlError, type XmlElement } from '../../formats/xml';
import { ZipArchive } from '../../formats/zipArchive';

// A .vsdx file is an Open Packaging zip: visio/document.xml, visio/pages/pages.xml listing the
// pages (page1.xml…), visio/masters/masters.xml listing the masters (master1.xml…), each list
// tied to its files by a _rels/*.rels relationships part. Only the XML parts under visio/ are
// unpacked, by ZipArchive, which refuses zips that lie, overlap or unpack out of all proportion.

export class VsdxPackage {
  private readonly parsed = new Map<string, XmlElement>();

  private constructor(
    private readonly parts: Record<string, Uint8Array>,
    readonly fileName: string,
  ) {}

  static open(bytes: Uint8Array, fileName: string): VsdxPackage {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new ImportError(`“${fileName}” is an older binary Visio file (.vsd). Open it in Visio and save it as a Visio Drawing (.vsdx), then import that.`);
    }
    const zip = ZipArchive.open(bytes, fileName, { what: '.vsdx file', remedy: 'Save it again from Visio as a Visio Drawing (.vsdx).' });
    const parts = Object.fromEntries(zip.extract((name) => name.startsWith('visio/') && /\.(xml|rels)$/i.test(name)));
    if (!Object.keys(parts).some((p) => p.startsWith('visio/'))) {
      throw new ImportError(`“${fileName}” is a zip file but not a Visio drawing: it has no visio/ folder. Save the diagram from Visio as a Visio Drawing (.vsdx).`);
    }
    return new VsdxPackage(parts, fileName);
  }

  has(path: string): boolean {
    return path in this.parts;
  }

  /** The XML root of a part; a damaged part is reported with its name. `check` may refuse its text before it is parsed. */
  xml(path: string, check?: (text: string) => void): XmlElement {
    const done = this.parsed.get(path);
    if (done) return done;
    const data = this.parts[path];
    if (!data) throw new ImportError(`“${this.fileName}” is missing ${path}, which every Visio drawing has. Save it again from Visio as a Visio Drawing (.vsdx).`);
    const text = new TextDecoder().decode(data);
    check?.(text);
    let root: XmlElement;
    try {
      root = parseXml(text);
    } catch (e) {
      if (e instanceof XmlError) throw new ImportError(`“${this.fileName}” is damaged: ${path} is not well-formed XML. ${e.message}`);
      throw e;
    }
    this.parsed.set(path, root);
    return root;
  }

  /** Relationship id → part path, from the .rels part beside `path`. */
  relations(path: string): Map<string, string> {
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    const relsPath = `${dir}_rels/${path.slice(slash + 1)}.rels`;
    const out = new Map<string, string>();
    if (!this.has(relsPath)) return out;
    for (const r of childrenNamed(this.xml(relsPath), 'Relationship')) {
      const target = r.attrs.Target;
      if (r.attrs.Id && target) out.set(r.attrs.Id, resolvePath(dir, target));
    }
    return out;
  }
}

/** A relationship target, relative to its source's folder unless it starts with "/". */
function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
