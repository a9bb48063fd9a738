import type { ImportOutcome } from '../core/importing/importFile';

/** The file to read; its bytes are moved to the worker, not copied. */
export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  now: string;
}

/** Progress lines while it reads, then the outcome. */
export type ImportReply = { kind: 'progress'; step: string } | { kind: 'done'; outcome: ImportOutcome };
