import { create } from 'zustand';
import type { QuarantineRow } from '../../persistence/db';
import { activeDb, onActiveDbChange } from '../../persistence/historyQueries';
import { watchQuarantine } from '../../persistence/quarantine';

// The rows set aside as damaged in the open workspace, kept live (a load in another tab may
// set more aside), and whether their panel is open.

interface DamagedRecords {
  rows: QuarantineRow[];
  open: boolean;
}

export const useDamaged = create<DamagedRecords>(() => ({ rows: [], open: false }));
export const openDamagedRecords = () => useDamaged.setState({ open: true });
export const closeDamagedRecords = () => useDamaged.setState({ open: false });

let started = false;
let stop: (() => void) | null = null;

function follow(): void {
  stop?.();
  const db = activeDb();
  useDamaged.setState({ rows: [] });
  stop = db ? watchQuarantine(db, (rows) => useDamaged.setState({ rows }), (e) => console.warn('Lanemap: reading the damaged records failed', e)) : null;
}

/** The rows, watched from the first component that asks. */
export function useDamagedRows(): QuarantineRow[] {
  if (!started) {
    started = true;
    onActiveDbChange(follow);
    follow();
  }
  return useDamaged((s) => s.rows);
}

/** Rows not restored yet: the count the status area shows. */
export const waiting = (rows: QuarantineRow[]) => rows.filter((r) => r.restoredAt === undefined).length;
