import type { Id, ProcessMap } from '../../core/model/types';

// The compare screen's address: #/compare/<map>/<map>[/<map>/<map>], each part a map id, or
// <map id>@<revision key> for an older version of a map. Revisions are not in the document,
// so they are handed to this module (openVersionCompare, provideRevision) or fetched through
// a loader that the revisions store registers (setRevisionLoader), which lets such a link
// survive a reload.

export const COMPARE_HASH = '#/compare';
export const MAX_COMPARED = 4;

export interface CompareSlot {
  mapId: Id;
  /** Set for an older version of the map; absent for the map as it is now. */
  revision?: string;
}

export function isCompareHash(hash: string): boolean {
  return hash === COMPARE_HASH || hash.startsWith(`${COMPARE_HASH}/`);
}

/** The slots a hash names; malformed parts (bad escapes, empty) are dropped, and at most MAX_COMPARED are kept. */
export function parseCompareHash(hash: string): CompareSlot[] {
  if (!isCompareHash(hash)) return [];
  const slots: CompareSlot[] = [];
  for (const part of hash.slice(COMPARE_HASH.length + 1).split('/')) {
    if (!part) continue;
    const [id, rev, ...rest] = part.split('@');
    try {
      const mapId = decodeURIComponent(id!);
      if (!mapId || rest.length > 0) continue;
      slots.push(rev === undefined ? { mapId } : { mapId, revision: decodeURIComponent(rev) });
    } catch {
      continue;
    }
  }
  return slots.slice(0, MAX_COMPARED);
}

/** encodeURIComponent escapes "/" and "@", so ids and keys holding them still read back whole. */
export function compareHash(slots: readonly (CompareSlot | Id)[]): string {
  const parts = slots.map((s) => {
    const slot = typeof s === 'string' ? { mapId: s } : s;
    return encodeURIComponent(slot.mapId) + (slot.revision !== undefined ? `@${encodeURIComponent(slot.revision)}` : '');
  });
  return parts.length ? `${COMPARE_HASH}/${parts.join('/')}` : COMPARE_HASH;
}

export function openCompare(slots: readonly (CompareSlot | Id)[]): void {
  const target = compareHash(slots);
  if (window.location.hash !== target) window.location.hash = target;
}

// ---- Revisions --------------------------------------------------------------------------

type RevisionLoader = (mapId: Id, revision: string) => Promise<ProcessMap | undefined>;
const revisions = new Map<string, ProcessMap>();
const listeners = new Set<() => void>();
let loader: RevisionLoader | null = null;
const revKey = (mapId: Id, revision: string) => `${mapId}\u0000${revision}`;

/** Keep an older version at hand under `revision`, for #/compare/<id>@<revision>. */
export function provideRevision(map: ProcessMap, revision: string): void {
  revisions.set(revKey(map.id, revision), map);
  for (const fn of listeners) fn();
}

/** How the revisions store hands over a version the screen has not been given (e.g. after a reload). */
export function setRevisionLoader(fn: RevisionLoader | null): void {
  loader = fn;
  for (const fn of listeners) fn();
}

export function getRevision(slot: CompareSlot): ProcessMap | undefined {
  return slot.revision === undefined ? undefined : revisions.get(revKey(slot.mapId, slot.revision));
}

/** Ask the loader for a version not at hand; resolves true when one was found. */
export async function loadRevision(slot: CompareSlot): Promise<boolean> {
  if (slot.revision === undefined || getRevision(slot) || !loader) return false;
  const map = await loader(slot.mapId, slot.revision);
  if (!map || map.id !== slot.mapId) return false;
  provideRevision(map, slot.revision);
  return true;
}

export function subscribeRevisions(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Compare an older version of a map with a later one (by default: the map as it is now).
 * `older` and `current` are ProcessMaps with the same id; the keys name them in the address
 * (by default their updatedAt). The versions view matches elements by id and colours what
 * was added, removed and changed.
 */
export function openVersionCompare(older: ProcessMap, current: ProcessMap, keys: { older?: string; current?: string | null } = {}): void {
  if (older.id !== current.id) throw new Error('openVersionCompare needs two versions of one map (the same map id).');
  const olderKey = keys.older ?? older.updatedAt;
  provideRevision(older, olderKey);
  // null: the current version is the live map in the document, named by its id alone.
  const currentKey = keys.current === undefined ? null : keys.current;
  if (currentKey !== null) provideRevision(current, currentKey);
  openCompare([{ mapId: older.id, revision: olderKey }, currentKey === null ? { mapId: current.id } : { mapId: current.id, revision: currentKey }]);
}
