import type { ImportOutcome } from '../core/importing/importFile';
import type { ImportReply, ImportRequest } from './importProtocol';

// Reads a file in the import worker: progress as it goes, and a way to stop it. A parse cannot
// be interrupted from outside, so "Cancel" terminates the worker, and the next import starts
// a new one. A worker is started when the file picker opens (warmImportWorker), so that its
// script is loaded while the person is still choosing the file.

export interface RunningImport {
  /** The outcome; never rejects. After cancel() it resolves with `null`. */
  outcome: Promise<ImportOutcome | null>;
  cancel(): void;
}

const newWorker = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'lanemap-import' });
let spare: Worker | null = null;

/** Start a worker ahead of the file: called when the file picker opens or a file is dragged in. */
export function warmImportWorker(): void {
  spare ??= newWorker();
}

export function importInWorker(file: { name: string; bytes: Uint8Array }, now: string, onProgress: (step: string) => void): RunningImport {
  const worker = spare ?? newWorker();
  spare = null;
  let settle: (o: ImportOutcome | null) => void = () => {};
  const outcome = new Promise<ImportOutcome | null>((resolve) => (settle = resolve));
  const finish = (o: ImportOutcome | null) => {
    worker.terminate();
    settle(o);
    settle = () => {};
  };
  worker.onmessage = (e: MessageEvent<ImportReply>) => {
    if (e.data.kind === 'progress') onProgress(e.data.step);
    else finish(e.data.outcome);
  };
  // The worker died (out of memory, say): the file was not read, and the page is fine.
  worker.onerror = (e) => {
    e.preventDefault();
    finish({ ok: false, format: null, errors: [{ path: '(file)', message: `“${file.name}” could not be read: the import stopped (${e.message || 'the browser ended it, perhaps for lack of memory'}). Nothing was changed.` }], unexpected: true });
  };
  const request: ImportRequest = { name: file.name, bytes: file.bytes, now };
  worker.postMessage(request, [file.bytes.buffer]);
  return { outcome, cancel: () => finish(null) };
}
