import { lazy, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import { LazyPart } from '../common/Lazy';

// Whether the export dialog is open, apart from the dialog itself: the dialog, the report and
// the picture writers behind it are loaded when it first opens, not with the page.

const useExportDialog = create<{ open: boolean }>(() => ({ open: false }));
export const openExport = () => useExportDialog.setState({ open: true });
const closeExport = () => useExportDialog.setState({ open: false });

const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

/** Where the editor's export dialog opens (the toolbar's Export… action opens it), over the page. */
export function ExportDialogHost() {
  const open = useExportDialog((s) => s.open);
  // Leaving the editor closes the dialog, so it does not come back by itself on the next map.
  useEffect(() => closeExport, []);
  if (!open) return null;
  return createPortal(
    <LazyPart what="the export" over>
      <ExportDialog onClose={closeExport} />
    </LazyPart>,
    document.body,
  );
}
