import { ImportError } from './importResult';
import { formatCount, ZIP_LIMITS } from './importLimits';
import { inflateCapped } from './inflate';

// A zip read the careful way, for files a stranger sent. The central directory at the end is
// read first; every entry's bytes must lie inside the file, apart from every other entry's
// (overlapping entries are how a small zip unpacks to gigabytes), under a name no other entry
// has. Only the parts asked for are unpacked, each counted as it inflates against its claimed
// size, a per-part cap, a running total and a packing ratio: a lying zip is refused after a
// few megabytes of work. Zip64, encryption and methods other than stored and deflate are
// refused: no Office file needs them.

export type ZipLimits = typeof ZIP_LIMITS;

/** How the messages name the file and what to do about a damaged one. */
export interface ZipKind {
  /** ".vsdx file" */
  what: string;
  /** "Save it again from Visio as a Visio Drawing (.vsdx)." */
  remedy: string;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  packed: number;
  size: number;
  /** Where its local header starts, and where its data starts and ends. */
  header: number;
  start: number;
  end: number;
}

const SIG_END = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round(n / MB)} MB`;

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16 = (at: number) => this.view.getUint16(at, true);
  u32 = (at: number) => this.view.getUint32(at, true);
  text(at: number, length: number, utf8: boolean): string {
    const slice = this.bytes.subarray(at, at + length);
    return new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(slice);
  }
}

/** The end-of-directory record: the last one in the file (a comment may follow it). */
function findEnd(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) if (r.u32(at) === SIG_END) return at;
  return -1;
}

export class ZipArchive {
  private constructor(
    private readonly r: Reader,
    private readonly entries: Map<string, Entry>,
    private readonly fileName: string,
    private readonly kind: ZipKind,
    private readonly limits: ZipLimits,
  ) {}

  /** Reads the directory and checks it; nothing is unpacked yet. Throws ImportError. */
  static open(bytes: Uint8Array, fileName: string, kind: ZipKind, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
    const r = new Reader(bytes);
    const damaged = (why: string) => new ImportError(`“${fileName}” is not a readable ${kind.what}: ${why}. ${kind.remedy}`);
    const zip64 = () => new ImportError(`“${fileName}” uses the zip format for files over 4 GB (Zip64), which no drawing needs. ${kind.remedy}`);
    const end = bytes.length >= 22 ? findEnd(r) : -1;
    if (end < 0) throw damaged('its table of contents is missing, so the file is damaged or cut short');
    const count = r.u16(end + 10);
    const dirSize = r.u32(end + 12);
    const dirStart = r.u32(end + 16);
    if (count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) throw zip64();
    if (count > limits.entries) throw new ImportError(`“${fileName}” holds ${formatCount(count)} files; Lanemap reads archives of up to ${formatCount(limits.entries)}.`);
    if (dirStart + dirSize > end) throw damaged('its table of contents points past the end of the file, so it is damaged or cut short');

    const entries = new Map<string, Entry>();
    const spans: Entry[] = [];
    let at = dirStart;
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || r.u32(at) !== SIG_CENTRAL) throw damaged('its table of contents is damaged');
      const flags = r.u16(at + 8);
      const nameLength = r.u16(at + 28);
      const name = r.text(at + 46, nameLength, (flags & 0x800) !== 0);
      const e: Entry = { name, flags, method: r.u16(at + 10), packed: r.u32(at + 20), size: r.u32(at + 24), header: r.u32(at + 42), start: 0, end: 0 };
      if (e.packed === 0xffffffff || e.size === 0xffffffff || e.header === 0xffffffff) throw zip64();
      at += 46 + nameLength + r.u16(at + 30) + r.u16(at + 32);
      // Office names parts case-insensitively: "Page1.xml" and "page1.xml" are one part.
      const key = name.toLowerCase();
      if (entries.has(key)) throw new ImportError(`“${fileName}” lists “${name}” twice. A zip made by Visio never does; this file was altered, so it is not read.`);
      if (e.header + 30 > dirStart || r.u32(e.header) !== SIG_LOCAL) throw damaged(`the part “${name}” is not where the table of contents says`);
      e.start = e.header + 30 + r.u16(e.header + 26) + r.u16(e.header + 28);
      e.end = e.start + e.packed;
      if (e.end > dirStart) throw damaged(`the part “${name}” runs past the end of the data`);
      entries.set(key, e);
      spans.push(e);
    }
    spans.sort((a, b) => a.header - b.header);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.header < spans[i - 1]!.end) {
        throw new ImportError(`“${fileName}” is built to unpack far larger than it is: its parts “${spans[i - 1]!.name}” and “${spans[i]!.name}” share the same bytes (a “zip bomb”). It is not read.`);
      }
    }
    return new ZipArchive(r, entries, fileName, kind, limits);
  }

  /** The names of the parts, as listed. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /**
   * Unpacks the parts whose names pass `wanted`, all under one running total. Throws
   * ImportError when a part is encrypted, packed in an unknown way, damaged, or unpacks to
   * more than it claims or than the limits allow.
   */
  extract(wanted: (name: string) => boolean): Map<string, Uint8Array> {
    const { fileName, kind, limits } = this;
    const out = new Map<string, Uint8Array>();
    let total = 0;
    for (const e of this.entries.values()) {
      if (!wanted(e.name)) continue;
      if (e.flags & 1) throw new ImportError(`“${fileName}” is protected with a password (its part “${e.name}” is encrypted). Save an unprotected copy, then import that.`);
      if (e.method !== 0 && e.method !== 8) throw new ImportError(`“${fileName}” packs “${e.name}” in a way Lanemap does not read (method ${e.method}). ${kind.remedy}`);
      const room = Math.min(limits.entryBytes, limits.totalBytes - total);
      if (e.size > room) throw this.tooLarge(e, total + e.size > limits.totalBytes);
      const data = this.r.bytes.subarray(e.start, e.end);
      let body: Uint8Array;
      if (e.method === 0) body = data;
      else {
        try {
          body = inflateCapped(data, {
            // One byte past the claim is enough to know the claim was false.
            maxBytes: e.size,
            over: () => new ImportError(`“${fileName}” lies about its contents: the part “${e.name}” claims ${formatCount(e.size)} bytes but unpacks to more. It is not read.`),
            ratio: {
              max: limits.ratio,
              floorBytes: limits.ratioFloorBytes,
              packed: () => new ImportError(`“${fileName}” is built to unpack far larger than it is: the part “${e.name}” grows more than ${limits.ratio} times (a “zip bomb”). It is not read.`),
            },
          });
        } catch (err) {
          if (err instanceof ImportError) throw err;
          throw new ImportError(`“${fileName}” is damaged: the part “${e.name}” cannot be unpacked (${err instanceof Error ? err.message : String(err)}). ${kind.remedy}`);
        }
      }
      if (body.length !== e.size) throw new ImportError(`“${fileName}” is damaged or cut short: the part “${e.name}” claims ${formatCount(e.size)} bytes and holds ${formatCount(body.length)}. ${kind.remedy}`);
      total += body.length;
      out.set(e.name, body);
    }
    return out;
  }

  private tooLarge(e: Entry, overall: boolean): ImportError {
    const { fileName, limits } = this;
    return overall
      ? new ImportError(`“${fileName}” unpacks to more than ${mb(limits.totalBytes)} of drawing; Lanemap reads up to ${mb(limits.totalBytes)}. Split it into smaller files.`)
      : new ImportError(`“${fileName}” has a part (“${e.name}”) of ${mb(e.size)} once unpacked; Lanemap reads parts of up to ${mb(limits.entryBytes)}. Split the drawing into smaller pages.`);
  }
}
