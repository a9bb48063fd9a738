import { useState } from 'react';
import { useModalDialog } from '../common/useModalDialog';
import { capitalise } from '../../core/model/vocabulary';
import { describeRow } from '../../core/schema/rowWords';
import type { QuarantineRow } from '../../persistence/db';
import { restoreDamaged } from '../../state/damagedRecordActions';
import { formatWhen } from '../history/formatWhen';
import { downloadBlob, safeFileName } from '../io/download';
import { closeDamagedRecords, useDamaged, useDamagedRows } from './damagedRecordsStore';
import './storage.css';

// The "Damaged records" panel: every row set aside when the workspace was loaded, with what
// is wrong in plain words, its raw row to download, and "Try to restore".

export function DamagedRecords() {
  const open = useDamaged((s) => s.open);
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog damaged-dialog" aria-labelledby="damaged-title" onClose={closeDamagedRecords}>
      {open && <DamagedBody />}
    </dialog>
  );
}

function DamagedBody() {
  const rows = useDamagedRows();
  return (
    <>
      <h2 id="damaged-title">Damaged records</h2>
      <p className="hint">
        These records could not be read when the workspace was opened, so they were set aside; everything else opened. They are kept here untouched. Download one to look at it or to
        send it for help, or try to restore it (after updating Lanemap, for instance).
      </p>
      {rows.length === 0 ? (
        <p>No damaged records.</p>
      ) : (
        <ul className="damaged-list">
          {rows.map((q) => (
            <DamagedItem key={q.seq} q={q} />
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeDamagedRecords}>Close</button>
      </div>
    </>
  );
}

function DamagedItem({ q }: { q: QuarantineRow }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const what = describeRow(q.table, q.id);
  const tryRestore = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome(await restoreDamaged(q.seq!));
    setBusy(false);
  };
  return (
    <li className={q.restoredAt === undefined ? 'damaged-item' : 'damaged-item damaged-restored'}>
      <h3>{capitalise(what)}</h3>
      <p className="damaged-why">{q.explanation ?? q.reason}</p>
      <p className="damaged-when">
        Table “{q.table}”, id “{q.id}”. Set aside {formatWhen(Date.parse(q.at))}
        {q.restoredAt !== undefined && <>; restored {formatWhen(q.restoredAt)}</>}.
      </p>
      <div className="damaged-actions">
        <button type="button" aria-label={`Download ${what}`} onClick={() => download(q)}>Download</button>
        <button type="button" aria-label={`Try to restore ${what}`} onClick={() => void tryRestore()} aria-busy={busy}>
          Try to restore
        </button>
      </div>
      <p role="status" className={outcome?.ok === false ? 'damaged-outcome damaged-failed' : 'damaged-outcome'}>{outcome?.message ?? ''}</p>
    </li>
  );
}

/** The raw row exactly as it was stored, as JSON. */
function download(q: QuarantineRow): void {
  const text = JSON.stringify(q.row, null, 2) ?? 'null';
  downloadBlob(new Blob([text], { type: 'application/json' }), `${safeFileName(`damaged ${q.table} ${q.id}`)}.json`);
}
