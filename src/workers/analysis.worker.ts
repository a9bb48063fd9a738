/// <reference lib="webworker" />
// The findings analysis runs here, off the page's thread, on this worker's own copy of the
// workspace: the page sends it whole once, then only the records each edit changed.
import { analyzeWorkspace } from '../core/analysis';
import { tooLargeToAnalyse } from '../core/analysis/analysisSize';
import { applyPatch } from '../core/commands/workspacePatch';
import type { Workspace } from '../core/model/types';
import type { AnalysisReply, AnalysisRequest } from './analysisProtocol';

let ws: Workspace | null = null;
let latest = 0;
let scheduled = false;

const post = (reply: AnalysisReply) => (self as unknown as Worker).postMessage(reply);

function analyse(): void {
  scheduled = false;
  const seq = latest;
  try {
    const tooLarge = tooLargeToAnalyse(ws!);
    post({ seq, ok: true, findings: tooLarge ? [] : analyzeWorkspace(ws!), tooLarge });
  } catch (err) {
    post({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
}

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const req = e.data;
  try {
    if (req.kind === 'full') ws = req.workspace;
    else if (!ws) throw new Error('The analysis worker was sent a change before a workspace');
    else ws = applyPatch(ws, req.patch);
  } catch (err) {
    post({ seq: req.seq, ok: false, message: err instanceof Error ? err.message : String(err) });
    return;
  }
  latest = req.seq;
  // Edits already queued are applied first: one analysis answers them all.
  if (!scheduled) {
    scheduled = true;
    setTimeout(analyse, 0);
  }
};
