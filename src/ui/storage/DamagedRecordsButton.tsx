import { openDamagedRecords, useDamagedRows, waiting } from './damagedRecordsStore';

/** "Damaged records (3)": in the status area while any is not restored, and in the Storage panel while any is kept. */
export function DamagedRecordsButton({ always = false, onOpen }: { always?: boolean; onOpen?: () => void }) {
  const rows = useDamagedRows();
  const n = waiting(rows);
  if (rows.length === 0 || (n === 0 && !always)) return null;
  return (
    <button
      type="button"
      className={n > 0 ? 'damaged-button damaged-waiting' : 'damaged-button'}
      onClick={() => {
        onOpen?.();
        openDamagedRecords();
      }}
      title="Records that could not be read when the workspace opened: kept aside, to download or restore"
    >
      Damaged records ({n})
    </button>
  );
}
