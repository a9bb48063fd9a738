import { useEffect, useState } from 'react';
import { useModalDialog } from '../common/useModalDialog';
import { closeStoragePanel, useStoragePanel } from './storageOpen';
import { useAppStatus } from '../../state/appStatusStore';
import { formatWhen } from '../history/formatWhen';
import { downloadBackup } from '../io/workspaceFile';
import { useBackup } from './backupStore';
import { DamagedRecordsButton } from './DamagedRecordsButton';
import { askToKeepData, formatBytes, readStorageInfo, type StorageInfo } from './storageInfo';
import './storage.css';
import { count } from '../../core/model/vocabulary';

// Where the maps are kept and how safe they are there: persistent or not, space used and
// left, offline readiness, and the last backup, with "Download backup" at hand.

/** Loaded on first use by StorageButton, and kept. */
export function StoragePanel() {
  const open = useStoragePanel((s) => s.open);
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog storage-dialog" aria-labelledby="storage-title" onClose={closeStoragePanel}>
      {open && <StorageBody />}
    </dialog>
  );
}

function StorageBody() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [asking, setAsking] = useState(false);
  const unavailable = useAppStatus((s) => s.storageUnavailable);
  const { lastBackupAt, lastBackupFile, editsSinceBackup } = useBackup();
  const refresh = () => void readStorageInfo().then(setInfo);
  useEffect(() => {
    refresh();
    // While the app is still being stored for offline use, say so again once it is.
    void navigator.serviceWorker?.ready.then(refresh);
  }, []);

  const ask = async () => {
    setAsking(true);
    await askToKeepData();
    setAsking(false);
    refresh();
  };

  return (
    <>
      <h2 id="storage-title">Storage and backups</h2>
      {unavailable && (
        <p className="storage-warning" role="alert">
          Browser storage could not be opened ({unavailable}): nothing is kept after you close this tab. Download a backup to keep your work.
        </p>
      )}
      <dl className="storage-facts">
        <dt>Kept by the browser</dt>
        <dd>
          {info === null ? 'Checking…' : <Persistence persisted={info.persisted} asked={info.asked} />}
          {info?.persisted === false && !unavailable && (
            <button type="button" className="storage-inline-button" onClick={() => void ask()} disabled={asking}>
              Ask the browser to keep it
            </button>
          )}
        </dd>
        <dt>Space</dt>
        <dd>{info === null ? 'Checking…' : <Space usage={info.usage} quota={info.quota} />}</dd>
        <dt>Offline</dt>
        <dd>{info === null ? 'Checking…' : OFFLINE_TEXT[info.offline]}</dd>
        <dt>Last backup</dt>
        <dd>
          {lastBackupAt === null ? (
            'No backup downloaded in this browser yet.'
          ) : (
            <>
              <span>{capitalised(formatWhen(lastBackupAt))}</span>
              {lastBackupFile && <span className="storage-file">{lastBackupFile}</span>}
            </>
          )}
          <span className="storage-edits">{editsSinceBackup === 0 ? 'No changes since.' : `${count(editsSinceBackup, 'change')} since.`}</span>
        </dd>
      </dl>
      <p className="hint">A backup is one file with every map and the catalogue. “Import” reads it back, in this browser or another.</p>
      <DamagedRecordsButton always onOpen={closeStoragePanel} />
      <div className="dialog-actions">
        <button type="button" onClick={closeStoragePanel}>Close</button>
        <button type="button" className="primary" onClick={() => downloadBackup()}>Download backup</button>
      </div>
    </>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Persistence({ persisted, asked }: Pick<StorageInfo, 'persisted' | 'asked'>) {
  if (persisted === null) return <>This browser does not say whether it may clear your maps. Download backups regularly.</>;
  if (persisted) return <><strong>Persistent.</strong> The browser will not clear your maps to free disk space.</>;
  return (
    <>
      <strong>Not persistent.</strong> The browser may clear your maps if the disk runs low. Download backups regularly.
      {asked && !asked.granted && <> Lanemap asked {formatWhen(asked.at)}; the browser did not grant it.</>}
    </>
  );
}

function Space({ usage, quota }: { usage: number | null; quota: number | null }) {
  if (usage === null || quota === null) return <>This browser does not say how much space is used.</>;
  return (
    <>
      {formatBytes(usage)} used, about {formatBytes(Math.max(0, quota - usage))} available.
    </>
  );
}

const OFFLINE_TEXT: Record<StorageInfo['offline'], string> = {
  ready: 'Ready: Lanemap opens and works with no network.',
  installing: 'Getting ready: keep this tab open for a moment.',
  unavailable: 'Not available here: Lanemap needs the network to open.',
  'needs-https': 'Not available on this address: installing Lanemap for use with no network needs a secure (https) address. Everything else works, and your maps are kept in this browser.',
};
