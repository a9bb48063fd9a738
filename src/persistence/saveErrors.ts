// Turning the browser's storage errors into something a user can act on.

/** Look through Dexie's wrappers (AbortError.inner, BulkError.failures) for the browser's own error. */
function causes(e: unknown, depth = 0): { name: string; message: string }[] {
  if (typeof e !== 'object' || e === null || depth > 4) return [];
  const err = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = { name: String(err.name ?? ''), message: String(err.message ?? '') };
  const nested = [err.inner, err.cause, ...(Array.isArray(err.failures) ? err.failures : [])];
  return [own, ...nested.flatMap((n) => causes(n, depth + 1))];
}

/** A reason a user can act on, for the save indicator. */
export function describeSaveError(e: unknown): string {
  const all = causes(e);
  const kept = 'Your changes are kept in this tab and will be saved on the next try; download a backup to be safe.';
  if (all.some((c) => c.name === 'QuotaExceededError' || /quota/i.test(c.message))) {
    return `Not saved: the disk or the browser's storage for this site is full. Free some space, then keep editing. ${kept}`;
  }
  if (all.some((c) => c.name === 'DatabaseClosedError' || c.name === 'InvalidStateError')) {
    return `Not saved: the browser closed this site's storage (site data may have been cleared). ${kept}`;
  }
  const detail = all.find((c) => c.message)?.message ?? (all[0]?.name || String(e));
  return `Not saved: ${detail}. ${kept}`;
}

/**
 * The save was cut short by the database closing under it (site data cleared: the browser aborts
 * what is running, then closes the connection) rather than refused (a full disk is a quota error).
 * Dexie's "committed too early" belongs here too: it follows a reopening.
 */
export function cutShortByClose(e: unknown): boolean {
  const all = causes(e);
  if (all.some((c) => c.name === 'QuotaExceededError' || /quota/i.test(c.message))) return false;
  return all.some((c) => ['AbortError', 'InvalidStateError', 'DatabaseClosedError', 'PrematureCommitError'].includes(c.name));
}

/** How many edits a failed save leaves waiting, in words, for the save indicator. */
export function waitingText(edits: number): string {
  if (edits <= 0) return 'Lanemap keeps trying to save.';
  return `${edits} ${edits === 1 ? 'edit is' : 'edits are'} waiting; Lanemap keeps trying to save.`;
}
