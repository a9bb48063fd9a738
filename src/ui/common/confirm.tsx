import { useEffect, useRef } from 'react';
import { create } from 'zustand';

// One modal question at a time, answered by a promise: `await confirm({...})`.

interface Question {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  resolve: (ok: boolean) => void;
}

const useConfirm = create<{ q: Question | null }>(() => ({ q: null }));

export function confirm(q: Omit<Question, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => useConfirm.setState({ q: { ...q, resolve } }));
}

export function ConfirmHost() {
  const q = useConfirm((s) => s.q);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (q && !d.open) d.showModal();
    if (!q && d.open) d.close();
  }, [q]);
  const answer = (ok: boolean) => {
    q?.resolve(ok);
    useConfirm.setState({ q: null });
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); answer(false); }}>
      {q && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); answer(true); }}>
          <h2 id="confirm-title">{q.title}</h2>
          <p>{q.body}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => answer(false)}>Cancel</button>
            <button type="submit" className={q.danger ? 'danger' : 'primary'} autoFocus>{q.confirmLabel}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}

export const confirmLaneDelete = (laneName: string, nodeCount: number) =>
  confirm({
    title: `Delete lane “${laneName}”?`,
    body: `Its ${nodeCount} ${nodeCount === 1 ? 'node goes' : 'nodes go'} with it, and every flow to them. You can undo this (Ctrl+Z).`,
    confirmLabel: 'Delete lane',
    danger: true,
  });
