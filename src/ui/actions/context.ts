import { useMemo } from 'react';
import type { History } from '../../core/commands';
import type { Id } from '../../core/model/types';
import { getMap, useDocument } from '../../state/documentStore';
import { isReadOnlyHere, useLocks } from '../../state/lockStore';
import { useLayoutState } from '../../state/layoutStore';
import { type Selection, useUi } from '../../state/uiStore';
import { currentScreen, type Screen, useScreen } from '../shell/useHashRoute';
import type { ActionContext, KeyLike } from './types';

// The context an action is asked about: read from the stores when a key is pressed or a
// button clicked, or kept live for the toolbar, which greys out what cannot be done.

interface Parts {
  screen: Screen;
  openMapId: Id | null;
  /** The open map is in the loaded workspace. */
  mapLoaded: boolean;
  selection: Selection;
  history: History;
  readOnly: (mapId: Id) => boolean;
  layoutRunning: boolean;
}

function contextOf(p: Parts, event?: KeyLike): ActionContext {
  const mapId = p.screen === 'map' && p.mapLoaded ? p.openMapId : null;
  return { screen: p.screen, mapId, selection: p.selection, history: p.history, readOnly: !!mapId && p.readOnly(mapId), layoutRunning: p.layoutRunning, event };
}

/** The context now: for the keyboard and for running an action from a click. */
export function actionContext(event?: KeyLike): ActionContext {
  const ui = useUi.getState();
  const doc = useDocument.getState();
  const mapLoaded = doc.ready && !!getMap(ui.openMapId);
  return contextOf(
    { screen: currentScreen(), openMapId: ui.openMapId, mapLoaded, selection: ui.selection, history: doc.history, readOnly: isReadOnlyHere, layoutRunning: !!useLayoutState.getState().running },
    event,
  );
}

/** The context as it changes, for components that show actions (enabled or not, their tooltips). */
export function useActionContext(): ActionContext {
  const screen = useScreen();
  const openMapId = useUi((s) => s.openMapId);
  const selection = useUi((s) => s.selection);
  const mapLoaded = useDocument((s) => s.ready && !!s.workspace?.maps.some((m) => m.id === openMapId));
  const history = useDocument((s) => s.history);
  const locks = useLocks();
  const layoutRunning = useLayoutState((s) => !!s.running);
  return useMemo(
    () => contextOf({ screen, openMapId, mapLoaded, selection, history, readOnly: isReadOnlyHere, layoutRunning }),
    // The locks are read through isReadOnlyHere; listed so a change of lock gives a new context.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [screen, openMapId, mapLoaded, selection, history, locks, layoutRunning],
  );
}
