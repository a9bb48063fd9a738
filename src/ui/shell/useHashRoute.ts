import { useEffect, useSyncExternalStore } from 'react';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { isCompareHash } from '../compare/compareRoute';
import { looksLikeShareHash } from '../../core/sync/shareLink';

// The URL hash names the open map (#/map/<id>) so a reload opens the same map, or the
// catalogue (#/catalogue), the landscape (#/landscape), the requirements (#/requirements) or the compare screen
// (#/compare/<a>/<b>...), which keep the last open map for the way back.

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const getHash = () => window.location.hash;

export const CATALOGUE_HASH = '#/catalogue';
export const LANDSCAPE_HASH = '#/landscape';
export const REQUIREMENTS_HASH = '#/requirements';

export type Screen = 'catalogue' | 'landscape' | 'requirements' | 'compare' | 'map';

function screenOf(hash: string): Screen {
  if (hash === CATALOGUE_HASH) return 'catalogue';
  if (hash === LANDSCAPE_HASH) return 'landscape';
  if (hash === REQUIREMENTS_HASH) return 'requirements';
  return isCompareHash(hash) ? 'compare' : 'map';
}

/** Which screen the main area shows, now (for actions) or as a subscription (for components). */
export const currentScreen = (): Screen => screenOf(getHash());
export function useScreen(): Screen {
  return screenOf(useSyncExternalStore(subscribe, getHash));
}

export function mapHash(id: string): string {
  return `#/map/${encodeURIComponent(id)}`;
}

export function goToMap(id: string | null): void {
  const target = id ? mapHash(id) : '#/';
  if (window.location.hash !== target) window.location.hash = target;
}

/** Keep the UI store's open map in step with the hash; fall back to the first map. */
export function useHashRoute(): void {
  const hash = useSyncExternalStore(subscribe, getHash);
  // The maps' ids, as one string: the route cares which maps exist, not what is in them, so an
  // edit inside a map does not redraw the whole app from here.
  const mapIds = useDocument((s) => s.workspace?.maps.map((m) => m.id).join('\n'));
  const setOpenMap = useUi((s) => s.setOpenMap);
  useEffect(() => {
    const maps = useDocument.getState().workspace?.maps;
    // A share link is the join dialog's to read (and take out of the address bar), not a route.
    if (!maps || looksLikeShareHash(hash)) return;
    const m = /^#\/map\/(.+)$/.exec(hash);
    const offMap = screenOf(hash) !== 'map';
    const wanted = m ? decodeURIComponent(m[1]!) : offMap ? useUi.getState().openMapId : null;
    const exists = wanted && maps.some((x) => x.id === wanted);
    const id = exists ? wanted : (maps[0]?.id ?? null);
    if (useUi.getState().openMapId !== id) setOpenMap(id);
    if (id && !exists && !offMap) window.history.replaceState(null, '', mapHash(id));
  }, [hash, mapIds, setOpenMap]);
}
