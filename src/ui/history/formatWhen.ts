// When a version was saved or a map deleted, as people say it: "today at 14:32:05".

const DAY_MS = 24 * 60 * 60 * 1000;
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

export function formatWhen(at: number, now = Date.now()): string {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS);
  if (days === 0) return `today at ${time.format(at)}`;
  if (days === 1) return `yesterday at ${shortTime.format(at)}`;
  const d = new Date(at).getFullYear() === new Date(now).getFullYear() ? date.format(at) : dateWithYear.format(at);
  return `on ${d} at ${shortTime.format(at)}`;
}

/** A day only: "3 Dec 2026", for "kept until". */
export const formatDay = (at: number): string => dateWithYear.format(at);
