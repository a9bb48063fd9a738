// Which revisions of a map to keep: the last KEEP_LAST saves, plus the newest save of every
// hour of the past week, and all of it within a size cap per map. Pure, so the rules are
// tested with a clock of the test's choosing.

export const KEEP_LAST = 50;
export const HOUR_MS = 60 * 60 * 1000;
export const HOURLY_FOR_MS = 7 * 24 * HOUR_MS;
/** Per map. A 150-node map is ~40 KB of JSON, so this is a few hundred versions of it. */
export const MAX_REVISION_BYTES = 8 * 1024 * 1024;
/** Deleted maps are kept this long. */
export const TRASH_DAYS = 30;
export const TRASH_MS = TRASH_DAYS * 24 * HOUR_MS;

export interface RevisionStamp {
  id: string;
  at: number;
  size: number;
}

export interface PrunePolicy {
  keepLast: number;
  hourlyForMs: number;
  maxBytes: number;
}

export const DEFAULT_POLICY: PrunePolicy = { keepLast: KEEP_LAST, hourlyForMs: HOURLY_FOR_MS, maxBytes: MAX_REVISION_BYTES };

/** The ids of the revisions to delete, given all of one map's revisions. */
export function revisionsToDrop(revisions: readonly RevisionStamp[], now: number, policy: PrunePolicy = DEFAULT_POLICY): string[] {
  const newestFirst = [...revisions].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((r) => r.id));
  const hoursSeen = new Set<number>();
  for (const r of newestFirst) {
    if (r.at < now - policy.hourlyForMs) break;
    const hour = Math.floor(r.at / HOUR_MS);
    if (hoursSeen.has(hour)) continue;
    hoursSeen.add(hour);
    keep.add(r.id);
  }
  // Over the cap: the oldest go first, and the newest is always kept.
  const kept = newestFirst.filter((r) => keep.has(r.id));
  let bytes = kept.reduce((sum, r) => sum + r.size, 0);
  for (let i = kept.length - 1; i > 0 && bytes > policy.maxBytes; i--) {
    keep.delete(kept[i]!.id);
    bytes -= kept[i]!.size;
  }
  return newestFirst.filter((r) => !keep.has(r.id)).map((r) => r.id);
}

export const trashExpired = (deletedAt: number, now: number): boolean => deletedAt < now - TRASH_MS;
