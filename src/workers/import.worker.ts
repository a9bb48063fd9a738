/// <reference lib="webworker" />
// Every import is read here, off the page's thread: a huge or hostile file can take seconds
// (or be built to take forever), and the page must stay usable meanwhile. "Cancel" terminates
// this worker; each import has a fresh one.
import { importFile } from '../core/importing/importFile';
import type { ImportReply, ImportRequest } from './importProtocol';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { name, bytes, now } = e.data;
  const outcome = await importFile({ name, bytes }, now, { progress: (step) => post({ kind: 'progress', step }) });
  post({ kind: 'done', outcome });
};
