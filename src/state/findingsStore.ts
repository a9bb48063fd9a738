import { create } from 'zustand';
import { tooLargeToAnalyse } from '../core/analysis/analysisSize';
import type { Finding } from '../core/analysis/types';
import { keepUnchanged } from '../core/analysis/stableFindings';
import type { Id, Workspace } from '../core/model/types';
import { type AnalysisWorker, startAnalysisWorker } from '../workers/analysisClient';
import { useDocument } from './documentStore';

// The analysis, kept live: re-run shortly after every change to the workspace, never while a
// keystroke is being handled, and in a worker, so that a large workspace's analysis does not
// hold up the page after each edit.

export interface FindingsState {
  findings: Finding[];
  /** Why the workspace is not analysed (far too large), or null. */
  tooLarge: string | null;
  /** Nodes and lanes lit up because the user picked a finding. */
  highlight: { findingId: string; nodeIds: Id[]; laneIds: Id[] } | null;
  setHighlight: (h: FindingsState['highlight']) => void;
  /** The panel lists this map's findings or all of them; kept when a picked finding opens another map. */
  scope: 'map' | 'all';
  setScope: (scope: 'map' | 'all') => void;
  /** By kind and severity, or dearest first by the yearly cost the maps' measures give. */
  order: 'kind' | 'cost';
  setOrder: (order: 'kind' | 'cost') => void;
}

export const useFindings = create<FindingsState>((set) => ({
  findings: [],
  tooLarge: null,
  highlight: null,
  setHighlight: (highlight) => set({ highlight }),
  scope: 'map',
  setScope: (scope) => set({ scope }),
  order: 'kind',
  setOrder: (order) => set({ order }),
}));

const DELAY_MS = 120;
let timer: ReturnType<typeof setTimeout> | undefined;
let analysed: Workspace | null = null;

/** The worker that analyses off the page's thread; null once it could not start or failed. */
let worker: AnalysisWorker | null | undefined;

/** The rules on the page itself, loaded only when the worker cannot run them. */
let rules: Promise<typeof import('../core/analysis')> | null = null;

function run(): void {
  const ws = useDocument.getState().workspace;
  if (!ws || ws === analysed) return;
  analysed = ws;
  const w = analysisWorker();
  if (w) w.analyse(ws);
  else analyseHere(ws);
}

function analysisWorker(): AnalysisWorker | null {
  if (worker !== undefined) return worker;
  try {
    worker = startAnalysisWorker(publish, analyseHereFromNowOn);
  } catch (e) {
    console.warn('Lanemap: the analysis worker could not be started; the findings are worked out on the page instead', e);
    worker = null;
  }
  return worker;
}

/** The worker failed (not cached while offline, an exception): the page analyses, starting with the current workspace. */
function analyseHereFromNowOn(reason: string): void {
  console.warn(`Lanemap: the analysis worker failed (${reason}); the findings are worked out on the page instead`);
  worker = null;
  analysed = null;
  run();
}

function analyseHere(ws: Workspace): void {
  const tooLarge = tooLargeToAnalyse(ws);
  if (tooLarge) {
    publish({ findings: [], tooLarge });
    return;
  }
  rules ??= import('../core/analysis');
  rules.then(
    ({ analyzeWorkspace }) => {
      // A newer workspace came while the rules loaded: its own run sets the findings.
      if (analysed === ws) publish({ findings: analyzeWorkspace(ws), tooLarge: null });
    },
    (e: unknown) => {
      // Not loaded (offline before the app was cached): the next change tries again.
      console.warn('Lanemap: the findings rules could not be loaded', e);
      rules = null;
      if (analysed === ws) analysed = null;
    },
  );
}

/** Show an analysis: unchanged findings keep their objects, and an unchanged list changes nothing (no redraw). */
function publish(result: { findings: readonly Finding[]; tooLarge: string | null }): void {
  const now = useFindings.getState();
  const findings = keepUnchanged(now.findings, result.findings);
  if (findings !== now.findings || result.tooLarge !== now.tooLarge) useFindings.setState({ findings: findings as Finding[], tooLarge: result.tooLarge });
}

/** Start following the document; returns the unsubscribe function. */
export function startLiveAnalysis(): () => void {
  run();
  return useDocument.subscribe((s, prev) => {
    if (s.workspace === prev.workspace) return;
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
}
