// The moments of a start that say where its time goes, as User Timing marks (DevTools shows
// them, and bench:editor reads them): the app's code has run, a workspace is in the document,
// React Flow has been rendered with the map. Each is marked once per page load, at its first
// occurrence; the step drawn on screen comes after, once React Flow has measured the steps.

export const START_MOMENTS = ['code-run', 'workspace-ready', 'canvas-rendered'] as const;
export type StartMoment = (typeof START_MOMENTS)[number];

export const startMarkName = (moment: StartMoment): string => `lanemap:${moment}`;

export function markStart(moment: StartMoment): void {
  const name = startMarkName(moment);
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
