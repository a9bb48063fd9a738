import { onStartMoment } from './startMarks';

// Work that must not compete with the start: it waits until the first map is drawn and the page
// is idle. On a first visit the service worker's install fetched and stored the whole app (about
// 3.5 MB, the layout worker's ELK included) while the demo was being written and drawn; deferred
// this way, cold starts of the production build took about 250 ms less (medians of 6: 1,294
// against 1,066 ms, and 1,746 against 1,469 ms in a more loaded round).

/** When the start opens no map (the map list, the recovery screen): this long after the page's load. */
export const NO_MAP_WAIT_MS = 3000;
/** Longest wait for an idle moment once the map is drawn. */
const IDLE_WAIT_MS = 2000;

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
  else setTimeout(run, 0);
}

/**
 * Run `task` once, after the start: two frames after the canvas first renders a map (React Flow
 * has measured and shown its steps by then) and the page is idle; or NO_MAP_WAIT_MS after the
 * page's load, whichever comes first.
 */
export function afterStart(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  onStartMoment('canvas-rendered', () => requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(run))));
  const fallback = () => setTimeout(run, NO_MAP_WAIT_MS);
  if (document.readyState === 'complete') fallback();
  else window.addEventListener('load', fallback, { once: true });
}
