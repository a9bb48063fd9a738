import { useState } from 'react';
import type { Id } from '../../core/model/types';
import { takeOverMap, useLocks } from '../../state/lockStore';
import { useUi } from '../../state/uiStore';
import './history.css';

/** Shown over a map another tab edits: why it is read-only here, and how to edit it here. */
export function ReadOnlyNotice({ mapId }: { mapId: Id }) {
  const taken = useLocks((s) => s.takenFrom === mapId);
  const [busy, setBusy] = useState(false);
  const takeOver = async () => {
    setBusy(true);
    const ok = await takeOverMap(mapId);
    setBusy(false);
    if (!ok) useUi.getState().toast({ tone: 'error', message: 'This tab could not take the map over. Close the other tab, or reload this one.' });
  };
  return (
    <div className="lock-notice" role="status">
      <p>
        {taken
          ? 'Another tab took this map over for editing, so it is read-only here now. '
          : 'This map is open for editing in another tab, so it is read-only here. '}
        Changes saved there show up here.
      </p>
      <button type="button" className="primary" onClick={() => void takeOver()} disabled={busy}>
        Edit here instead
      </button>
    </div>
  );
}
