import { useEffect, useRef, type RefObject } from 'react';

/** A <dialog> shown as a modal while `open` is true (focus trapped, Escape closes it) and closed when it turns false. */
export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return ref;
}
