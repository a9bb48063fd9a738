import { create } from 'zustand';

// Which side panels are folded away (the map list, the inspector and findings), remembered in
// this browser: a laptop at 1366 px wants room for the canvas every time, not once.

const KEY = 'lanemap.panels';

interface Panels {
  mapsHidden: boolean;
  sideHidden: boolean;
}

function load(): Panels {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as Partial<Panels>;
    return { mapsHidden: v.mapsHidden === true, sideHidden: v.sideHidden === true };
  } catch {
    // Blocked or garbled storage: every panel shown.
    return { mapsHidden: false, sideHidden: false };
  }
}

export const usePanels = create<Panels>(() => load());

export function setPanel(which: keyof Panels, hidden: boolean): void {
  usePanels.setState({ [which]: hidden });
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(usePanels.getState()));
  } catch {
    // Not remembered after a reload; the panel still folds now.
  }
}
