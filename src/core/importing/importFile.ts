import type { BundleIssue } from '../schema/bundle';
import { parseBundleText } from '../schema/bundle';
import { checkSize, ImportError, type ImportResult } from '../formats/importResult';
import { fitTexts, MAX_IMPORTED_TEXT } from '../formats/fitText';

// One way in for every file Lanemap reads: a workspace bundle, BPMN 2.0, draw.io or Visio.
// The format is told by content first (people rename files), then by extension. The readers
// for the other tools' formats are loaded only when such a file arrives.

export { FORMAT_LABELS, IMPORT_ACCEPT, type ImportFormat } from './importFormats';
import { FORMAT_LABELS, type ImportFormat } from './importFormats';

/**
 * `unexpected`: the reader itself failed (a bug, not a bad file). The user is told the file was
 * not read either way; tests and logs tell the two apart.
 */
export type ImportOutcome =
  | { ok: true; format: ImportFormat; result: ImportResult }
  | { ok: false; format: ImportFormat | null; errors: BundleIssue[]; unexpected?: true };

export interface ImportOptions {
  /** What the import is doing now, in a few words ("Reading page 2 of 5"), for a progress line. */
  progress?: (step: string) => void;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat | null {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'vsdx';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'bundle';
  if (/<mxfile[\s>]|<mxGraphModel[\s>]/.test(head)) return 'drawio';
  if (head.includes(BPMN_NS) || /<([\w-]+:)?definitions[\s>]/.test(head)) return 'bpmn';
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'bpmn' || ext === 'bpmn2') return 'bpmn';
  if (ext === 'drawio') return 'drawio';
  if (ext === 'json') return 'bundle';
  if (ext === 'vsdx') return 'vsdx';
  return null;
}

/** Text in the encoding the XML declaration names (the MIWG files are ISO-8859-1), else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding this runtime does not know: UTF-8 reads the ASCII part right at least.
    }
  }
  return new TextDecoder().decode(bytes);
}

/** Another tool's file fitted to what a bundle may hold, so every backup of it reads back. */
function fitted(result: ImportResult): ImportResult {
  const cut = fitTexts(result.workspace);
  if (cut > 0) result.warnings.push(`${cut} ${cut === 1 ? 'label or name was' : 'labels or names were'} longer than ${MAX_IMPORTED_TEXT.toLocaleString('en-GB')} characters and cut short.`);
  return result;
}

const failed = (format: ImportFormat | null, message: string) => ({ ok: false as const, format, errors: [{ path: '(file)', message }] });

/** Read any supported file into a workspace; never throws: a file that cannot be read says why. */
export async function importFile(file: { name: string; bytes: Uint8Array }, now: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const format = detectFormat(file.name, file.bytes);
  try {
    checkSize(file.bytes.byteLength, file.name);
    if (!format) {
      return failed(null, `“${file.name}” is not a file Lanemap can read. It imports Lanemap workspace files (.json), BPMN 2.0 (.bpmn), draw.io (.drawio, .xml) and Visio (.vsdx).`);
    }
    const { progress } = options;
    progress?.(`Reading the ${FORMAT_LABELS[format]} file`);
    const opts = { fileName: file.name, now, ...(progress ? { progress } : {}) };
    if (format === 'vsdx') {
      const { importVsdx } = await import('../diagrams/vsdx');
      return { ok: true, format, result: fitted(await importVsdx(file.bytes, opts)) };
    }
    const text = decodeText(file.bytes);
    if (format === 'bundle') {
      const parsed = parseBundleText(text, { now: () => now });
      return parsed.ok ? { ok: true, format, result: { workspace: parsed.workspace, warnings: parsed.warnings } } : { ok: false, format, errors: parsed.errors };
    }
    if (format === 'drawio') {
      const { importDrawio } = await import('../diagrams/drawio');
      return { ok: true, format, result: fitted(importDrawio(text, opts)) };
    }
    const { importBpmn } = await import('../bpmn');
    return { ok: true, format, result: fitted(importBpmn(text, opts)) };
  } catch (e) {
    if (e instanceof ImportError) return failed(format, e.message);
    // A reader's own bug must not take the app down; the user still learns the file was not read.
    return { ...failed(format, `“${file.name}” could not be read as ${format ? FORMAT_LABELS[format] : 'a map'}: ${e instanceof Error ? e.message : String(e)}`), unexpected: true };
  }
}
