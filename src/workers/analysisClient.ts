import type { Finding } from '../core/analysis/types';
import { slimPatchBetween } from '../core/commands/workspacePatch';
import type { Workspace } from '../core/model/types';
import type { AnalysisReply, AnalysisRequest } from './analysisProtocol';

// The page's side of the analysis worker. It remembers the workspace the worker's copy was
// made from and sends only the difference; each request has a number, and only the answer to
// the newest one is passed on, so a slow answer never overwrites a newer one.

export interface AnalysisResult {
  findings: Finding[];
  tooLarge: string | null;
}

export interface AnalysisWorker {
  /** Have the workspace analysed; the answer comes through `onResult` unless a newer request overtakes it. */
  analyse(ws: Workspace): void;
  terminate(): void;
}

/** How long the page spent working out and posting the last requests (structured clone included), in ms. */
export const POST_MEASURE = 'lanemap:analysis-post';

/** Throws when the browser cannot start a worker; `onFailure` when it fails later (script not loaded, an exception). */
export function startAnalysisWorker(onResult: (r: AnalysisResult) => void, onFailure: (reason: string) => void): AnalysisWorker {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'lanemap-analysis' });
  let mirrored: Workspace | null = null;
  let seq = 0;
  let failed = false;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    worker.terminate();
    onFailure(reason);
  };
  worker.onmessage = (e: MessageEvent<AnalysisReply>) => {
    const reply = e.data;
    if (!reply.ok) return fail(reply.message);
    if (reply.seq === seq) onResult({ findings: reply.findings, tooLarge: reply.tooLarge });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail(e.message || 'the analysis worker could not be started');
  };
  worker.onmessageerror = () => fail('a message to the analysis worker could not be read');
  return {
    analyse(ws) {
      if (failed) return;
      const t0 = performance.now();
      const patch = mirrored ? slimPatchBetween(mirrored, ws) : null;
      const request: AnalysisRequest = patch ? { seq: ++seq, kind: 'patch', patch } : { seq: ++seq, kind: 'full', workspace: ws };
      try {
        worker.postMessage(request);
      } catch (err) {
        return fail(err instanceof Error ? err.message : String(err));
      }
      mirrored = ws;
      if (performance.getEntriesByName(POST_MEASURE).length >= 100) performance.clearMeasures(POST_MEASURE);
      performance.measure(POST_MEASURE, { start: t0, detail: request.kind });
    },
    terminate() {
      failed = true;
      worker.terminate();
    },
  };
}
