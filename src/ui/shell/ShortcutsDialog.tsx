import { useEffect, useRef } from 'react';
import { create } from 'zustand';

export const SHORTCUTS: [string, string][] = [
  ['S / D / B / E', 'Add step / decision / start / end (after the selected node, connected)'],
  ['T / Y / O / N', 'Add data store / system / document / note'],
  ['L', 'Add lane'],
  ['Shift+L', 'Auto layout: lanes kept, flows left to right'],
  ['F2 or double-click', 'Edit label; Enter keeps it, Escape cancels'],
  ['Delete / Backspace', 'Delete the selection'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Ctrl+C / Ctrl+V / Ctrl+D', 'Copy / paste / duplicate'],
  ['Ctrl+A', 'Select all nodes'],
  ['Arrow keys', 'Nudge (with Shift: 50 px)'],
  ['Alt+Up / Alt+Down', 'Move the selection to the lane above / below'],
  ['Shift+Click, Shift+drag', 'Add to the selection, select with a box'],
  ['Shift+1', 'Zoom to fit'],
  ['Ctrl+Shift+E', 'Export pictures or a report'],
  ['H', 'History of this map: view and restore saved versions'],
  ['Escape', 'Clear the selection'],
  ['?', 'This list'],
];

const useShortcuts = create<{ open: boolean }>(() => ({ open: false }));
export const openShortcuts = () => useShortcuts.setState({ open: true });

export function ShortcutsDialog() {
  const open = useShortcuts((s) => s.open);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={() => useShortcuts.setState({ open: false })}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([k, v]) => (
            <tr key={k}><th scope="row"><kbd>{k}</kbd></th><td>{v}</td></tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="dialog-actions"><button className="primary" autoFocus>Close</button></form>
    </dialog>
  );
}
