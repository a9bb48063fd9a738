import { onStartMoment } from './startMarks';

// Work that must not compete with the start: it waits until the first map is drawn and the page
// is idle. On a first visit the service worker's install fetched and stored the whole app (38
// files, 3.4 MB, the layout worker's ELK included) while the demo was being written and drawn.
// Deferred this way, cold starts of the production build took about 250 ms less (medians of 6:
// 1,294 against 1,066 ms, and 1,746 against 1,469 ms in a more loaded round).

/**
 * The latest it waits, after the page's load: a start that opens no map (the catalogue, the
 * recovery screen) draws none. Long enough that a slow start of a big workspace is not competed
 * with either (a first map is drawn about 0.5 s after the load here).
 */
const LATEST_MS = 10_000;
/** Longest wait for an idle moment once the map is drawn. */
const IDLE_WAIT_MS = 2000;

/** After the next frame is drawn, at the first idle moment, waiting at most `timeoutMs` for one (at once where there is no idle callback, as in Safari). */
export function whenIdle(run: () => void, timeoutMs: number): void {
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
    else setTimeout(run, 0);
  });
}

/**
 * Run `task` once, after the start: two frames after the canvas first renders a map (React Flow
 * has measured and shown its steps by then) and the page is idle; or LATEST_MS after the page's
 * load, whichever comes first.
 */
export function afterStart(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  onStartMoment('canvas-rendered', () => requestAnimationFrame(() => whenIdle(run, IDLE_WAIT_MS)));
  const fallback = () => setTimeout(run, LATEST_MS);
  if (document.readyState === 'complete') fallback();
  else window.addEventListener('load', fallback, { once: true });
}
