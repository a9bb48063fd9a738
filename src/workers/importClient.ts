import type { ImportOutcome } from '../core/importing/importFile';
import type { ImportReply, ImportRequest } from './importProtocol';

// Reads a file in the import worker: progress as it goes, and a way to stop it. A parse cannot
// be interrupted from outside, so "Cancel" terminates the worker, and the next import starts
// a new one.

export interface RunningImport {
  /** The outcome; never rejects. After cancel() it resolves with `null`. */
  outcome: Promise<ImportOutcome | null>;
  cancel(): void;
}

export function importInWorker(file: { name: string; bytes: Uint8Array }, now: string, onProgress: (step: string) => void): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'lanemap-import' });
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
