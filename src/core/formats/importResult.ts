import type { Workspace } from '../model/types';

/** What every importer gives back: a workspace of the maps it read, and what it had to skip. */
export interface ImportResult {
  workspace: Workspace;
  /** Plain-English notes on what was not brought in or was guessed ("2 groups ignored"). */
  warnings: string[];
}

/** What every reader is given: the file's name (for messages and map names), the time, and where to say how far it got. */
export interface ReaderOptions {
  fileName: string;
  now: string;
  progress?: (step: string) => void;
}

/** The file could not be read at all; the message says why, and nothing is added. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Larger files are refused before parsing: no workshop map comes near it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function checkSize(bytes: number, fileName: string): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw new ImportError(`“${fileName}” is ${mb} MB; Lanemap imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split the file, or export fewer pages from the other tool.`);
  }
}

/** FNV-1a over (a sample of) the text, in base 36. */
function fnv(text: string, step = 1): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += step) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h ^ text.length) >>> 0).toString(36);
}

/** A source id kept as it is up to this length; a longer one is shortened and made unique by a hash. */
const MAX_SOURCE_ID = 120;

/**
 * Ids for records read from another tool: the source's own id behind a prefix drawn from the
 * file's content, so the same file gives the same ids (tests, CLI) and two files never clash.
 * Two source ids never share an id ("a b" and "a_b" would after cleaning), and none is longer
 * than a bundle allows, however long the file's own.
 */
export function importIds(kind: string, content: string): (sourceId: string) => string {
  const prefix = `${kind}${fnv(content, Math.max(1, Math.floor(content.length / 4096)))}`;
  const given = new Map<string, string>();
  const taken = new Set<string>();
  return (sourceId) => {
    const known = given.get(sourceId);
    if (known) return known;
    let clean = sourceId.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (clean.length > MAX_SOURCE_ID) clean = `${clean.slice(0, 40)}~${fnv(sourceId)}`;
    let id = `${prefix}-${clean}`;
    for (let k = 2; taken.has(id); k++) id = `${prefix}-${clean}~${k}`;
    given.set(sourceId, id);
    taken.add(id);
    return id;
  };
}
