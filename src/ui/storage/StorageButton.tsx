import { lazy } from 'react';
import { create } from 'zustand';
import { LazyPart, useOpenedOnce } from '../common/Lazy';

// The top bar's way into the storage panel; the panel is loaded the first time it opens.

export const useStoragePanel = create<{ open: boolean }>(() => ({ open: false }));
export const openStoragePanel = () => useStoragePanel.setState({ open: true });
export const closeStoragePanel = () => useStoragePanel.setState({ open: false });

const StoragePanel = lazy(() => import('./StoragePanel').then((m) => ({ default: m.StoragePanel })));

export function StorageButton() {
  const loaded = useOpenedOnce(useStoragePanel((s) => s.open));
  return (
    <>
      <button type="button" onClick={openStoragePanel} title="Where your maps are kept, space used, and backups">
        Storage
      </button>
      {loaded && (
        <LazyPart what="the storage panel" over>
          <StoragePanel />
        </LazyPart>
      )}
    </>
  );
}
