// Bootstrap leaves its flush on window (the browser tests wait on it too); this is the one
// typed way to reach it until bootstrap exports a hook.

type FlushWindow = { __lanemapFlush?: () => Promise<void> };

/** Write every pending edit now. Resolves at once when storage never opened: there is nothing to write to. */
export function flushEdits(): Promise<void> {
  const flush = (globalThis as FlushWindow).__lanemapFlush;
  return flush ? flush() : Promise.resolve();
}
