// The moments of a start that say where its time goes, as User Timing marks (DevTools shows
// them, and bench:editor reads them): the app's code has run, a workspace is in the document,
// React Flow has been rendered with the map. Each is marked once per page load, at its first
// occurrence; the step drawn on screen comes after, once React Flow has measured the steps.

export const START_MOMENTS = ['code-run', 'workspace-ready', 'canvas-rendered'] as const;
export type StartMoment = (typeof START_MOMENTS)[number];

export const startMarkName = (moment: StartMoment): string => `lanemap:${moment}`;

const waiting = new Map<StartMoment, (() => void)[]>();

export function markStart(moment: StartMoment): void {
  const name = startMarkName(moment);
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
  const due = waiting.get(moment) ?? [];
  waiting.delete(moment);
  for (const fn of due) fn();
}

/** Call `fn` once `moment` is marked: now if it has been already. */
export function onStartMoment(moment: StartMoment, fn: () => void): void {
  if (performance.getEntriesByName(startMarkName(moment), 'mark').length > 0) fn();
  else waiting.set(moment, [...(waiting.get(moment) ?? []), fn]);
}
