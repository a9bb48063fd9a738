// The one way for the rest of the app (the update prompt, the save-failure alert, "Try again")
// to write every pending edit now. Bootstrap registers the repository's flush once storage has
// opened; before that, or when storage never opens, there is nothing to write.

let flush: (() => Promise<void>) | null = null;

export function setFlush(fn: (() => Promise<void>) | null): void {
  flush = fn;
}

/** Write every pending edit now. Resolves at once when storage never opened. */
export function flushEdits(): Promise<void> {
  return flush ? flush() : Promise.resolve();
}
