import { useEffect, useRef, useState } from 'react';
import { activeDb, deleteForever, watchTrash, type TrashRow } from '../../persistence/historyQueries';
import { TRASH_MS } from '../../persistence/revisionPolicy';
import { useDocument } from '../../state/documentStore';
import { restoreDeletedMap, undoLatest } from '../../state/mapActions';
import { useUi } from '../../state/uiStore';
import { confirm } from '../common/confirm';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { goToMap } from '../shell/useHashRoute';
import { formatDay, formatWhen } from './formatWhen';
import { StorageNotOpen } from '../common/StorageNotOpen';
import './history.css';
import { useActiveDb } from './useActiveDb';
import { count } from '../../core/model/vocabulary';

// Deleted maps, kept for 30 days: restore one (an undoable edit) or delete it for good.

/** The trash's rows as they change, in this tab or another; null while reading or without storage. */
function useTrash(): TrashRow[] | null {
  const [rows, setRows] = useState<TrashRow[] | null>(null);
  // The map list can be on screen before storage is open, and another workspace can be opened.
  const db = useActiveDb();
  useEffect(() => {
    setRows(null);
    return db ? watchTrash(db, setRows, (e) => console.warn('Lanemap: reading the trash failed', e)) : undefined;
  }, [db]);
  return rows;
}

/** "Trash (2)": opens the dialog. For the map list. */
export function TrashButton({ className }: { className?: string }) {
  const [open, setOpen] = useState(false);
  const rows = useTrash();
  const total = rows?.length ?? 0;
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-label={`Trash: ${count(total, 'deleted map')}`} title="Deleted maps, kept for 30 days">
        Trash{total > 0 ? ` (${total})` : ''}
      </button>
      {open && <TrashDialog rows={rows} onClose={() => setOpen(false)} />}
    </>
  );
}

export function TrashDialog({ rows, onClose }: { rows: TrashRow[] | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const db = useActiveDb();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog trash-dialog" aria-labelledby="trash-title" onClose={onClose}>
      <h2 id="trash-title">Deleted maps</h2>
      <p className="hint">A deleted map is kept here for 30 days, with its history, then removed for good.</p>
      {!db ? (
        <StorageNotOpen refusedText="The trash is not available: browser storage could not be opened." />
      ) : !rows ? (
        <p role="status">Reading the trash…</p>
      ) : rows.length === 0 ? (
        <p>The trash is empty.</p>
      ) : (
        <ErrorBoundary what="the trash" back={{ label: 'Close', run: onClose }}>
          <TrashList rows={rows} onClose={onClose} />
        </ErrorBoundary>
      )}
      <form method="dialog" className="dialog-actions"><button>Close</button></form>
    </dialog>
  );
}

/** A list of its own, so that a damaged row is caught here and the dialog can still be closed. */
function TrashList({ rows, onClose }: { rows: TrashRow[]; onClose: () => void }) {
  const departments = useDocument((s) => s.workspace?.departments);
  const depName = (id: string | null) => departments?.find((d) => d.id === id)?.name ?? 'No department';
  return (
    <ul className="trash-list" aria-label="Deleted maps">
      {rows.map((r) => (
        <li key={r.id}>
          <div className="trash-what">
            <strong>{r.map.name}</strong>
            <span className="hint">
              {depName(r.map.departmentId)} · {r.map.nodes.length} nodes · deleted {formatWhen(r.deletedAt)} · kept until {formatDay(r.deletedAt + TRASH_MS)}
            </span>
          </div>
          <button type="button" onClick={() => restore(r, onClose)} aria-label={`Restore ${r.map.name}`}>Restore</button>
          <button type="button" className="danger" onClick={() => void purge(r)} aria-label={`Delete ${r.map.name} forever`}>Delete forever</button>
        </li>
      ))}
    </ul>
  );
}

function restore(r: TrashRow, done: () => void): void {
  if (!restoreDeletedMap(r.map)) return; // the refusal is shown as a message
  done();
  goToMap(r.id);
  useUi.getState().toast({ tone: 'info', message: `Map "${r.map.name}" restored`, action: { label: 'Undo', run: () => undoLatest(null) } });
}

async function purge(r: TrashRow): Promise<void> {
  const db = activeDb();
  if (!db) return;
  const ok = await confirm({
    title: `Delete “${r.map.name}” forever?`,
    body: 'The map and all its saved versions are removed from this browser. This cannot be undone; export the workspace first if you may need it.',
    confirmLabel: 'Delete forever',
    danger: true,
  });
  if (!ok) return;
  try {
    await deleteForever(db, r.id);
    useUi.getState().toast({ tone: 'info', message: `Map "${r.map.name}" deleted forever` });
  } catch (e) {
    useUi.getState().toast({ tone: 'error', message: `Not deleted: ${e instanceof Error ? e.message : String(e)}` });
  }
}
