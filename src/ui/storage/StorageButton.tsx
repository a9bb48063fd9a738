import { lazy } from 'react';
import { LazyPart, useOpenedOnce } from '../common/Lazy';
import { openStoragePanel, useStoragePanel } from './storageOpen';

// The top bar's way into the storage panel; the panel is loaded the first time it opens.

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
