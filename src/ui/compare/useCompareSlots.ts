import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ProcessMap } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { type CompareSlot, getRevision, loadRevision, parseCompareHash, subscribeRevisions } from './compareRoute';

// The slots the address names and the maps behind them: the document's map for a plain id,
// a version handed over or loaded for <id>@<revision>.

const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
let revisionsSeen = 0;
const subscribeRev = (cb: () => void) => subscribeRevisions(() => {
  revisionsSeen++;
  cb();
});

export function useCompareSlots(): { slots: CompareSlot[]; maps: (ProcessMap | undefined)[] } {
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  const revisions = useSyncExternalStore(subscribeRev, () => revisionsSeen);
  const slots = useMemo(() => parseCompareHash(hash), [hash]);
  const docMaps = useDocument((s) => s.workspace?.maps);
  const maps = useMemo(
    () => slots.map((s) => (s.revision === undefined ? docMaps?.find((m) => m.id === s.mapId) : getRevision(s))),
    // `revisions` changes when a version is handed over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slots, docMaps, revisions],
  );
  useEffect(() => {
    for (const s of slots) if (s.revision !== undefined && !getRevision(s)) void loadRevision(s);
  }, [slots]);
  return { slots, maps };
}
