import { useModalDialog } from '../common/useModalDialog';
import { shortcutGroups } from '../actions/table';
import { closeShortcuts, useShortcutsOpen } from './shortcutsOpen';

// Every key the action table knows, by section: written from the table, so it cannot list a
// key that does nothing or miss one that does something.

/** Mouse gestures with no key of their own. */
const POINTER_ONLY: [string, string][] = [['Shift+click, Shift+drag', 'Add to the selection, select with a box']];

export function ShortcutsDialog() {
  const open = useShortcutsOpen((s) => s.open);
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={closeShortcuts}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {open &&
        shortcutGroups().map(({ group, title, rows }) => (
          <table key={group} className="shortcuts">
            <caption>{title}</caption>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-action={r.id}><th scope="row"><kbd>{r.keys}</kbd></th><td>{r.what}</td></tr>
              ))}
              {group === 'select' && POINTER_ONLY.map(([k, v]) => <tr key={k}><th scope="row"><kbd>{k}</kbd></th><td>{v}</td></tr>)}
            </tbody>
          </table>
        ))}
      <form method="dialog" className="dialog-actions"><button className="primary" autoFocus>Close</button></form>
    </dialog>
  );
}
