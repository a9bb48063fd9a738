// The moments of a start that say where its time goes, as User Timing marks (DevTools shows
// them, and bench:editor reads them): the app's code has run, a workspace is in the document,
// React Flow has been rendered with the map. Each is marked once per page load, at its first
// occurrence; the step drawn on screen comes after, once React Flow has measured the steps.
// Work that must wait for a moment asks to be called then (onStartMoment; see afterStart.ts).

export const START_MOMENTS = ['code-run', 'workspace-ready', 'canvas-rendered'] as const;
export type StartMoment = (typeof START_MOMENTS)[number];

export const startMarkName = (moment: StartMoment): string => `lanemap:${moment}`;

const waiting = new Map<StartMoment, (() => void)[]>();
const marked = (moment: StartMoment) => performance.getEntriesByName(startMarkName(moment), 'mark').length > 0;

export function markStart(moment: StartMoment): void {
  if (marked(moment)) return;
  performance.mark(startMarkName(moment));
  const due = waiting.get(moment) ?? [];
  waiting.delete(moment);
  for (const fn of due) fn();
}

/** Call `fn` once `moment` is marked: now if it has been already. */
export function onStartMoment(moment: StartMoment, fn: () => void): void {
  if (marked(moment)) fn();
  else waiting.set(moment, [...(waiting.get(moment) ?? []), fn]);
}
