import type { Workspace } from '../model/types';

/** What every importer gives back: a workspace of the maps it read, and what it had to skip. */
export interface ImportResult {
  workspace: Workspace;
  /** Plain-English notes on what was not brought in or was guessed ("2 groups ignored"). */
  warnings: string[];
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

/**
 * Ids for records read from another tool: the source's own id behind a prefix drawn from the
 * file's content, so the same file gives the same ids (tests, CLI) and two files never clash.
 */
export function importIds(kind: string, content: string): (sourceId: string) => string {
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i += Math.max(1, Math.floor(content.length / 4096))) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const prefix = `${kind}${((h ^ content.length) >>> 0).toString(36)}`;
  return (sourceId) => `${prefix}-${sourceId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}
