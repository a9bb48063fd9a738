import { restoreDamagedRecord, type RestorableRecord } from '../core/commands/restoreRecord';
import { describeSaveError } from '../persistence/saveErrors';
import { markRestored, putBack } from '../persistence/quarantine';
import { useDocument } from './documentStore';
import { currentSession } from './workspaceSession';

// "Try to restore" a row set aside as damaged: checked again as this version reads it, then
// put back by an undoable command (document records) or into its own table (history, trash).
// The copy set aside is kept either way.

export type RestoreOutcome = { ok: true; message: string } | { ok: false; message: string };

export async function restoreDamaged(seq: number): Promise<RestoreOutcome> {
  const session = currentSession();
  const ws = useDocument.getState().workspace;
  if (!session || !ws) return { ok: false, message: 'No workspace is open.' };
  if (session.repo.readOnly) return { ok: false, message: 'This workspace is open read-only, so nothing can be put back.' };
  const q = await session.db.quarantine.get(seq);
  if (!q) return { ok: false, message: 'This record is not kept any more (it may have been restored in another tab).' };
  // The check of a damaged row (zod, with what is wrong in words) is loaded on first use.
  const { planRestore } = await import('../core/schema/restoreDamaged');
  const plan = planRestore(q, ws);
  if (!plan.ok) return { ok: false, message: plan.reason };
  try {
    if (plan.into === 'table') {
      await putBack(session.db, seq, plan.table, plan.row, Date.now());
      return { ok: true, message: 'Restored.' };
    }
    if (!useDocument.getState().dispatch(restoreDamagedRecord, plan.change as RestorableRecord)) {
      return { ok: false, message: 'It reads whole now, but the workspace did not take it back (see the message above).' };
    }
    await markRestored(session.db, seq, Date.now());
    return { ok: true, message: 'Restored. Undo takes it back out.' };
  } catch (e) {
    return { ok: false, message: `Not restored: ${describeSaveError(e).replace(/^Not saved:\s*/, '')}` };
  }
}
